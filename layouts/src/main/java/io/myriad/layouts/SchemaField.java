package io.myriad.layouts;

import java.util.Objects;

/**
 * One field of a {@link Schema}: its name, primitive type and whether it is double buffered.
 *
 * @param name           field name, a Java identifier, unique within its schema.
 * @param type           primitive type of the field.
 * @param doubleBuffered true when systems write the next value while others read the current one.
 */
public record SchemaField(String name, FieldType type, boolean doubleBuffered)
{
    /**
     * Validates the field.
     *
     * @param name           field name, a Java identifier, unique within its schema.
     * @param type           primitive type of the field.
     * @param doubleBuffered true when systems write the next value while others read the current one.
     */
    public SchemaField
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ||
            !name.chars().skip(1).allMatch(Character::isJavaIdentifierPart))
        {
            throw new IllegalArgumentException("field name is not a Java identifier: '" + name + "'");
        }
    }
}
