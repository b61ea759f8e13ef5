package io.myriad.bench.models;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.sir.SirPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

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
public class SirTickBenchmark extends ModelBenchmark
{
    /** Steps timed per invocation: the whole epidemic of the default parameters. */
    static final int EPIDEMIC_STEPS = 20;

    /** People, the network's nodes. */
    @Param({ "100000", "1000000" })
    public int people;

    /**
     * Builds the network and the first epidemic.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new SirPlugin(), people, Configuration.batchSize());
    }

    /**
     * Starts a fresh epidemic on the network, unless the run is at its start and has one already.
     */
    @Setup(Level.Invocation)
    public void newEpidemic()
    {
        if (simulation().tick() > 0)
        {
            input(SirPlugin.INPUT_NEW_EPIDEMIC);
        }
    }

    /**
     * @return steps completed, so the steps cannot be optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(EPIDEMIC_STEPS)
    public long epidemic()
    {
        simulation().run(EPIDEMIC_STEPS);
        return simulation().tick();
    }
}
