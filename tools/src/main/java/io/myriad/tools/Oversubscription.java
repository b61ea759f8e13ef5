package io.myriad.tools;

import java.io.PrintWriter;

import io.myriad.kernel.pipeline.WaitStrategies;

/**
 * The warning {@code run}, {@code replay} and {@code resume} give when they are asked for more compute threads than
 * there are processors: the extra threads only take turns, so the run is slower, not faster, and a worker that
 * spins while it waits takes time from those that have work.
 */
final class Oversubscription
{
    private Oversubscription()
    {
    }

    /**
     * Says on standard error when threads outnumber processors, and whether the wait strategy suits that.
     *
     * @param threads      compute threads, the driving thread included.
     * @param processors   processors the JVM may use.
     * @param waitStrategy how workers wait.
     * @param origin       where the wait strategy was named, or null if it is the default.
     * @param stderr       where to say it.
     */
    static void warnIfOversubscribed(
        final int threads, final int processors, final String waitStrategy, final String origin,
        final PrintWriter stderr)
    {
        if (threads <= processors)
        {
            return;
        }
        final StringBuilder warning = new StringBuilder("myriad: warning: ").append(threads).append(" threads on ")
            .append(processors).append(processors == 1 ? " processor" : " processors")
            .append(": threads beyond one per processor only take turns with the others, so the run is slower, not " +
            "faster; --threads ").append(processors).append(" or fewer runs faster");
        if (origin == null)
        {
            warning.append(" (meanwhile, idle workers wait ").append(waitStrategy)
                .append(" rather than spinning, so that they take no time from the busy ones)");
        }
        else if (!WaitStrategies.OVERSUBSCRIBED_DEFAULT.equals(waitStrategy))
        {
            warning.append("; and the wait strategy ").append(waitStrategy).append(" (").append(origin)
                .append(") keeps idle workers spinning or yielding, taking time from the busy ones: ")
                .append(WaitStrategies.OVERSUBSCRIBED_DEFAULT).append(" suits more threads than processors");
        }
        stderr.println(warning);
        stderr.flush();
    }
}
