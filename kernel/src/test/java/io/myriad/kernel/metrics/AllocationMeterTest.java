package io.myriad.kernel.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AllocationMeterTest
{
    @Test
    void shouldCountComputeBytesPerStepAfterTheWarmUp()
    {
        assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count allocation per thread");
        final AllocationMeter meter = new AllocationMeter(2);
        long compute = 0;
        for (int step = 0; step < 12; step++)
        {
            meter.stepStarted(compute);
            compute += step % 4 == 0 ? 1_000 : 0;
            meter.stepEnded(compute);
        }
        assertEquals(10, meter.steadySteps());
        // steps 4 and 8 allocated 1,000 bytes of the workers', the eight others none (the driver's own bytes, if
        // any, can only add to a step)
        assertEquals(0, meter.medianBytesPerStep());
        assertEquals(true, meter.stepsThatAllocated() >= 2);
    }

    @Test
    void shouldMeasureWindowsOfStepsAsBytesPerStep()
    {
        assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count allocation per thread");
        final AllocationMeter meter = new AllocationMeter(0, 4);
        long compute = 0;
        for (int step = 0; step < 16; step++)
        {
            meter.stepStarted(compute);
            compute += step == 5 ? 10 : 0;
            meter.stepEnded(compute);
        }
        assertEquals(16, meter.steadySteps());
        // four windows; the second allocated 10 bytes over 4 steps: 3 a step, rounded up, so that it shows
        assertEquals(0, meter.medianBytesPerStep());
        assertEquals(true, meter.stepsThatAllocated() >= 1);
        assertEquals(true, meter.steadyBytes() >= 10);
    }

    @Test
    void shouldRefuseAWindowOfNoSteps()
    {
        assertThrows(IllegalArgumentException.class, () -> new AllocationMeter(0, 0));
    }
}
