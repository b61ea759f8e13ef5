package io.myriad.bench.models;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.plugins.drift.DriftPlugin;
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
 * One tick of the drift model through the whole pipeline (publish, compute on the workers, apply, metrics, swap).
 * Small populations make many ticks per iteration, so {@code -prof gc} resolves the bytes a tick allocates
 * (JMH's own bookkeeping per iteration is spread over thousands of ticks); the large one shows the pipeline
 * against memory bandwidth. The score is the time of one tick: agent updates per second are
 * {@code agents / score}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class DriftTickBenchmark extends JvmFlags
{
    /** Number of agents. */
    @Param({ "10000", "1000000", "33554432" })
    public int agents;

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    private Simulation simulation;

    /**
     * Builds the particles.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final DriftPlugin plugin = new DriftPlugin();
        simulation = Simulation.launch(new Simulation.Context()
            .model(plugin.create(ModelConfig.of(plugin, agents, 42L, Map.of())))
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
