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
 *   <li>{@code backoff} (default): spin for 20 µs, yield for 200 µs, then sleep in short parks. Quick to pick
 *   up the next tick, yet gives the cores away when there are more threads than cores or nothing to do.</li>
 *   <li>{@code sleeping}: the Disruptor's SleepingWaitStrategy, spin then yield then 100 ns parks.</li>
 *   <li>{@code yielding}: spin then {@code Thread.yield()} forever; low latency, burns its core.</li>
 *   <li>{@code busy-spin}: never lets go of the core; only with a dedicated core per worker.</li>
 *   <li>{@code blocking}: a lock and condition; lowest CPU use, slowest hand-off.</li>
 * </ul>
 */
public final class WaitStrategies
{
    /** Name of the default strategy. */
    public static final String DEFAULT = "backoff";

    private WaitStrategies()
    {
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
