package io.myriad.bench.models;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.plugins.sir.SirPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps of the SIR model through the whole pipeline, on 1 and 2 compute workers, with its defaults (preset
 * {@code mean-field}: an Erdős–Rényi network of mean degree 20, beta 0.1, gamma 0.8, 0.1 % infected at the start).
 * <p>
 * A step costs what its susceptible people cost, each reading the states of all its contacts, so it is dearest at
 * the start and cheap once the epidemic is over, some 20 steps in. To measure an epidemic rather than its
 * aftermath, each invocation runs the first {@link #EPIDEMIC_STEPS} steps of a fresh one, built (network
 * included) in an untimed set-up; the score is the time of one of those steps, and agent updates per second are
 * {@code people / score}. Building the network allocates, so use the model's tests rather than {@code -prof gc}
 * for a step's allocation (none).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SirTickBenchmark extends JvmFlags
{
    /** Steps timed per invocation: the whole epidemic of the default parameters. */
    static final int EPIDEMIC_STEPS = 20;

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    /** People, the network's nodes. */
    @Param({ "100000", "1000000" })
    public int people;

    private Simulation simulation;

    /**
     * Builds a fresh network and epidemic, closing the last one.
     */
    @Setup(Level.Invocation)
    public void setUp()
    {
        tearDown();
        final SirPlugin plugin = new SirPlugin();
        simulation = Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, people, ModelTickBenchmark.SEED, Map.of())))
            .seed(ModelTickBenchmark.SEED)
            .workers(threads));
    }

    /**
     * Stops the workers and frees the world.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (simulation != null)
        {
            simulation.close();
            simulation = null;
        }
    }

    /**
     * @return steps completed, so the steps cannot be optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(EPIDEMIC_STEPS)
    public long epidemic()
    {
        simulation.run(EPIDEMIC_STEPS);
        return simulation.tick();
    }
}
