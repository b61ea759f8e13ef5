package io.myriad.kernel.hash;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SchemaField;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The state hash, version 1: a 64-bit fingerprint of a simulation's state.
 * <p>
 * It covers, in order: the tick, the RNG counters, the capacity, high-water mark and live count, the liveness
 * bits, then for each field in schema order the current value of every live agent in index order (integers
 * sign-extended to 64 bits, floats by their raw IEEE bits). It therefore does not depend on the layout or on
 * which copy of a double-buffered field is current, and two states hash alike only if every live agent's every
 * field is bit-for-bit equal (barring a 64-bit collision). Each word is folded in with an xxHash64 round and the
 * result is finished with xxHash64's avalanche.
 * <p>
 * Not on the hot path: reads every live value once, on the thread that owns the store, between ticks.
 */
public final class StateHash
{
    /** Version of the hash definition; bumped if what is hashed or how ever changes. */
    public static final int VERSION = 1;

    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;
    private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME_5 = 0x27D4EB2F165667C5L;

    private StateHash()
    {
    }

    /**
     * @param store       the agents.
     * @param tick        ticks completed.
     * @param rngCounters counters of the run's serial random streams, in a fixed order.
     * @return the state hash.
     */
    public static long of(final AgentStore store, final long tick, final long... rngCounters)
    {
        long h = PRIME_5 + VERSION;
        h = round(h, tick);
        h = round(h, rngCounters.length);
        for (final long counter : rngCounters)
        {
            h = round(h, counter);
        }
        final int highWaterMark = store.highWaterMark();
        h = round(h, store.capacity());
        h = round(h, highWaterMark);
        h = round(h, store.liveCount());
        final int words = (highWaterMark + 63) >>> 6;
        for (int w = 0; w < words; w++)
        {
            h = round(h, store.aliveWord(w));
        }

        final Schema schema = store.schema();
        final boolean dense = store.isDense();
        for (int f = 0, fields = schema.fieldCount(); f < fields; f++)
        {
            h = hashField(store, schema.field(f), store.currentSlot(f), highWaterMark, dense, h);
        }
        return avalanche(h);
    }

    /**
     * @param hash a state hash.
     * @return 16 lower-case hex digits.
     */
    public static String toHex(final long hash)
    {
        final String digits = Long.toHexString(hash);
        return "0000000000000000".substring(digits.length()) + digits;
    }

    private static long hashField(
        final AgentStore store,
        final SchemaField field,
        final int slot,
        final int highWaterMark,
        final boolean dense,
        final long seed)
    {
        final UnsafeBuffer buffer = store.buffer(slot);
        final int base = store.addressing().base(slot);
        final int shift = store.addressing().blockShift();
        final int mask = store.addressing().blockMask();
        final int blockStride = store.addressing().blockStride();
        final int stride = store.addressing().elementStride(slot);
        long h = round(seed, field.type().ordinal());
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
                h = round(h, bits);
            }
        }
        return h;
    }

    private static long round(final long acc, final long input)
    {
        return Long.rotateLeft(acc ^ Long.rotateLeft(input * PRIME_2, 31) * PRIME_1, 27) * PRIME_1 + PRIME_4;
    }

    private static long avalanche(final long hash)
    {
        long h = hash;
        h ^= h >>> 33;
        h *= PRIME_2;
        h ^= h >>> 29;
        h *= PRIME_3;
        h ^= h >>> 32;
        return h;
    }
}
