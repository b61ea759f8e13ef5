package io.myriad.plugins.wolfsheep;

import static io.myriad.plugins.wolfsheep.WolfSheepRunner.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.metrics.AllocationMeter;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.layouts.AgentStore;

/**
 * The model as a whole: predators follow prey, animals are born, eat and die, and a run is the same on any number
 * of workers, after a restore from a checkpoint, and allocates nothing once warm.
 */
class WolfSheepModelTest
{
    @TempDir
    Path temp;

    /**
     * Over 500 steps of the small setup both kinds rise and fall several times, by at least half their mean each
     * time, and wolves follow sheep: the more sheep now, the more wolves gain over the next 10 steps (a correlation
     * of 0.33 to 0.48 over five seeds), and wolves are many when sheep are few (-0.44 to -0.65 at lag 0).
     */
    @Test
    void shouldMakePredatorsFollowTheirPreyUpAndDown()
    {
        final int steps = 500;
        final double[] sheep = new double[steps];
        final double[] wolves = new double[steps];
        try (Simulation sim = Simulation.launch(context("small", 42, 1)))
        {
            final WolfSheepModel model = (WolfSheepModel)sim.model();
            for (int t = 0; t < steps; t++)
            {
                sim.step();
                sheep[t] = sim.world().store(model.sheep).liveCount();
                wolves[t] = sim.world().store(model.wolves).liveCount();
                assertTrue(sheep[t] > 0 && wolves[t] > 0, "both kinds live on at step " + t);
            }
        }
        assertTrue(swings(sheep, 0.5 * mean(sheep)) >= 3, "sheep rise and fall at least three times");
        assertTrue(swings(wolves, 0.5 * mean(wolves)) >= 3, "wolves rise and fall at least three times");
        final int from = 50;
        final int to = steps - 10;
        final double[] now = new double[to - from];
        final double[] wolvesGain = new double[to - from];
        final double[] wolvesNow = new double[to - from];
        for (int t = from; t < to; t++)
        {
            now[t - from] = sheep[t];
            wolvesGain[t - from] = wolves[t + 10] - wolves[t];
            wolvesNow[t - from] = wolves[t];
        }
        final double follows = correlation(now, wolvesGain);
        assertTrue(follows > 0.2, "wolves grow after sheep abound: " + follows);
        final double opposed = correlation(now, wolvesNow);
        assertTrue(opposed < -0.2, "wolves are many when sheep are few: " + opposed);
    }

    @Test
    void shouldBreedEatStarveAndGrowTheStores()
    {
        try (Simulation sim = Simulation.launch(context("large", 7, 2)))
        {
            final WolfSheepModel model = (WolfSheepModel)sim.model();
            final int sheepCapacity = sim.world().store(model.sheep).capacity();
            final int wolvesCapacity = sim.world().store(model.wolves).capacity();
            int fewerSheep = 0;
            int fewerWolves = 0;
            for (int t = 0; t < 100; t++)
            {
                final int sheepBefore = sim.world().store(model.sheep).liveCount();
                final int wolvesBefore = sim.world().store(model.wolves).liveCount();
                sim.step();
                fewerSheep += sim.world().store(model.sheep).liveCount() < sheepBefore ? 1 : 0;
                fewerWolves += sim.world().store(model.wolves).liveCount() < wolvesBefore ? 1 : 0;
            }
            assertTrue(fewerSheep > 10 && fewerWolves > 10, "both kinds die: " + fewerSheep + ", " + fewerWolves);
            assertTrue(sim.world().store(model.sheep).capacity() > sheepCapacity, "sheep outgrow their first store");
            assertTrue(sim.world().store(model.wolves).capacity() > wolvesCapacity, "so do wolves");
            assertTrue(sim.commands().count(WolfSheepModel.NO_SHEEP_LEFT) > 0, "wolves compete for the same sheep");
            assertEquals("no_sheep_left", sim.commands().registry().outcomeName(WolfSheepModel.NO_SHEEP_LEFT));
            assertEquals(0, sim.commands().birthsRefused(model.sheep.id()) + sim.commands().birthsRefused(
                model.wolves.id()), "no birth is refused for want of room");
        }
    }

    @ParameterizedTest
    @CsvSource({ "small, 1, 7", "small, 2, 16", "small, 4, 5", "large, 2, 512", "large, 4, 333" })
    void shouldGiveTheSameWorldOnAnyNumberOfWorkersAndBatches(final String preset, final int workers, final int batch)
    {
        final int steps = "small".equals(preset) ? 300 : 60;
        final long reference;
        try (Simulation sim = Simulation.launch(context(preset, 11, 1)))
        {
            sim.run(steps);
            reference = sim.stateHash();
        }
        try (Simulation sim = Simulation.launch(context(preset, 11, workers).batchSize(batch)))
        {
            sim.run(steps);
            assertEquals(StateHash.toHex(reference), StateHash.toHex(sim.stateHash()));
        }
        try (Simulation sim = Simulation.launch(context(preset, 12, workers).batchSize(batch)))
        {
            sim.run(steps);
            assertNotEquals(reference, sim.stateHash(), "another seed, another run");
        }
    }

    @Test
    void shouldGoOnFromACheckpointAsTheRunItWasTakenFrom()
    {
        final Checkpoint atThirty;
        final long atEighty;
        try (Simulation sim = Simulation.launch(context("large", 5, 2)
            .records(new RecordsContext()
                .checkpoints(temp.resolve("checkpoints"), new CheckpointPolicy(0, 0, 0, 1, 1)))))
        {
            sim.run(30);
            atThirty = sim.checkpoint();
            sim.run(50);
            atEighty = sim.stateHash();
        }
        try (Simulation resumed = Simulation.launch(context("large", 5, 1).restoreFrom(atThirty)))
        {
            final WolfSheepModel model = (WolfSheepModel)resumed.model();
            assertEquals(atThirty.stateHash(), resumed.stateHash());
            assertTrue(resumed.world().store(model.wolves).capacity() > model.wolves.capacity(),
                "the grown store comes back grown");
            resumed.run(50);
            assertEquals(StateHash.toHex(atEighty), StateHash.toHex(resumed.stateHash()));
        }
    }

    @Test
    void shouldAllocateNothingPerStepOnceWarm()
    {
        Assumptions.assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count bytes per thread");
        final int warmup = 500;
        final int steps = 2_000;
        try (Simulation sim = Simulation.launch(context("large", 3, 2).warmupTicks(warmup)))
        {
            sim.run(warmup + steps);
            final AllocationMeter allocation = sim.allocation();
            assertEquals(steps, allocation.steadySteps());
            assertEquals(0, allocation.medianBytesPerStep(), allocation.stepsThatAllocated() + " of " + steps +
                " steps allocated, " + allocation.steadyBytes() + " bytes in all");
            final AgentStore sheep = sim.world().store(((WolfSheepModel)sim.model()).sheep);
            assertTrue(sheep.liveCount() > 0, "the run was not an empty world");
        }
    }

    /**
     * @return how many times the series rose by at least {@code by} from a low and then fell by at least {@code by}
     *         from the high that followed: full swings, counted with hysteresis so noise is not counted.
     */
    static int swings(final double[] series, final double by)
    {
        int swings = 0;
        boolean rising = false;
        double low = series[0];
        double high = series[0];
        for (final double value : series)
        {
            if (!rising)
            {
                low = Math.min(low, value);
                if (value - low >= by)
                {
                    rising = true;
                    high = value;
                }
            }
            else
            {
                high = Math.max(high, value);
                if (high - value >= by)
                {
                    rising = false;
                    low = value;
                    swings++;
                }
            }
        }
        return swings;
    }

    static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }

    static double correlation(final double[] a, final double[] b)
    {
        final double meanA = mean(a);
        final double meanB = mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++)
        {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
