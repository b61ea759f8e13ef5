package io.myriad.kernel.metrics;

import org.HdrHistogram.Histogram;

/**
 * Bytes the simulation's threads allocate per step, after the warm-up steps: the driving thread's over the whole
 * step and the compute workers' while they process batches. Kept as a histogram of bytes per step, so a report can
 * tell a run whose steady state allocates nothing but whose compiled code settled late (a few steps of garbage,
 * a median of 0) from one that allocates every step (a median above 0). On the event clock, where a step may be a
 * single event, the counters are read once a window of steps instead ({@link #AllocationMeter(int, int)}); what
 * the driving thread does between the steps of a window (its caller's loop, a journaled hash, a checkpoint) then
 * counts too.
 */
public final class AllocationMeter
{
    private static final long HIGHEST_TRACKABLE_BYTES = 1L << 40;

    private final int warmupSteps;
    private final int window;
    private final boolean supported = ThreadAllocation.isSupported();
    private final Histogram bytesPerStep = new Histogram(1, HIGHEST_TRACKABLE_BYTES, 2);
    private long driverBytesAtStepStart;
    private long computeBytesAtStepStart;
    private long steps;
    private int stepsInWindow;
    private long steadyBytes;

    /**
     * @param warmupSteps steps left out of the steady state.
     */
    public AllocationMeter(final int warmupSteps)
    {
        this(warmupSteps, 1);
    }

    /**
     * A meter that reads the threads' counters once every {@code window} steps, for steps so short (one event)
     * that reading them every step would cost more than the step: each window's bytes are recorded as bytes per
     * step (rounded up, so a window that allocated shows), once for the window.
     *
     * @param warmupSteps steps left out at the start.
     * @param window      steps measured together, at least 1.
     */
    public AllocationMeter(final int warmupSteps, final int window)
    {
        if (window < 1)
        {
            throw new IllegalArgumentException("an allocation window is at least a step: " + window);
        }
        this.warmupSteps = warmupSteps;
        this.window = window;
    }

    /**
     * Called on the driving thread as a step starts.
     *
     * @param computeBytes the compute workers' bytes so far.
     */
    public void stepStarted(final long computeBytes)
    {
        if (supported && stepsInWindow == 0 && steps >= warmupSteps)
        {
            driverBytesAtStepStart = ThreadAllocation.currentThreadAllocatedBytes();
            computeBytesAtStepStart = computeBytes;
        }
    }

    /**
     * Called on the driving thread as a step ends.
     *
     * @param computeBytes the compute workers' bytes so far.
     */
    public void stepEnded(final long computeBytes)
    {
        steps++;
        if (supported && steps > warmupSteps && ++stepsInWindow == window)
        {
            stepsInWindow = 0;
            final long bytes = ThreadAllocation.currentThreadAllocatedBytes() - driverBytesAtStepStart +
                computeBytes - computeBytesAtStepStart;
            steadyBytes += bytes;
            final long perStep = (Math.max(bytes, 0) + window - 1) / window;
            bytesPerStep.recordValue(Math.min(perStep, HIGHEST_TRACKABLE_BYTES));
        }
    }

    /**
     * @return true if the JVM counts bytes per thread; otherwise every figure is -1.
     */
    public boolean isSupported()
    {
        return supported;
    }

    /**
     * @return steps counted in the steady state: those after the warm-up, whether or not the JVM counts bytes.
     */
    public long steadySteps()
    {
        return Math.max(0, steps - warmupSteps);
    }

    /**
     * @return bytes allocated over the steady-state steps, or -1 if the JVM cannot count them.
     */
    public long steadyBytes()
    {
        return supported ? steadyBytes : -1;
    }

    /**
     * @return mean bytes per steady-state step, 0 before the warm-up ends, -1 if the JVM cannot count them.
     */
    public double meanBytesPerStep()
    {
        if (!supported)
        {
            return -1;
        }
        return bytesPerStep.getTotalCount() == 0 ? 0 : (double)steadyBytes / (bytesPerStep.getTotalCount() * window);
    }

    /**
     * @return median bytes per steady-state step (to the histogram's precision), 0 before the warm-up ends, -1 if
     *         the JVM cannot count them.
     */
    public long medianBytesPerStep()
    {
        if (!supported)
        {
            return -1;
        }
        return bytesPerStep.getTotalCount() == 0 ? 0 : bytesPerStep.getValueAtPercentile(50.0);
    }

    /**
     * @return steady-state steps that allocated anything; with a window of more than a step, windows.
     */
    public long stepsThatAllocated()
    {
        return bytesPerStep.getTotalCount() - bytesPerStep.getCountAtValue(0);
    }
}
