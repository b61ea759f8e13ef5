package io.myriad.bench.models;

import io.myriad.plugins.flocking.FlockingPlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticks of one flock left to run, built once per trial and never scattered again ({@link FlockingTickBenchmark}
 * starts every iteration from the flock of the start): tick times drift upwards as the birds gather into flocks.
 * A tick allocates nothing once warm however dense the flock (the steer phase's scratch grows, rarely, when a block
 * of cells holds more birds than any before). The populations are small enough for hundreds of ticks an iteration,
 * so JMH's own per-iteration bookkeeping adds only a few bytes to each in {@code -prof gc}.
 */
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlockingRunBenchmark extends ModelTickBenchmark
{
    /** Number of birds. */
    @Param({ "1000", "10000" })
    public int birds;

    /**
     * Builds the flock.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new FlockingPlugin(), birds, 1024);
    }
}
