package io.myriad.bench.models;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.wolfsheep.WolfSheepPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

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
public class WolfSheepTickBenchmark extends ModelBenchmark
{
    /** Steps run before measuring, past the boom and bust of the start. */
    static final int SETTLE_STEPS = 100;

    /** Animals at the start, on a pasture sized to hold them at the large preset's crowding. */
    @Param({ "1500", "350000" })
    public int animals;

    private long aliveSum;
    private long steps;

    /**
     * Builds the world and lets its populations settle.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new WolfSheepPlugin(), animals, Configuration.batchSize());
        simulation().run(SETTLE_STEPS);
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
     * @return steps completed, so the step cannot be optimised away.
     */
    @Benchmark
    public long step()
    {
        simulation().step();
        aliveSum += simulation().world().liveCount();
        steps++;
        return simulation().tick();
    }
}
