package io.myriad.kernel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Named points where a process can be asked to stop and wait to be killed: a hook for crash tests only, so that a
 * test kills a child process inside a chosen window rather than at a moment left to chance.
 * <p>
 * Start the process with the system property {@value #PROP_NAME} set to a point's name (for example
 * {@code -Dmyriad.kill.point=catch-up}). A thread that reaches that point prints {@link #reachedLine(String)} on
 * standard error and waits there, up to {@link #WAIT_SECONDS} seconds, for the process to be killed; if nobody
 * kills it, it goes on as if nothing had happened. Without the property nothing changes: a point reads
 * {@link #isArmed(String)} once into a {@code static final} flag, so the check costs nothing on a hot path.
 * <p>
 * The points there are:
 * <ul>
 *     <li>{@link #CATCH_UP}: a resumed run, re-executing from its checkpoint, has produced again and checked half
 *     of the records its journal already held beyond the checkpoint (at least one): it is catching up, and has
 *     appended nothing.</li>
 * </ul>
 */
public final class KillPoint
{
    /** System property naming the one point at which the process stops and waits to be killed. */
    public static final String PROP_NAME = "myriad.kill.point";

    /** A resumed run halfway through re-producing the records its journal already holds. */
    public static final String CATCH_UP = "catch-up";

    /** How long a thread waits at an armed point before it goes on. */
    public static final long WAIT_SECONDS = 60;

    private static final String ARMED = System.getProperty(PROP_NAME);

    private KillPoint()
    {
    }

    /**
     * @param name a point's name.
     * @return true if the process was started to stop at that point.
     */
    public static boolean isArmed(final String name)
    {
        return name.equals(ARMED);
    }

    /**
     * @param name a point's name.
     * @return the line printed on standard error when a thread reaches the point, armed.
     */
    public static String reachedLine(final String name)
    {
        return "myriad: kill point " + name + " reached; waiting to be killed";
    }

    /**
     * Stops the calling thread here if the process was started to stop at {@code name}: says so on standard error,
     * then waits up to {@link #WAIT_SECONDS} seconds to be killed. Returns at once otherwise.
     *
     * @param name the point's name.
     */
    public static void reach(final String name)
    {
        if (!isArmed(name))
        {
            return;
        }
        System.err.println(reachedLine(name));
        System.err.flush();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        long left;
        while ((left = deadline - System.nanoTime()) > 0)
        {
            LockSupport.parkNanos(left);
        }
    }
}
