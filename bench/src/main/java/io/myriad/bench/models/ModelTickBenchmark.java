package io.myriad.bench.models;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * One tick of a model through the whole pipeline, on 1 and 2 compute workers. A subclass builds the simulation in
 * its {@code @Setup} with {@link #launch}; the score is the time of one tick, so agent updates per second are
 * {@code agents / score}.
 */
public abstract class ModelTickBenchmark extends ModelBenchmark
{
    /**
     * @return ticks completed, so the tick cannot be optimised away.
     */
    @Benchmark
    public long tick()
    {
        simulation().step();
        return simulation().tick();
    }
}
