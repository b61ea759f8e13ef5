package io.myriad.layouts;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The primitive types an agent field may have, with their size in bytes.
 */
public enum FieldType
{
    /** 8-bit signed integer. */
    BYTE(1),
    /** 16-bit signed integer. */
    SHORT(2),
    /** 32-bit signed integer. */
    INT(4),
    /** 64-bit signed integer. */
    LONG(8),
    /** 32-bit IEEE 754 float. */
    FLOAT(4),
    /** 64-bit IEEE 754 float. */
    DOUBLE(8);

    private final int size;

    FieldType(final int size)
    {
        this.size = size;
    }

    /**
     * @return size of one value in bytes, which is also its natural alignment.
     */
    public int size()
    {
        return size;
    }

    /**
     * Reads a value of this type, in the platform's order (as an agent store holds its fields), as a double.
     *
     * @param buffer the bytes.
     * @param index  where the value starts.
     * @return the value, widened or converted to a double.
     */
    public double read(final DirectBuffer buffer, final int index)
    {
        return switch (this)
        {
            case BYTE -> buffer.getByte(index);
            case SHORT -> buffer.getShort(index);
            case INT -> buffer.getInt(index);
            case LONG -> buffer.getLong(index);
            case FLOAT -> buffer.getFloat(index);
            case DOUBLE -> buffer.getDouble(index);
        };
    }

    /**
     * Writes a double as a value of this type, in the platform's order: integer types take it rounded towards zero.
     *
     * @param buffer the bytes.
     * @param index  where the value starts.
     * @param value  the value.
     */
    public void write(final MutableDirectBuffer buffer, final int index, final double value)
    {
        switch (this)
        {
            case BYTE -> buffer.putByte(index, (byte)value);
            case SHORT -> buffer.putShort(index, (short)value);
            case INT -> buffer.putInt(index, (int)value);
            case LONG -> buffer.putLong(index, (long)value);
            case FLOAT -> buffer.putFloat(index, (float)value);
            case DOUBLE -> buffer.putDouble(index, value);
            default -> throw new IllegalStateException(name());
        }
    }

    /**
     * Reads a value of this type in a given byte order (a command's or a message's payload is little-endian).
     *
     * @param buffer the bytes.
     * @param index  where the value starts.
     * @param order  the bytes' order.
     * @return the value, widened or converted to a double.
     */
    public double read(final DirectBuffer buffer, final int index, final ByteOrder order)
    {
        return switch (this)
        {
            case BYTE -> buffer.getByte(index);
            case SHORT -> buffer.getShort(index, order);
            case INT -> buffer.getInt(index, order);
            case LONG -> buffer.getLong(index, order);
            case FLOAT -> buffer.getFloat(index, order);
            case DOUBLE -> buffer.getDouble(index, order);
        };
    }

    /**
     * Writes a double as a value of this type in a given byte order: integer types take it rounded towards zero.
     *
     * @param buffer the bytes.
     * @param index  where the value starts.
     * @param value  the value.
     * @param order  the bytes' order.
     */
    public void write(final MutableDirectBuffer buffer, final int index, final double value, final ByteOrder order)
    {
        switch (this)
        {
            case BYTE -> buffer.putByte(index, (byte)value);
            case SHORT -> buffer.putShort(index, (short)value, order);
            case INT -> buffer.putInt(index, (int)value, order);
            case LONG -> buffer.putLong(index, (long)value, order);
            case FLOAT -> buffer.putFloat(index, (float)value, order);
            case DOUBLE -> buffer.putDouble(index, value, order);
            default -> throw new IllegalStateException(name());
        }
    }
}
