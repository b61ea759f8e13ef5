package io.myriad.kernel.hash;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SchemaField;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The state hash in progress: words folded in one at a time with an xxHash64 round, finished with xxHash64's
 * avalanche. The world folds in its stores and then hands it to each part, so every kind of state feeds one hash
 * in declaration order. One instance per simulation, reused between steps; not thread safe.
 */
public final class StateHasher
{
    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;
    private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME_5 = 0x27D4EB2F165667C5L;

    private long h;

    /**
     * Starts a new hash.
     *
     * @return this hasher.
     */
    public StateHasher reset()
    {
        h = PRIME_5 + StateHash.VERSION;
        return this;
    }

    /**
     * @param word folded in.
     * @return this hasher.
     */
    public StateHasher word(final long word)
    {
        h = Long.rotateLeft(h ^ Long.rotateLeft(word * PRIME_2, 31) * PRIME_1, 27) * PRIME_1 + PRIME_4;
        return this;
    }

    /**
     * @param value folded in by its raw IEEE bits, so that 0.0 and -0.0, and NaNs of other payloads, differ.
     * @return this hasher.
     */
    public StateHasher doubleValue(final double value)
    {
        return word(Double.doubleToRawLongBits(value));
    }

    /**
     * @param text folded in as its length and its chars.
     * @return this hasher.
     */
    public StateHasher text(final String text)
    {
        word(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            word(text.charAt(i));
        }
        return this;
    }

    /**
     * Folds in raw bytes, a little-endian long at a time and the tail byte by byte, preceded by their count.
     *
     * @param buffer where they are.
     * @param offset where they start.
     * @param length how many.
     * @return this hasher.
     */
    public StateHasher bytes(final DirectBuffer buffer, final int offset, final int length)
    {
        word(length);
        final int end = offset + length;
        int i = offset;
        for (; i + Long.BYTES <= end; i += Long.BYTES)
        {
            word(buffer.getLong(i, java.nio.ByteOrder.LITTLE_ENDIAN));
        }
        for (; i < end; i++)
        {
            word(buffer.getByte(i));
        }
        return this;
    }

    /**
     * @param values folded in, preceded by their count.
     * @param count  how many from index 0.
     * @return this hasher.
     */
    public StateHasher words(final long[] values, final int count)
    {
        word(count);
        for (int i = 0; i < count; i++)
        {
            word(values[i]);
        }
        return this;
    }

    /**
     * @param values folded in, preceded by their count.
     * @param count  how many from index 0.
     * @return this hasher.
     */
    public StateHasher ints(final int[] values, final int count)
    {
        word(count);
        for (int i = 0; i < count; i++)
        {
            word(values[i]);
        }
        return this;
    }

    /**
     * Folds in one agent store: its capacity, high-water mark and live count, the liveness bits, then for each
     * field in schema order the current value of every live agent in index order (integers sign-extended to 64
     * bits, floats by their raw IEEE bits). The result does not depend on the layout or on which copy of a
     * double-buffered field is current.
     *
     * @param store the agents, between steps.
     * @return this hasher.
     */
    public StateHasher store(final AgentStore store)
    {
        final int highWaterMark = store.highWaterMark();
        word(store.capacity());
        word(highWaterMark);
        word(store.liveCount());
        final int aliveWords = (highWaterMark + 63) >>> 6;
        for (int w = 0; w < aliveWords; w++)
        {
            word(store.aliveWord(w));
        }
        final Schema schema = store.schema();
        final boolean dense = store.isDense();
        for (int f = 0, fields = schema.fieldCount(); f < fields; f++)
        {
            field(store, schema.field(f), store.currentSlot(f), highWaterMark, dense);
        }
        return this;
    }

    /**
     * @return the finished hash; the hasher is then reset.
     */
    public long finish()
    {
        long x = h;
        x ^= x >>> 33;
        x *= PRIME_2;
        x ^= x >>> 29;
        x *= PRIME_3;
        x ^= x >>> 32;
        reset();
        return x;
    }

    private void field(
        final AgentStore store, final SchemaField field, final int slot, final int highWaterMark, final boolean dense)
    {
        final UnsafeBuffer buffer = store.buffer(slot);
        final int base = store.addressing().base(slot);
        final int shift = store.addressing().blockShift();
        final int mask = store.addressing().blockMask();
        final int blockStride = store.addressing().blockStride();
        final int stride = store.addressing().elementStride(slot);
        word(field.type().ordinal());
        for (int i = 0; i < highWaterMark; i++)
        {
            if (dense || store.isAlive(i))
            {
                final int offset = base + (i >>> shift) * blockStride + (i & mask) * stride;
                final long bits;
                switch (field.type())
                {
                    case BYTE:
                        bits = buffer.getByte(offset);
                        break;
                    case SHORT:
                        bits = buffer.getShort(offset);
                        break;
                    case INT:
                    case FLOAT:
                        bits = buffer.getInt(offset);
                        break;
                    default:
                        bits = buffer.getLong(offset);
                        break;
                }
                word(bits);
            }
        }
    }
}
