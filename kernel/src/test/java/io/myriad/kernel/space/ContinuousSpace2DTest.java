package io.myriad.kernel.space;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinuousSpace2DTest
{
    private static final double WIDTH = 80.0;
    private static final double HEIGHT = 30.0;

    private final ContinuousSpace2D torus = new ContinuousSpace2D(WIDTH, HEIGHT, true);
    private final ContinuousSpace2D walled = new ContinuousSpace2D(WIDTH, HEIGHT, false);

    @Test
    void shouldRejectExtentsThatAreNotPositiveAndFinite()
    {
        final double[] bad = { 0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY };
        for (final double b : bad)
        {
            assertThrows(IllegalArgumentException.class, () -> new ContinuousSpace2D(b, 1.0, true));
            assertThrows(IllegalArgumentException.class, () -> new ContinuousSpace2D(1.0, b, false));
        }
    }

    @Test
    void shouldReportItsShape()
    {
        assertEquals(WIDTH, torus.width());
        assertEquals(HEIGHT, torus.height());
        assertTrue(torus.isPeriodic());
        assertFalse(walled.isPeriodic());
    }

    @Test
    void shouldLeaveCoordinatesInsideTheSpaceAlone()
    {
        final double[] inside = { 0.0, 1e-300, 12.5, Math.nextDown(HEIGHT) };
        for (final double v : inside)
        {
            assertEquals(v, torus.normaliseY(v));
            assertEquals(v, walled.normaliseY(v));
            assertEquals(v, torus.normaliseX(v));
            assertEquals(v, walled.normaliseX(v));
        }
        assertEquals(Math.nextDown(WIDTH), torus.normaliseX(Math.nextDown(WIDTH)));
    }

    @Test
    void shouldWrapCoordinatesOnATorus()
    {
        assertEquals(0.0, torus.normaliseX(WIDTH));
        assertEquals(0.0, torus.normaliseX(3 * WIDTH));
        // -WIDTH % WIDTH is -0.0; the space hands out 0.0, bit for bit (assertEquals on doubles compares bits)
        assertEquals(0.0, torus.normaliseX(-WIDTH));
        assertEquals(0.0, torus.normaliseX(-0.0));
        assertEquals(WIDTH - 0.5, torus.normaliseX(-0.5));
        assertEquals(0.5, torus.normaliseX(WIDTH + 0.5));
        assertEquals(20.0, torus.normaliseX(-3 * WIDTH + 20.0));
        assertEquals(HEIGHT - 2.25, torus.normaliseY(-2.25));
        assertEquals(2.25, torus.normaliseY(HEIGHT + 2.25));
        assertEquals(7.5, torus.normaliseY(5 * HEIGHT + 7.5));
    }

    @Test
    void shouldWrapTinyNegativeCoordinatesIntoTheSpace()
    {
        final double[] tiny = { -Double.MIN_VALUE, -1e-300, -1e-17, Math.nextDown(0.0) };
        for (final double v : tiny)
        {
            final double x = torus.normaliseX(v);
            assertTrue(x >= 0.0 && x < WIDTH, "normaliseX(" + v + ") = " + x);
        }
    }

    @Test
    void shouldKeepWrappedCoordinatesInRangeAndCongruent()
    {
        final Random random = new Random(11);
        for (int i = 0; i < 100_000; i++)
        {
            final double v = (random.nextDouble() - 0.5) * 20 * WIDTH;
            final double x = torus.normaliseX(v);
            assertTrue(x >= 0.0 && x < WIDTH, "normaliseX(" + v + ") = " + x);
            final double turns = (v - x) / WIDTH;
            assertEquals(Math.rint(turns), turns, 1e-9, "normaliseX(" + v + ") = " + x);
        }
    }

    @Test
    void shouldClampCoordinatesAtWalls()
    {
        assertEquals(0.0, walled.normaliseX(-0.5));
        assertEquals(0.0, walled.normaliseX(-1e300));
        assertEquals(0.0, walled.normaliseY(Math.nextDown(0.0)));
        assertEquals(Math.nextDown(WIDTH), walled.normaliseX(WIDTH));
        assertEquals(Math.nextDown(WIDTH), walled.normaliseX(WIDTH + 10));
        assertEquals(Math.nextDown(HEIGHT), walled.normaliseY(HEIGHT));
        assertEquals(Math.nextDown(HEIGHT), walled.normaliseY(1e300));
        assertTrue(walled.normaliseX(WIDTH) < WIDTH);
    }

    @Test
    void shouldTakeTheNearestImageOnATorus()
    {
        assertEquals(-1.0, torus.deltaX(0.5, WIDTH - 0.5));
        assertEquals(2.0, torus.deltaX(WIDTH - 1.0, 1.0));
        assertEquals(-2.0, torus.deltaX(1.0, WIDTH - 1.0));
        assertEquals(10.0, torus.deltaX(5.0, 15.0));
        assertEquals(-3.0, torus.deltaY(1.0, HEIGHT - 2.0));
        assertEquals(3.0, torus.deltaY(HEIGHT - 2.0, 1.0));
        assertEquals(WIDTH / 2, Math.abs(torus.deltaX(0.0, WIDTH / 2)));

        final Random random = new Random(5);
        for (int i = 0; i < 100_000; i++)
        {
            final double from = random.nextDouble() * WIDTH;
            final double to = random.nextDouble() * WIDTH;
            final double d = torus.deltaX(from, to);
            assertTrue(Math.abs(d) <= WIDTH / 2, "deltaX(" + from + ", " + to + ") = " + d);
            final double raw = to - from;
            final double nearest = Math.min(Math.abs(raw), Math.min(Math.abs(raw - WIDTH), Math.abs(raw + WIDTH)));
            assertEquals(nearest, Math.abs(d), 1e-12);
            final double turns = (raw - d) / WIDTH;
            assertEquals(Math.rint(turns), turns, 1e-12);
            assertEquals(-d, torus.deltaX(to, from), 1e-12);
        }
    }

    @Test
    void shouldNotWrapDeltasBetweenWalls()
    {
        assertEquals(WIDTH - 2.0, walled.deltaX(1.0, WIDTH - 1.0));
        assertEquals(-(HEIGHT - 2.0), walled.deltaY(HEIGHT - 1.0, 1.0));
        assertEquals(10.0, walled.deltaX(5.0, 15.0));
    }

    @Test
    void shouldMeasureSquaredDistanceByTheNearestImage()
    {
        assertEquals(2.0, torus.distanceSquared(0.5, 0.5, WIDTH - 0.5, HEIGHT - 0.5), 1e-12);
        final double wx = WIDTH - 1.0;
        final double wy = HEIGHT - 1.0;
        assertEquals(wx * wx + wy * wy, walled.distanceSquared(0.5, 0.5, WIDTH - 0.5, HEIGHT - 0.5), 1e-9);
        assertEquals(25.0, torus.distanceSquared(1.0, 1.0, 4.0, 5.0));
        assertEquals(
            torus.distanceSquared(3.0, 29.0, 77.0, 2.0), torus.distanceSquared(77.0, 2.0, 3.0, 29.0));
        assertEquals(0.0, torus.distanceSquared(3.0, 4.0, 3.0, 4.0));
    }
}
