package io.myriad.bench.layouts;

/**
 * What every drift benchmark computes, whatever reaches its columns: the time step, the agent updates an
 * invocation performs, and the values agent i starts from. Shared by the kernels, the column setups and the tests,
 * so that every variant does the same work and what is measured is what is checked.
 */
final class DriftWorkload
{
    /** Time step of one tick. */
    static final double DT = 0.1;

    /**
     * Agent updates per benchmark invocation whatever the agent count: an invocation sweeps the columns
     * {@code UPDATES_PER_INVOCATION / agents} times, so {@code @OperationsPerInvocation} is a constant and the
     * reported ops/s are agent updates per second.
     */
    static final int UPDATES_PER_INVOCATION = 1 << 25;

    private DriftWorkload()
    {
    }

    /**
     * @param agents agents per sweep, a power of two no greater than {@link #UPDATES_PER_INVOCATION}.
     * @return sweeps per invocation.
     */
    static int sweepsPerInvocation(final int agents)
    {
        if (agents < 1 || agents > UPDATES_PER_INVOCATION || Integer.bitCount(agents) != 1)
        {
            throw new IllegalArgumentException(
                "agents must be a power of two from 1 to " + UPDATES_PER_INVOCATION + ": " + agents);
        }
        return UPDATES_PER_INVOCATION / agents;
    }

    static double initialX(final int i)
    {
        return i * 0.5;
    }

    static double initialY(final int i)
    {
        return -i * 0.25;
    }

    static double initialVx(final int i)
    {
        return ((i % 17) - 8) * 0.125;
    }

    static double initialVy(final int i)
    {
        return ((i % 13) - 6) * 0.25;
    }
}
