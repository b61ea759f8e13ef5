package io.myriad.plugins.declared;

import java.nio.ByteOrder;
import java.util.Locale;

import org.agrona.MutableDirectBuffer;

import io.myriad.layouts.FieldType;

/**
 * The field types a declaration may give: {@code int}, {@code long}, {@code double}, {@code boolean} (a byte, 1 or
 * 0) and {@code symbol} (an int: 0 for none, else the number of a quoted text of the declaration); and how their
 * values, all doubles in expressions, are written, a boolean kept to 1 or 0. They are read as their
 * {@link FieldType} reads them.
 */
final class Values
{
    /** The names a declaration may give, in the order to document them. */
    static final String[] TYPES = { "int", "long", "double", "boolean", "symbol" };

    private Values()
    {
    }

    /**
     * @param type a declared type's name.
     * @return its storage type, or null if there is no such type.
     */
    static FieldType storage(final String type)
    {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT))
        {
            case "int", "symbol" -> FieldType.INT;
            case "long" -> FieldType.LONG;
            case "double" -> FieldType.DOUBLE;
            case "boolean" -> FieldType.BYTE;
            default -> null;
        };
    }

    /**
     * Writes a value into a payload (little-endian), a boolean as 1 or 0.
     */
    static void put(final MutableDirectBuffer buffer, final int at, final FieldType type, final double value)
    {
        type.write(buffer, at, type == FieldType.BYTE && value != 0 ? 1 : value, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes a value into an agent's field (the platform's order, as a store holds it), a boolean as 1 or 0.
     */
    static void putNative(final MutableDirectBuffer buffer, final int at, final FieldType type, final double value)
    {
        type.write(buffer, at, type == FieldType.BYTE && value != 0 ? 1 : value);
    }
}
