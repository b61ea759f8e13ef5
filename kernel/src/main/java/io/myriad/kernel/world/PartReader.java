package io.myriad.kernel.world;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Reads back a {@link Part}'s checkpoint section, value by value, as {@link PartWriter} wrote it. Every read checks
 * that the section holds the bytes, and the checks that compare the section with the part's configuration say
 * what differs, so a part's {@code read} stays a list of reads and expectations.
 */
public final class PartReader
{
    private final String part;
    private DirectBuffer buffer;
    private int position;
    private int limit;

    /**
     * @param part the name of the part reading, for errors.
     */
    public PartReader(final String part)
    {
        this.part = part;
    }

    /**
     * @param buffer the section's bytes.
     * @param offset where they start.
     * @param length how many.
     * @return this reader, at the section's start.
     */
    public PartReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    /**
     * @return bytes left to read.
     */
    public int remaining()
    {
        return limit - position;
    }

    /**
     * @return the next 4 bytes as an int.
     */
    public int getInt()
    {
        need(Integer.BYTES);
        final int value = buffer.getInt(position, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
        return value;
    }

    /**
     * @return the next 8 bytes as a long.
     */
    public long getLong()
    {
        need(Long.BYTES);
        final long value = buffer.getLong(position, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
        return value;
    }

    /**
     * @return the next 8 bytes as a double's raw bits.
     */
    public double getDouble()
    {
        return Double.longBitsToDouble(getLong());
    }

    /**
     * @return the next string.
     */
    public String getString()
    {
        final int length = getInt();
        if (length < 0)
        {
            throw fail("a string of negative length " + length);
        }
        need(length);
        final byte[] bytes = new byte[length];
        buffer.getBytes(position, bytes);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Copies the next bytes as they are into a destination.
     *
     * @param destination where they go.
     * @param offset      where in it.
     * @param length      how many.
     */
    public void getBytes(final MutableDirectBuffer destination, final int offset, final int length)
    {
        need(length);
        destination.putBytes(offset, buffer, position, length);
        position += length;
    }

    /**
     * @param destination filled with the next {@code count} longs.
     * @param count       how many.
     */
    public void getLongs(final long[] destination, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            destination[i] = getLong();
        }
    }

    /**
     * @param destination filled with the next {@code count} ints.
     * @param count       how many.
     */
    public void getInts(final int[] destination, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            destination[i] = getInt();
        }
    }

    /**
     * Reads an int that must equal the part's own value.
     *
     * @param what     what the value is, for the error.
     * @param expected the part's value.
     */
    public void expectInt(final String what, final int expected)
    {
        final int actual = getInt();
        if (actual != expected)
        {
            throw fail(what + " " + actual + ", this run's has " + expected);
        }
    }

    /**
     * Reads a long that must equal the part's own value.
     *
     * @param what     what the value is, for the error.
     * @param expected the part's value.
     */
    public void expectLong(final String what, final long expected)
    {
        final long actual = getLong();
        if (actual != expected)
        {
            throw fail(what + " " + actual + ", this run's has " + expected);
        }
    }

    /**
     * Reads a double that must equal the part's own value, bit for bit.
     *
     * @param what     what the value is, for the error.
     * @param expected the part's value.
     */
    public void expectDouble(final String what, final double expected)
    {
        final double actual = getDouble();
        if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected))
        {
            throw fail(what + " " + actual + ", this run's has " + expected);
        }
    }

    /**
     * Checks that the whole section was read.
     */
    public void expectEnd()
    {
        if (position != limit)
        {
            throw fail((limit - position) + " bytes more than the part reads");
        }
    }

    /**
     * @param what what does not fit.
     * @return an exception naming the part, to throw.
     */
    public PartFormatException fail(final String what)
    {
        return new PartFormatException("part " + part + ": the checkpoint has " + what);
    }

    private void need(final int bytes)
    {
        if (bytes > limit - position)
        {
            throw fail("a section cut short: " + bytes + " bytes wanted at byte " + position + " of " + limit);
        }
    }
}
