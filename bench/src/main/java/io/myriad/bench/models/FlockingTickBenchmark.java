package io.myriad.bench.models;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.flocking.FlockingPlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One tick of the flocking model through the whole pipeline (index, gather and steer phases, apply, metrics,
 * swap) at the large preset's density, from a fresh random flock, on 1 and 2 compute workers. The score is the
 * time of one tick; agent updates per second are {@code birds / score}.
 * <p>
 * Every iteration starts from the same fresh flock (the seed's random positions and headings), so iterations
 * measure the same stretch of a run: left to run, birds gather into ever denser flocks and a tick costs more as
 * their neighbourhoods fill, which would make later iterations measure a different workload. The simulation is
 * built once per trial; an iteration-level set-up scatters its birds again with the model's
 * {@link FlockingPlugin#INPUT_SCATTER} input, which allocates nothing, so {@code -prof gc} counts what the ticks
 * allocate (nothing once warm) and JMH's own bookkeeping per iteration, spread over its ticks.
 */
public class FlockingTickBenchmark extends ModelTickBenchmark
{
    /** Number of birds. */
    @Param({ "1000", "100000", "1000000" })
    public int birds;

    /**
     * Builds the flock.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new FlockingPlugin(), birds, Configuration.BATCH_SIZE_DEFAULT);
    }

    /**
     * Scatters the birds as they were at the start, the run going on.
     */
    @Setup(Level.Iteration)
    public void scatter()
    {
        input(FlockingPlugin.INPUT_SCATTER);
    }
}
