package io.myriad.kernel.rng;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterRngTest
{
    private static final long SEED = 0x5EED_1234_ABCDL;
    private static final int BINS = 64;
    private static final int SAMPLES = 1_000_000;
    /** Chi-square with 63 degrees of freedom exceeds this with probability 0.001. */
    private static final double CHI_SQUARE_63_P001 = 103.44;
    /** Chi-square with 6 degrees of freedom exceeds this with probability 0.001. */
    private static final double CHI_SQUARE_6_P001 = 22.46;
    /** Chi-square with 9 degrees of freedom exceeds this with probability 0.001. */
    private static final double CHI_SQUARE_9_P001 = 27.88;

    private final long key = CounterRng.key(SEED, 3);

    @Test
    void shouldGiveTheSameBitsForTheSameInputs()
    {
        for (int i = 0; i < 1000; i++)
        {
            assertEquals(CounterRng.bits(key, 17L, i, 2), CounterRng.bits(key, 17L, i, 2));
            assertEquals(CounterRng.bits(key, i), CounterRng.bits(key, i));
            assertEquals(CounterRng.uniform(key, 9L, i, 0), CounterRng.uniform(key, 9L, i, 0));
        }
        assertEquals(CounterRng.key(SEED, 3), key);
    }

    @Test
    void shouldKeepTheValuesOfRecordedRuns()
    {
        // Every recorded run depends on these values: a change to the function silently breaks replay.
        assertEquals(0xE220A8397B1DCDAFL, CounterRng.mix64(0x9E3779B97F4A7C15L), "SplitMix64's first output");
        assertEquals(0L, CounterRng.mix64(0L));
        final long k = CounterRng.key(42L, 7);
        assertEquals(0x54CC15294C45E646L, k);
        assertEquals(0xBC1C14B9416AF424L, CounterRng.bits(k, 3L, 5, 1));
        assertEquals(0x02C0A8A9C365F72CL, CounterRng.bits(k, 1000L));
    }

    @Test
    void shouldGiveDifferentValuesForEveryDifferentInput()
    {
        final long base = CounterRng.bits(key, 100L, 50, 1);
        assertNotEquals(base, CounterRng.bits(key, 101L, 50, 1), "tick");
        assertNotEquals(base, CounterRng.bits(key, 100L, 51, 1), "item");
        assertNotEquals(base, CounterRng.bits(key, 100L, 50, 2), "draw");
        assertNotEquals(base, CounterRng.bits(CounterRng.key(SEED, 4), 100L, 50, 1), "stream");
        assertNotEquals(base, CounterRng.bits(CounterRng.key(SEED + 1, 3), 100L, 50, 1), "seed");
        assertNotEquals(base, CounterRng.bits(key, 100L, 1, 50), "item and draw swapped");
        assertNotEquals(base, CounterRng.bits(key, 50L, 100, 1), "tick and item swapped");
        assertNotEquals(CounterRng.bits(key, 7L), CounterRng.bits(key, 8L), "counter");
        assertNotEquals(CounterRng.bits(key, 7L), CounterRng.bits(CounterRng.key(SEED, 4), 7L), "stream of counter");
    }

    @Test
    void shouldNotCollideOverAGridOfInputs()
    {
        final Set<Long> seen = new HashSet<>();
        int draws = 0;
        for (int seed = 0; seed < 4; seed++)
        {
            for (int stream = 0; stream < 4; stream++)
            {
                final long k = CounterRng.key(seed, stream);
                for (long tick = 0; tick < 8; tick++)
                {
                    for (int item = -2; item < 30; item++)
                    {
                        for (int draw = 0; draw < 4; draw++)
                        {
                            seen.add(CounterRng.bits(k, tick, item, draw));
                            draws++;
                        }
                    }
                    seen.add(CounterRng.bits(k, tick));
                    draws++;
                }
            }
        }
        assertEquals(draws, seen.size(), "64-bit values must not repeat over a small grid of inputs");
    }

    @Test
    void shouldGiveDistinctKeysPerSeedAndStream()
    {
        final Set<Long> keys = new HashSet<>();
        for (long seed = -50; seed < 50; seed++)
        {
            for (int stream = 0; stream < 50; stream++)
            {
                keys.add(CounterRng.key(seed, stream));
            }
        }
        assertEquals(100 * 50, keys.size());
    }

    @Test
    void shouldBeUniformOverSequentialCounters()
    {
        assertUniform((i) -> CounterRng.bits(key, i));
    }

    @Test
    void shouldBeUniformOverSequentialAgentIndices()
    {
        assertUniform((i) -> CounterRng.bits(key, 12L, (int)i, 0));
    }

    @Test
    void shouldBeUniformOverSequentialTicks()
    {
        assertUniform((i) -> CounterRng.bits(key, i, 77, 0));
    }

    @Test
    void shouldBeUniformOverSequentialDrawsAndSeeds()
    {
        assertUniform((i) -> CounterRng.bits(key, 3L, 5, (int)i));
        assertUniform((i) -> CounterRng.bits(CounterRng.key(i, 0), 0L, 0, 0));
    }

    @Test
    void shouldBalanceEveryBit()
    {
        assertBitsBalanced((i) -> CounterRng.bits(key, i));
        assertBitsBalanced((i) -> CounterRng.bits(key, 0L, (int)i, 0));
        assertBitsBalanced((i) -> CounterRng.bits(key, i, 0, 0));
    }

    @Test
    void shouldDrawUncorrelatedStreams()
    {
        final long other = CounterRng.key(SEED, 4);
        final long otherSeed = CounterRng.key(SEED + 1, 3);
        final int n = 100_000;
        final double[] a = new double[n];
        final double[] b = new double[n];
        final double[] c = new double[n];
        final double[] nextItem = new double[n];
        final double[] nextTick = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = CounterRng.uniform(key, 40L, i, 0);
            b[i] = CounterRng.uniform(other, 40L, i, 0);
            c[i] = CounterRng.uniform(otherSeed, 40L, i, 0);
            nextItem[i] = CounterRng.uniform(key, 40L, i + 1, 0);
            nextTick[i] = CounterRng.uniform(key, 41L, i, 0);
        }
        assertUncorrelated(a, b, "streams 3 and 4");
        assertUncorrelated(a, c, "seeds");
        assertUncorrelated(a, nextItem, "neighbouring items");
        assertUncorrelated(a, nextTick, "neighbouring ticks");

        final double[] s0 = new double[n];
        final double[] s1 = new double[n];
        for (int i = 0; i < n; i++)
        {
            s0[i] = CounterRng.toUnitDouble(CounterRng.bits(key, i));
            s1[i] = CounterRng.toUnitDouble(CounterRng.bits(other, i));
        }
        assertUncorrelated(s0, s1, "serial streams");
    }

    @Test
    void shouldMapBitsToDoublesInTheUnitInterval()
    {
        assertEquals(0.0, CounterRng.toUnitDouble(0L));
        assertEquals(Math.nextDown(1.0), CounterRng.toUnitDouble(-1L));
        assertEquals(0.5, CounterRng.toUnitDouble(Long.MIN_VALUE));
        for (long i = 0; i < 100_000; i++)
        {
            final double u = CounterRng.uniform(key, i, 1, 1);
            assertTrue(u >= 0.0 && u < 1.0, "uniform " + u);
        }
    }

    @Test
    void shouldKeepBoundedIntsInRange()
    {
        final int[] bounds = { 1, 2, 3, 7, 10, 1000, 1 << 30, Integer.MAX_VALUE };
        final long[] extremes = { 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL, 0xFFFF_FFFF_0000_0000L };
        for (final int bound : bounds)
        {
            for (final long bits : extremes)
            {
                final int v = CounterRng.toBoundedInt(bits, bound);
                assertTrue(v >= 0 && v < bound, bound + ": " + v);
            }
            for (long i = 0; i < 20_000; i++)
            {
                final int v = CounterRng.toBoundedInt(CounterRng.bits(key, i), bound);
                assertTrue(v >= 0 && v < bound, bound + ": " + v);
            }
        }
        assertEquals(Integer.MAX_VALUE - 1, CounterRng.toBoundedInt(-1L, Integer.MAX_VALUE));
        assertEquals(0, CounterRng.toBoundedInt(0xFFFF_FFFFL, 1000));
    }

    @Test
    void shouldSpreadBoundedIntsUniformly()
    {
        assertBoundedUniform(7, CHI_SQUARE_6_P001);
        assertBoundedUniform(10, CHI_SQUARE_9_P001);
        assertBoundedUniform(64, CHI_SQUARE_63_P001);

        final boolean[] hit = new boolean[1000];
        int distinct = 0;
        for (long i = 0; i < 20_000; i++)
        {
            final int v = CounterRng.toBoundedInt(CounterRng.bits(key, i), 1000);
            if (!hit[v])
            {
                hit[v] = true;
                distinct++;
            }
        }
        assertEquals(1000, distinct, "every value of a bound of 1000 turns up in 20,000 draws");
    }

    private void assertBoundedUniform(final int bound, final double threshold)
    {
        final int n = 700_000;
        final long[] counts = new long[bound];
        for (long i = 0; i < n; i++)
        {
            counts[CounterRng.toBoundedInt(CounterRng.bits(key, 5L, (int)i, 3), bound)]++;
        }
        final double chiSquare = chiSquare(counts, n);
        assertTrue(chiSquare < threshold, "bound " + bound + ": chi-square " + chiSquare + " >= " + threshold);
    }

    private static void assertUniform(final LongUnaryOperator bits)
    {
        final long[] counts = new long[BINS];
        for (long i = 0; i < SAMPLES; i++)
        {
            final double u = CounterRng.toUnitDouble(bits.applyAsLong(i));
            counts[(int)(u * BINS)]++;
        }
        final double chiSquare = chiSquare(counts, SAMPLES);
        assertTrue(chiSquare < CHI_SQUARE_63_P001, "chi-square " + chiSquare + " >= " + CHI_SQUARE_63_P001);
        // and not suspiciously perfect, as a counter with no mixing at all would be
        assertTrue(chiSquare > 30.0, "chi-square " + chiSquare + " is too good to be random");
    }

    private static double chiSquare(final long[] counts, final long n)
    {
        final double expected = (double)n / counts.length;
        double chiSquare = 0;
        for (final long count : counts)
        {
            final double d = count - expected;
            chiSquare += d * d / expected;
        }
        return chiSquare;
    }

    private static void assertBitsBalanced(final LongUnaryOperator bits)
    {
        final long[] ones = new long[64];
        for (long i = 0; i < SAMPLES; i++)
        {
            final long v = bits.applyAsLong(i);
            for (int b = 0; b < 64; b++)
            {
                ones[b] += (v >>> b) & 1L;
            }
        }
        // 4.5 standard deviations of a fair coin over 1e6 tosses; holds for all 64 bits at p well below 0.001
        final double limit = 4.5 * Math.sqrt(SAMPLES * 0.25);
        for (int b = 0; b < 64; b++)
        {
            final double off = Math.abs(ones[b] - SAMPLES / 2.0);
            assertTrue(off < limit, "bit " + b + " set " + ones[b] + " times in " + SAMPLES);
        }
    }

    private static void assertUncorrelated(final double[] a, final double[] b, final String what)
    {
        final int n = a.length;
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++)
        {
            final double da = a[i] - meanA;
            final double db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        final double r = cov / Math.sqrt(varA * varB);
        assertTrue(Math.abs(r) < 0.01, what + ": Pearson r = " + r);
    }
}
