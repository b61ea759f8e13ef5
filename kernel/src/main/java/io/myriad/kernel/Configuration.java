package io.myriad.kernel;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.myriad.kernel.pipeline.WaitStrategies;

/**
 * Property names and defaults of a {@link SimulationContext}. Each default may be overridden by the system
 * property of the same name; a Context setter overrides both.
 */
public final class Configuration
{
    /** Compute workers, the driving thread included. */
    public static final String WORKERS_PROP_NAME = "myriad.workers";

    /** Default compute workers: 1. */
    public static final int WORKERS_DEFAULT = 1;

    /** Work items per batch; fixed, so batch boundaries never depend on the number of workers. */
    public static final String BATCH_SIZE_PROP_NAME = "myriad.batch.size";

    /**
     * Default batch size: 16384 items. Large enough that a worker streams each column for a while before it moves
     * to its next batch (drift at 32M agents is 20% faster than with 4096), small enough to share a million agents
     * among eight workers.
     */
    public static final int BATCH_SIZE_DEFAULT = 16384;

    /** Ring slots of the tick pipeline, a power of two. */
    public static final String RING_SIZE_PROP_NAME = "myriad.ring.size";

    /** Default ring size: 1024 slots. */
    public static final int RING_SIZE_DEFAULT = 1024;

    /** How compute workers wait for batches: backoff, sleeping, yielding, busy-spin or blocking. */
    public static final String WAIT_STRATEGY_PROP_NAME = "myriad.wait.strategy";

    /**
     * Default wait strategy while workers do not outnumber processors: backoff. With more workers than processors
     * the default is {@link WaitStrategies#OVERSUBSCRIBED_DEFAULT} instead (see {@link #waitStrategy(int)}).
     */
    public static final String WAIT_STRATEGY_DEFAULT = WaitStrategies.DEFAULT;

    /** Memory layout of the agent store: soa, aos or aosoa&lt;N&gt;. */
    public static final String LAYOUT_PROP_NAME = "myriad.layout";

    /** Default layout: soa. */
    public static final String LAYOUT_DEFAULT = "soa";

    /** Ticks not counted in the steady-state allocation figure, while classes load and code warms up. */
    public static final String WARMUP_TICKS_PROP_NAME = "myriad.warmup.ticks";

    /** Default warm-up ticks for allocation accounting: 5. */
    public static final int WARMUP_TICKS_DEFAULT = 5;

    private Configuration()
    {
    }

    /**
     * @return the workers set by system property, or the default.
     */
    public static int workers()
    {
        return Integer.getInteger(WORKERS_PROP_NAME, WORKERS_DEFAULT);
    }

    /**
     * @return the batch size set by system property, or the default.
     */
    public static int batchSize()
    {
        return Integer.getInteger(BATCH_SIZE_PROP_NAME, BATCH_SIZE_DEFAULT);
    }

    /**
     * @return the ring size set by system property, or the default.
     */
    public static int ringSize()
    {
        return Integer.getInteger(RING_SIZE_PROP_NAME, RING_SIZE_DEFAULT);
    }

    /**
     * @return the wait strategy set by system property, or the default.
     */
    public static String waitStrategy()
    {
        return System.getProperty(WAIT_STRATEGY_PROP_NAME, WAIT_STRATEGY_DEFAULT);
    }

    /**
     * The wait strategy for a number of workers: the one set by system property, else the default for that many
     * workers on this JVM's processors ({@link WaitStrategies#defaultFor(int, int)}), so that more workers than
     * processors wait blocking rather than spinning.
     *
     * @param workers compute workers, the driving thread included.
     * @return the name of the wait strategy.
     */
    public static String waitStrategy(final int workers)
    {
        final String named = System.getProperty(WAIT_STRATEGY_PROP_NAME);
        return named != null ? named :
            WaitStrategies.defaultFor(workers, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @return the layout set by system property, or the default.
     */
    public static String layout()
    {
        return System.getProperty(LAYOUT_PROP_NAME, LAYOUT_DEFAULT);
    }

    /**
     * @return the warm-up ticks set by system property, or the default.
     */
    public static int warmupTicks()
    {
        return Integer.getInteger(WARMUP_TICKS_PROP_NAME, WARMUP_TICKS_DEFAULT);
    }

    /**
     * @param prefix the threads' name, before a number counting from 1.
     * @return a factory of daemon threads named {@code prefix-N}.
     */
    public static ThreadFactory daemonThreads(final String prefix)
    {
        final AtomicInteger count = new AtomicInteger();
        return (runnable) ->
        {
            final Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
