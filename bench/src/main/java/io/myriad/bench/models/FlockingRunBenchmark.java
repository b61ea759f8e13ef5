package io.myriad.bench.models;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.plugins.flocking.FlockingPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticks of one flock left to run, built once per trial: the {@code -prof gc} check that a flocking tick allocates
 * nothing once warm ({@link FlockingTickBenchmark} rebuilds the flock every iteration, which allocates). The
 * populations are small enough for hundreds of ticks an iteration, so JMH's own per-iteration bookkeeping adds
 * only a few bytes to each. Tick times drift upwards as the birds gather into flocks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FlockingRunBenchmark extends JvmFlags
{
    /** Number of birds. */
    @Param({ "1000", "10000" })
    public int birds;

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    private Simulation simulation;

    /**
     * Builds the flock.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        simulation = Simulation.launch(new Simulation.Context()
            .model(plugin.create(ModelConfig.of(plugin, birds, 42L, Map.of())))
            .seed(42L)
            .workers(threads)
            .batchSize(1024));
    }

    /**
     * Stops the workers and frees the store.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        simulation.close();
    }

    /**
     * @return ticks completed, so the tick cannot be optimised away.
     */
    @Benchmark
    public long tick()
    {
        simulation.step();
        return simulation.tick();
    }
}
