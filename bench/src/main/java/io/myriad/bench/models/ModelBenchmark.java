package io.myriad.bench.models;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.observe.RunObserver;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the model benchmarks share: a simulation of a model on 1 and 2 compute workers, built in a subclass's
 * {@code @Setup} with {@link #launch}, restarted between steps with {@link #input}, and closed after the trial. A
 * subclass declares what it times: {@link ModelTickBenchmark} one tick, others a step with a report, or a run of
 * steps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public abstract class ModelBenchmark extends JvmFlags
{
    /** Seed of every benchmarked run. */
    static final long SEED = 42L;

    /** The data of an input that has none. */
    static final DirectBuffer NO_DATA = new UnsafeBuffer(new byte[0]);

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    private Simulation simulation;

    /**
     * Builds a simulation of the model with its default parameters, closing the previous one if any.
     *
     * @param plugin    the model.
     * @param agents    agents at the start.
     * @param batchSize work items per batch.
     */
    protected void launch(final ModelPlugin plugin, final int agents, final int batchSize)
    {
        launch(plugin, agents, Map.of(), batchSize);
    }

    /**
     * Builds a simulation of the model with the given parameters (the rest at their defaults), closing the previous
     * one if any.
     *
     * @param plugin     the model.
     * @param agents     agents at the start.
     * @param parameters parameter values by name, as {@link ModelConfig#of} takes them.
     * @param batchSize  work items per batch.
     */
    protected void launch(
        final ModelPlugin plugin, final int agents, final Map<String, ?> parameters, final int batchSize)
    {
        launch(plugin, agents, parameters, batchSize, null);
    }

    /**
     * As {@link #launch(ModelPlugin, int, Map, int)}, watched by an observer.
     *
     * @param plugin     the model.
     * @param agents     agents at the start.
     * @param parameters parameter values by name.
     * @param batchSize  work items per batch.
     * @param observer   told at every step boundary, or null.
     */
    protected void launch(
        final ModelPlugin plugin, final int agents, final Map<String, ?> parameters, final int batchSize,
        final RunObserver observer)
    {
        if (simulation != null)
        {
            simulation.close();
        }
        simulation = Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, agents, SEED, parameters)))
            .seed(SEED)
            .workers(threads)
            .batchSize(batchSize)
            .observer(observer));
    }

    /**
     * Hands the model an input without a target or data, between ticks, as a re-start: allocates nothing unless the
     * model does.
     *
     * @param kind the model's input kind.
     */
    protected void input(final int kind)
    {
        simulation.input(kind, -1, NO_DATA, 0, 0);
    }

    /**
     * @return the simulation being benchmarked, for a subclass that looks at its state between ticks.
     */
    protected Simulation simulation()
    {
        return simulation;
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
}
