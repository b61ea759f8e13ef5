package io.myriad.plugins.declared;

import java.nio.ByteOrder;
import java.util.Locale;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.myriad.layouts.FieldType;

/**
 * The field types a declaration may give, and how their values, all doubles in expressions, are read from and
 * written to bytes: {@code int}, {@code long}, {@code double}, {@code boolean} (a byte, 1 or 0) and {@code symbol}
 * (an int: 0 for none, else the number of a quoted text of the declaration).
 */
final class Values
{
    /** The names a declaration may give, in the order to document them. */
    static final String[] TYPES = { "int", "long", "double", "boolean", "symbol" };

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

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

    static double get(final DirectBuffer buffer, final int at, final FieldType type)
    {
        return switch (type)
        {
            case BYTE -> buffer.getByte(at);
            case SHORT -> buffer.getShort(at, ORDER);
            case INT -> buffer.getInt(at, ORDER);
            case LONG -> buffer.getLong(at, ORDER);
            case FLOAT -> buffer.getFloat(at, ORDER);
            case DOUBLE -> buffer.getDouble(at, ORDER);
        };
    }

    static void put(final MutableDirectBuffer buffer, final int at, final FieldType type, final double value)
    {
        switch (type)
        {
            case BYTE -> buffer.putByte(at, (byte)(value != 0 ? 1 : 0));
            case SHORT -> buffer.putShort(at, (short)value, ORDER);
            case INT -> buffer.putInt(at, (int)value, ORDER);
            case LONG -> buffer.putLong(at, (long)value, ORDER);
            case FLOAT -> buffer.putFloat(at, (float)value, ORDER);
            case DOUBLE -> buffer.putDouble(at, value, ORDER);
            default -> throw new IllegalStateException("field type " + type);
        }
    }

    /**
     * A store's fields are in the platform's order, as its flyweights read them.
     */
    static double getNative(final DirectBuffer buffer, final int at, final FieldType type)
    {
        return switch (type)
        {
            case BYTE -> buffer.getByte(at);
            case SHORT -> buffer.getShort(at);
            case INT -> buffer.getInt(at);
            case LONG -> buffer.getLong(at);
            case FLOAT -> buffer.getFloat(at);
            case DOUBLE -> buffer.getDouble(at);
        };
    }

    static void putNative(final MutableDirectBuffer buffer, final int at, final FieldType type, final double value)
    {
        switch (type)
        {
            case BYTE -> buffer.putByte(at, (byte)(value != 0 ? 1 : 0));
            case SHORT -> buffer.putShort(at, (short)value);
            case INT -> buffer.putInt(at, (int)value);
            case LONG -> buffer.putLong(at, (long)value);
            case FLOAT -> buffer.putFloat(at, (float)value);
            case DOUBLE -> buffer.putDouble(at, value);
            default -> throw new IllegalStateException("field type " + type);
        }
    }
}
