package io.myriad.bench.models;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.poisson.PoissonPlugin;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;

/**
 * The event clock end to end: {@code agents} agents of the {@code poisson} model, each deciding after exponential
 * delays of mean 1 s on continuous time, so every step is one event: taken from the queue, computed inline, its
 * next decision scheduled through the outbox and the apply stage, metrics and records checked. An operation is
 * {@link #EVENTS} steps; the score is the time of one event, so events per second are its inverse.
 * <pre>
 * java -jar bench/target/benchmarks.jar PoissonEventsBenchmark -prof gc
 * </pre>
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PoissonEventsBenchmark extends ModelBenchmark
{
    /** Events an operation takes. */
    static final int EVENTS = 10_000;

    /** Agents, each with one decision pending. */
    @Param({ "1000000" })
    public int agents;

    /**
     * Builds the agents with their first decisions scheduled, and runs them a while.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new PoissonPlugin(), agents, Map.of(), Configuration.BATCH_SIZE_DEFAULT);
        simulation().run(EVENTS);
    }

    /**
     * @return steps completed, so the work cannot be optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long events()
    {
        simulation().run(EVENTS);
        return simulation().tick();
    }
}
