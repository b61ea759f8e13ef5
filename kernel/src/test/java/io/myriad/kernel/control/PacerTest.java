package io.myriad.kernel.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest
{
    private long now = 1_000;

    @Test
    void shouldHoldStepsBackToTheWallClockAtTheTimeScale()
    {
        final Pacer pacer = new Pacer(2.0, () -> now);

        assertEquals(0, pacer.nanosUntil(10.0), "the first paced step anchors the schedule");
        assertEquals(500_000_000L, pacer.nanosUntil(11.0), "a sim second is half a wall second at scale 2");
        now += 400_000_000L;
        assertEquals(100_000_000L, pacer.nanosUntil(11.0));
        now += 150_000_000L;
        assertTrue(pacer.nanosUntil(11.0) < 0);
        pacer.stepStarting(11.0);
        assertEquals(50_000_000L, pacer.lag().getMaxValue(), 50_000_000L / 1000, "started 50 ms late");
    }

    @Test
    void shouldAnchorAfreshWhenTheScaleChanges()
    {
        final Pacer pacer = new Pacer(1.0, () -> now);
        pacer.nanosUntil(0.0);
        now += 10_000_000_000L;

        pacer.timeScale(10.0, 3.0);

        assertEquals(10.0, pacer.timeScale());
        assertEquals(100_000_000L, pacer.nanosUntil(4.0), "from sim time 3, now: a sim second is 0.1 s");
        pacer.timeScale(0.0, 4.0);
        assertEquals(0, pacer.nanosUntil(1e9), "scale 0 never waits");
    }

    @Test
    void shouldWaitUntilAStepIsDue()
    {
        final Pacer pacer = new Pacer(1000.0, System::nanoTime);
        final long start = System.nanoTime();
        assertTrue(pacer.awaitStep(0.0, Long.MAX_VALUE));
        assertTrue(pacer.awaitStep(2.0, Long.MAX_VALUE));

        // 2 sim seconds at 1000 a wall second: at least 2 ms
        assertTrue(System.nanoTime() - start >= 2_000_000L);
        assertEquals(2, pacer.lag().getTotalCount());
    }

    @Test
    void shouldGiveUpAWaitAfterItsLongestAndNotOverflowAFarStep()
    {
        final Pacer pacer = new Pacer(1e-9, () -> now);
        pacer.nanosUntil(0.0);

        assertTrue(pacer.nanosUntil(10.0) > 1_000_000_000L * 3600, "10 sim seconds at 1e-9 are far off, not past");
        final Pacer real = new Pacer(1.0, System::nanoTime);
        real.anchor(0.0);
        assertFalse(real.awaitStep(60.0, 1_000_000L), "a minute away: gives up after 1 ms");
        assertEquals(0, real.lag().getTotalCount());
    }

    @Test
    void shouldRefuseAScaleThatIsNotOne()
    {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(-1, () -> now));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.NaN, () -> now));
        final Pacer pacer = new Pacer(0, () -> now);
        assertThrows(IllegalArgumentException.class, () -> pacer.timeScale(Double.POSITIVE_INFINITY, 0));
    }
}
