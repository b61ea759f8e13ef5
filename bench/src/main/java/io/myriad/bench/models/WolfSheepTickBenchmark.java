package io.myriad.bench.models;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.plugins.wolfsheep.WolfSheepPlugin;
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
 * One step of wolf-sheep through the whole pipeline (five sweeps, their births, deaths and claims applied, two
 * rebuilds of the index of sheep by cell, metrics, swap), on 1 and 2 compute workers, with the model's defaults: the
 * large preset's rates and crowding (0.15 animals a cell at the start, a third of them wolves).
 * <p>
 * {@code animals} is the number at the start: 1,500 is the large preset (1,000 sheep and 500 wolves on 100 x 100),
 * whose populations settle around 4,500 animals; 350,000 (on 1,528 x 1,528) settles around a million. The start
 * booms and busts for some 50 steps, so the set-up runs {@link #SETTLE_STEPS} steps before the first iteration, and
 * iterations go on with the same run, births and deaths included. The score is the time of one step; each
 * iteration prints the mean number of animals alive after its steps, so agent updates per second are that number
 * divided by the score. A step allocates nothing once warm (the model's tests check it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class WolfSheepTickBenchmark extends JvmFlags
{
    /** Steps run before measuring, past the boom and bust of the start. */
    static final int SETTLE_STEPS = 100;

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    /** Animals at the start, on a pasture sized to hold them at the large preset's crowding. */
    @Param({ "1500", "350000" })
    public int animals;

    private Simulation simulation;
    private long aliveSum;
    private long steps;

    /**
     * Builds the world and lets its populations settle.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final WolfSheepPlugin plugin = new WolfSheepPlugin();
        simulation = Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, animals, ModelTickBenchmark.SEED, Map.of())))
            .seed(ModelTickBenchmark.SEED)
            .workers(threads));
        simulation.run(SETTLE_STEPS);
    }

    /**
     * Prints the mean number of animals alive over the iteration's steps, and starts counting again.
     */
    @TearDown(Level.Iteration)
    public void report()
    {
        System.out.printf("(%,.0f animals alive on average over %,d steps)%n", (double)aliveSum / steps, steps);
        aliveSum = 0;
        steps = 0;
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
     * @return steps completed, so the step cannot be optimised away.
     */
    @Benchmark
    public long step()
    {
        simulation.step();
        aliveSum += simulation.world().liveCount();
        steps++;
        return simulation.tick();
    }
}
