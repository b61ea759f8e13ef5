package io.myriad.kernel.pipeline;

import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * The wait strategies compute workers can use between batches, by name.
 * <ul>
 *   <li>{@code backoff}: spin for 20 µs, yield for 200 µs, then sleep in short parks. Quickest to pick up the next
 *   batch while every worker has a processor of its own; the default then.</li>
 *   <li>{@code sleeping}: the Disruptor's SleepingWaitStrategy, spin then yield then 100 ns parks.</li>
 *   <li>{@code yielding}: spin then {@code Thread.yield()} forever; low latency, burns its core.</li>
 *   <li>{@code busy-spin}: never lets go of the core; only with a dedicated core per worker.</li>
 *   <li>{@code blocking}: a lock and condition; lowest CPU use, slower hand-off. The default when workers
 *   outnumber processors: a waiting worker then takes no processor time from the workers that have batches,
 *   where spinning and yielding ones would (64 workers on 2 processors ran flocking's 20 ticks 3 to 6 times
 *   slower with {@code backoff}).</li>
 * </ul>
 * The choice never changes results, only how fast batches are handed over.
 */
public final class WaitStrategies
{
    /** Name of the default strategy while every worker can have a processor: {@code backoff}. */
    public static final String DEFAULT = "backoff";

    /** Name of the default strategy when workers outnumber processors: {@code blocking}. */
    public static final String OVERSUBSCRIBED_DEFAULT = "blocking";

    private WaitStrategies()
    {
    }

    /**
     * The strategy to use when none is named: {@link #DEFAULT} while every worker can have a processor,
     * {@link #OVERSUBSCRIBED_DEFAULT} when there are more workers than processors.
     *
     * @param workers    compute workers, the driving thread included.
     * @param processors processors the JVM may use, {@code Runtime.getRuntime().availableProcessors()}.
     * @return the name of the strategy.
     */
    public static String defaultFor(final int workers, final int processors)
    {
        return workers > processors ? OVERSUBSCRIBED_DEFAULT : DEFAULT;
    }

    /**
     * @param name one of backoff, sleeping, yielding, busy-spin, blocking.
     * @return a new strategy.
     * @throws IllegalArgumentException listing the names, for any other name.
     */
    public static WaitStrategy named(final String name)
    {
        switch (name)
        {
            case "backoff":
                return PhasedBackoffWaitStrategy.withSleep(20, 200, TimeUnit.MICROSECONDS);
            case "sleeping":
                return new SleepingWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "': use backoff, sleeping, yielding, busy-spin or blocking");
        }
    }
}
