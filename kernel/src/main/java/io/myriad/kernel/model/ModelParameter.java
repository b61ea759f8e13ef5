package io.myriad.kernel.model;

import java.util.Objects;

/**
 * A parameter a model accepts, with its type, default, bounds and meaning.
 *
 * @param name         name as written in scenarios and on the command line, snake_case.
 * @param type         type of the value.
 * @param defaultValue value used when none is given: a Long, Double, Boolean or String matching the type.
 * @param min          smallest accepted numeric value, inclusive (ignored for booleans and strings).
 * @param max          largest accepted numeric value, inclusive (ignored for booleans and strings).
 * @param description  what the parameter means, one line.
 */
public record ModelParameter(
    String name, ParameterType type, Object defaultValue, double min, double max, String description)
{
    /**
     * Validates the declaration.
     *
     * @param name         name as written in scenarios and on the command line, snake_case.
     * @param type         type of the value.
     * @param defaultValue value used when none is given.
     * @param min          smallest accepted numeric value, inclusive.
     * @param max          largest accepted numeric value, inclusive.
     * @param description  what the parameter means, one line.
     */
    public ModelParameter
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        final String problem = check(type, defaultValue, min, max);
        if (problem != null)
        {
            throw new IllegalArgumentException("default of parameter " + name + " " + problem);
        }
    }

    /**
     * Declares a double parameter.
     *
     * @param name         parameter name.
     * @param defaultValue default value.
     * @param min          smallest accepted value.
     * @param max          largest accepted value.
     * @param description  meaning.
     * @return the declaration.
     */
    public static ModelParameter ofDouble(
        final String name, final double defaultValue, final double min, final double max, final String description)
    {
        return new ModelParameter(name, ParameterType.DOUBLE, defaultValue, min, max, description);
    }

    /**
     * Declares an integer parameter.
     *
     * @param name         parameter name.
     * @param defaultValue default value.
     * @param min          smallest accepted value.
     * @param max          largest accepted value.
     * @param description  meaning.
     * @return the declaration.
     */
    public static ModelParameter ofInteger(
        final String name, final long defaultValue, final long min, final long max, final String description)
    {
        return new ModelParameter(name, ParameterType.INTEGER, defaultValue, min, max, description);
    }

    /**
     * Declares a boolean parameter.
     *
     * @param name         parameter name.
     * @param defaultValue default value.
     * @param description  meaning.
     * @return the declaration.
     */
    public static ModelParameter ofBoolean(final String name, final boolean defaultValue, final String description)
    {
        return new ModelParameter(name, ParameterType.BOOLEAN, defaultValue, 0, 0, description);
    }

    /**
     * Checks a value against the parameter's type and bounds.
     *
     * @param value a Long, Double, Boolean or String.
     * @return null when the value is acceptable, else what is wrong with it, e.g. "must be at least 0".
     */
    public String problemWith(final Object value)
    {
        return check(type, value, min, max);
    }

    private static String check(final ParameterType type, final Object value, final double min, final double max)
    {
        switch (type)
        {
            case INTEGER:
                if (!(value instanceof Long))
                {
                    return "must be an integer";
                }
                return checkRange(((Long)value).doubleValue(), min, max);
            case DOUBLE:
                if (!(value instanceof Double))
                {
                    return "must be a number";
                }
                final double d = (Double)value;
                return Double.isFinite(d) ? checkRange(d, min, max) : "must be a finite number";
            case BOOLEAN:
                return value instanceof Boolean ? null : "must be true or false";
            case STRING:
                return value instanceof String ? null : "must be text";
            default:
                throw new IllegalStateException("unknown parameter type " + type);
        }
    }

    private static String checkRange(final double value, final double min, final double max)
    {
        if (value < min)
        {
            return "must be at least " + format(min);
        }
        if (value > max)
        {
            return "must be at most " + format(max);
        }
        return null;
    }

    private static String format(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
    }
}
