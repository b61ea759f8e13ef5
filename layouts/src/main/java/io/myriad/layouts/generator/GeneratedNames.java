package io.myriad.layouts.generator;

/**
 * How the generator names what it generates from a record's name and its components' names.
 */
final class GeneratedNames
{
    /** Suffix of the class holding the schema constant and field indices. */
    static final String SCHEMA_CLASS_SUFFIX = "Schema";

    /** Suffix of the flyweight class. */
    static final String FLYWEIGHT_CLASS_SUFFIX = "Flyweight";

    /** Name of the schema constant in the schema class. */
    static final String SCHEMA_CONSTANT = "SCHEMA";

    /** Suffix of the class a command record's codec is generated as. */
    static final String CODEC_CLASS_SUFFIX = "Codec";

    /** Suffix of a codec's constant holding a field's offset in the payload. */
    static final String OFFSET_CONSTANT_SUFFIX = "_OFFSET";

    /** Prefix of the accessors and cached addressing of a double-buffered field's next value. */
    static final String NEXT_PREFIX = "next";

    private GeneratedNames()
    {
    }

    /**
     * The name of a field-index constant: UPPER_SNAKE_CASE of a camelCase name, e.g. {@code heatLevel} gives
     * {@code HEAT_LEVEL} and {@code httpURLPort} gives {@code HTTP_URL_PORT}.
     *
     * @param name a component's name.
     * @return the constant's name.
     */
    static String constantName(final String name)
    {
        final int length = name.length();
        final StringBuilder sb = new StringBuilder(length + 4);
        for (int i = 0; i < length; i++)
        {
            final char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c))
            {
                final char previous = name.charAt(i - 1);
                final boolean lowerFollows = i + 1 < length && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous) ||
                    (Character.isUpperCase(previous) && lowerFollows))
                {
                    sb.append('_');
                }
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    /**
     * The name of the accessor of a double-buffered field's next value, e.g. {@code x} gives {@code nextX}.
     *
     * @param name a component's name.
     * @return the accessor's name.
     */
    static String nextName(final String name)
    {
        return NEXT_PREFIX + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The name of a codec's offset constant, e.g. {@code toCell} gives {@code TO_CELL_OFFSET}.
     *
     * @param name a component's name.
     * @return the constant's name.
     */
    static String offsetConstantName(final String name)
    {
        return constantName(name) + OFFSET_CONSTANT_SUFFIX;
    }
}
