package io.myriad.bench.models;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.drift.DriftPlugin;
import org.openjdk.jmh.annotations.Level;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One tick of the drift model through the whole pipeline (publish, compute on the workers, apply, metrics, swap).
 * Small populations make many ticks per iteration, so {@code -prof gc} resolves the bytes a tick allocates
 * (JMH's own bookkeeping per iteration is spread over thousands of ticks); the large one shows the pipeline
 * against memory bandwidth. The score is the time of one tick: agent updates per second are
 * {@code agents / score}.
 */
public class DriftTickBenchmark extends ModelTickBenchmark
{
    /** Number of agents. */
    @Param({ "10000", "1000000", "33554432" })
    public int agents;

    /**
     * Builds the particles.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new DriftPlugin(), agents, Configuration.BATCH_SIZE_DEFAULT);
    }
}
