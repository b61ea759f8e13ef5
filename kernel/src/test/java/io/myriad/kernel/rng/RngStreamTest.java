package io.myriad.kernel.rng;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RngStreamTest
{
    @Test
    void shouldAdvanceTheCounterByOnePerDraw()
    {
        final RngStream stream = new RngStream(99L, 2);
        assertEquals(2, stream.stream());
        assertEquals(0L, stream.counter());
        stream.nextLong();
        assertEquals(1L, stream.counter());
        stream.nextDouble();
        assertEquals(2L, stream.counter());
        stream.nextInt(10);
        assertEquals(3L, stream.counter());
    }

    @Test
    void shouldDrawTheCounterBasedValues()
    {
        final RngStream stream = new RngStream(99L, 2);
        final long key = CounterRng.key(99L, 2);
        for (long i = 0; i < 100; i++)
        {
            assertEquals(CounterRng.bits(key, i), stream.nextLong());
        }
        assertEquals(CounterRng.toUnitDouble(CounterRng.bits(key, 100L)), stream.nextDouble());
        assertEquals(CounterRng.toBoundedInt(CounterRng.bits(key, 101L), 17), stream.nextInt(17));
    }

    @Test
    void shouldRepeatTheSequenceWhenTheCounterIsRestored()
    {
        final RngStream stream = new RngStream(7L, 0);
        for (int i = 0; i < 13; i++)
        {
            stream.nextLong();
        }
        final long saved = stream.counter();
        final long[] first = draw(stream, 50);
        stream.counter(saved);
        assertArrayEquals(first, draw(stream, 50));

        final RngStream resumed = new RngStream(7L, 0);
        resumed.counter(saved);
        assertArrayEquals(first, draw(resumed, 50));
        assertEquals(stream.counter(), resumed.counter());
    }

    @Test
    void shouldDifferBySeedAndStream()
    {
        final long[] base = draw(new RngStream(1L, 0), 20);
        final long[] otherStream = draw(new RngStream(1L, 1), 20);
        final long[] otherSeed = draw(new RngStream(2L, 0), 20);
        for (int i = 0; i < base.length; i++)
        {
            assertNotEquals(base[i], otherStream[i]);
            assertNotEquals(base[i], otherSeed[i]);
        }
    }

    @Test
    void shouldKeepDrawsInRange()
    {
        final RngStream stream = new RngStream(3L, 4);
        for (int i = 0; i < 10_000; i++)
        {
            final double d = stream.nextDouble();
            assertTrue(d >= 0.0 && d < 1.0);
            final int v = stream.nextInt(6);
            assertTrue(v >= 0 && v < 6);
        }
    }

    private static long[] draw(final RngStream stream, final int n)
    {
        final long[] values = new long[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = stream.nextLong();
        }
        return values;
    }
}
