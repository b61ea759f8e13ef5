package io.myriad.kernel.rng;

/**
 * A counter-based random number generator: {@code value = f(key, counter words)} with no mutable state, so the
 * same inputs give the same value on any thread, in any order, on replay and after resume.
 * <p>
 * The key is derived from the run's seed and a stream number (one stream per purpose: initial positions,
 * movement noise, ...). The counter words are typically the tick, the agent index and the draw number within
 * that agent's update. Each input word is folded in with a multiply and the SplitMix64 / Stafford "Mix13"
 * finaliser, whose avalanche makes neighbouring counters independent; the statistical tests in this module's
 * test suite check uniformity, stream independence and bit balance.
 */
public final class CounterRng
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long STREAM_GAMMA = 0xD1B54A32D192ED03L;
    private static final long COUNTER_GAMMA = 0xAEF17502108EF2D9L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private CounterRng()
    {
    }

    /**
     * Stafford's Mix13 finaliser, as in SplitMix64: a bijection on 64-bit words with full avalanche.
     *
     * @param z a word.
     * @return the mixed word.
     */
    public static long mix64(final long z)
    {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /**
     * Derives the key of one stream of a run.
     *
     * @param seed   the run's seed.
     * @param stream the purpose of the draws, a number the model fixes.
     * @return the stream's key.
     */
    public static long key(final long seed, final int stream)
    {
        return mix64(mix64(seed + GOLDEN_GAMMA) + stream * STREAM_GAMMA);
    }

    /**
     * @param key     a stream's key.
     * @param counter the counter.
     * @return 64 random bits.
     */
    public static long bits(final long key, final long counter)
    {
        return mix64(key ^ mix64(counter * COUNTER_GAMMA + GOLDEN_GAMMA));
    }

    /**
     * @param key  a stream's key.
     * @param tick the tick (or event number).
     * @param item the agent index (or other item).
     * @param draw which draw of the item's update, from 0.
     * @return 64 random bits.
     */
    public static long bits(final long key, final long tick, final int item, final int draw)
    {
        final long k = mix64(key ^ (tick * COUNTER_GAMMA + GOLDEN_GAMMA));
        return mix64(k ^ ((((long)item << 32) | (draw & 0xFFFF_FFFFL)) * STREAM_GAMMA + GOLDEN_GAMMA));
    }

    /**
     * @param bits random bits.
     * @return a double uniformly distributed in [0, 1) from the top 53 bits.
     */
    public static double toUnitDouble(final long bits)
    {
        return (bits >>> 11) * DOUBLE_UNIT;
    }

    /**
     * @param key  a stream's key.
     * @param tick the tick (or event number).
     * @param item the agent index (or other item).
     * @param draw which draw of the item's update, from 0.
     * @return a double uniformly distributed in [0, 1).
     */
    public static double uniform(final long key, final long tick, final int item, final int draw)
    {
        return toUnitDouble(bits(key, tick, item, draw));
    }

    /**
     * @param bits  random bits.
     * @param bound exclusive upper bound, at least 1.
     * @return an int in [0, bound), by Lemire's multiply-shift (bias below 2^-32 for any bound).
     */
    public static int toBoundedInt(final long bits, final int bound)
    {
        return (int)(((bits >>> 32) * bound) >>> 32);
    }
}
