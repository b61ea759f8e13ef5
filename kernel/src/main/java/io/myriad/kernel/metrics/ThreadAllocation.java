package io.myriad.kernel.metrics;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the calling thread, from the JVM's per-thread allocation counter (HotSpot's
 * {@code com.sun.management.ThreadMXBean}). Reading it allocates nothing. Where the JVM does not offer the
 * counter, {@link #isSupported()} is false and {@link #currentThreadAllocatedBytes()} returns 0.
 */
public final class ThreadAllocation
{
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadAllocation()
    {
    }

    /**
     * @return true if allocation counting works on this JVM.
     */
    public static boolean isSupported()
    {
        return THREADS != null;
    }

    /**
     * @return bytes the calling thread has allocated since it started, or 0 when unsupported.
     */
    public static long currentThreadAllocatedBytes()
    {
        return THREADS == null ? 0L : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads()
    {
        try
        {
            final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (bean instanceof com.sun.management.ThreadMXBean)
            {
                final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
                if (threads.isThreadAllocatedMemorySupported())
                {
                    threads.setThreadAllocatedMemoryEnabled(true);
                    threads.getCurrentThreadAllocatedBytes();
                    return threads;
                }
            }
        }
        catch (final UnsupportedOperationException | SecurityException ignore)
        {
            // fall through: counting is not available here
        }
        return null;
    }
}
