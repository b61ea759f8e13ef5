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
 * aftermath, each invocation runs the first {@link #EPIDEMIC_STEPS} steps of a fresh one, started in an untimed
 * set-up; the score is the time of one of those steps, and agent updates per second are {@code people / score}.
 * The network is built once per trial, and each fresh epidemic is started on it by the model's
 * {@link SirPlugin#INPUT_NEW_EPIDEMIC} input to the run, which goes on: everybody susceptible again but the people
 * infected at the start. That allocates nothing, so {@code -prof gc} counts what the steps allocate (nothing once
 * warm) and JMH's own bookkeeping per iteration, spread over its steps.
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
     * Builds the network and the first epidemic.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final SirPlugin plugin = new SirPlugin();
        simulation = Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, people, ModelTickBenchmark.SEED, Map.of())))
            .seed(ModelTickBenchmark.SEED)
            .workers(threads));
    }

    /**
     * Starts a fresh epidemic on the network, unless the run is at its start and has one already.
     */
    @Setup(Level.Invocation)
    public void newEpidemic()
    {
        if (simulation.tick() > 0)
        {
            simulation.input(SirPlugin.INPUT_NEW_EPIDEMIC, -1, ModelTickBenchmark.NO_DATA, 0, 0);
        }
    }

    /**
     * Stops the workers and frees the world.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        simulation.close();
        simulation = null;
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
