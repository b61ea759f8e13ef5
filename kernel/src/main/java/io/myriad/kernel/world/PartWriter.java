package io.myriad.kernel.world;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Where a {@link Part} writes its checkpoint section: little-endian values appended one after another into a
 * buffer that grows as needed and is kept from one checkpoint to the next.
 */
public final class PartWriter
{
    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(4096);
    private int position;

    /**
     * Starts a new section, keeping the memory.
     *
     * @return this writer.
     */
    public PartWriter reset()
    {
        position = 0;
        return this;
    }

    /**
     * @return bytes written so far.
     */
    public int length()
    {
        return position;
    }

    /**
     * @return the bytes written, {@link #length()} of them from offset 0.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @param value appended as 4 bytes.
     * @return this writer.
     */
    public PartWriter putInt(final int value)
    {
        buffer.putInt(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
        return this;
    }

    /**
     * @param value appended as 8 bytes.
     * @return this writer.
     */
    public PartWriter putLong(final long value)
    {
        buffer.putLong(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
        return this;
    }

    /**
     * @param value appended as its 8 raw IEEE bytes.
     * @return this writer.
     */
    public PartWriter putDouble(final double value)
    {
        return putLong(Double.doubleToRawLongBits(value));
    }

    /**
     * @param value appended as an int32 byte count and that many bytes of UTF-8.
     * @return this writer.
     */
    public PartWriter putString(final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        buffer.putBytes(position, bytes);
        position += bytes.length;
        return this;
    }

    /**
     * Appends raw bytes as they are, e.g. a layer's column in native order: a reader on the same machine kind
     * copies them back with {@link PartReader#getBytes(MutableDirectBuffer, int, int)}.
     *
     * @param source where the bytes are.
     * @param offset where they start.
     * @param length how many.
     * @return this writer.
     */
    public PartWriter putBytes(final DirectBuffer source, final int offset, final int length)
    {
        buffer.putBytes(position, source, offset, length);
        position += length;
        return this;
    }

    /**
     * @param values appended one after another, each as {@link #putLong(long)}.
     * @param count  how many from index 0.
     * @return this writer.
     */
    public PartWriter putLongs(final long[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            putLong(values[i]);
        }
        return this;
    }

    /**
     * @param values appended one after another, each as {@link #putInt(int)}.
     * @param count  how many from index 0.
     * @return this writer.
     */
    public PartWriter putInts(final int[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            putInt(values[i]);
        }
        return this;
    }
}
