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
 * One tick of the flocking model through the whole pipeline (index, gather and steer phases, apply, metrics,
 * swap) at the large preset's density, from a fresh random flock, on 1 and 2 compute workers. The score is the
 * time of one tick; agent updates per second are {@code birds / score}.
 * <p>
 * Every iteration starts from the same fresh flock (the seed's random positions and headings), so iterations
 * measure the same stretch of a run: left to run, birds gather into ever denser flocks and a tick costs more as
 * their neighbourhoods fill, which would make later iterations measure a different workload. Building the flock
 * allocates (the grid and the store), and JMH's {@code -prof gc} counts what an iteration's set-up allocates, so
 * for the bytes a tick allocates use {@link DriftTickBenchmark} with {@code -prof gc} or the steady-state count a
 * {@code myriad run} reports.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FlockingTickBenchmark extends JvmFlags
{
    /** Number of birds. */
    @Param({ "1000", "100000", "1000000" })
    public int birds;

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    private Simulation simulation;

    /**
     * Builds a fresh flock.
     */
    @Setup(Level.Iteration)
    public void setUp()
    {
        if (simulation != null)
        {
            simulation.close();
        }
        final FlockingPlugin plugin = new FlockingPlugin();
        final ModelConfig config = ModelConfig.of(plugin, birds, 42L, Map.of());
        simulation = Simulation.launch(new Simulation.Context()
            .model(plugin.create(config))
            .seed(42L)
            .workers(threads));
    }

    /**
     * Stops the workers and frees the store.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        simulation.close();
        simulation = null;
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
