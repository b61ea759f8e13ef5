package io.myriad.plugins.forestfire;

import static io.myriad.plugins.forestfire.ForestFireModel.BURNING;
import static io.myriad.plugins.forestfire.ForestFireModel.BURNT;
import static io.myriad.plugins.forestfire.ForestFireModel.EMPTY;
import static io.myriad.plugins.forestfire.ForestFireModel.TREE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;

class ForestFireModelTest
{
    private static final ForestFirePlugin PLUGIN = new ForestFirePlugin();
    private static final DirectBuffer NO_DATA = new UnsafeBuffer(new byte[0]);

    @TempDir
    Path temp;

    /**
     * A full forest burns as a straight front, one column a step, and the fire is out the step after it reaches the
     * right edge.
     */
    @Test
    void shouldBurnAFullForestOneColumnAStep()
    {
        try (Simulation sim = Simulation.launch(context(7, 3, 1.0, 1L, 1).batchSize(4)))
        {
            final ForestFireModel model = (ForestFireModel)sim.model();
            for (int step = 0; step < 7; step++)
            {
                for (int x = 0; x < 7; x++)
                {
                    for (int y = 0; y < 3; y++)
                    {
                        final int expected = x < step ? BURNT : x == step ? BURNING : TREE;
                        assertEquals(expected, model.state.get(model.grid.cell(x, y)), "(" + x + ", " + y + ")");
                    }
                }
                sim.step();
            }
            final Map<String, Double> figures = figures(sim);
            assertEquals(0.0, figures.get("burning"));
            assertEquals(1.0, figures.get("burnt_fraction"));
            assertEquals(7.0, figures.get("fire_out_tick"));
        }
    }

    /**
     * Fire passes only between von Neumann neighbours: a tree touching the fire by a corner alone never burns.
     */
    @Test
    void shouldNotBurnAcrossCorners()
    {
        try (Simulation sim = Simulation.launch(context(3, 3, 1.0, 1L, 1)))
        {
            final ForestFireModel model = (ForestFireModel)sim.model();
            final int[] layout = { BURNING, EMPTY, TREE, EMPTY, TREE, EMPTY, EMPTY, EMPTY, TREE };
            for (int cell = 0; cell < layout.length; cell++)
            {
                model.state.set(cell, layout[cell]);
            }
            sim.run(5);
            final int[] after = new int[layout.length];
            for (int cell = 0; cell < layout.length; cell++)
            {
                after[cell] = model.state.get(cell);
            }
            assertArrayEquals(new int[] { BURNT, EMPTY, TREE, EMPTY, TREE, EMPTY, EMPTY, EMPTY, TREE }, after);
            assertEquals(1.0, figures(sim).get("fire_out_tick"), "out after the first step");
        }
    }

    /**
     * The known behaviour: below the percolation threshold (about 0.593) the fire dies near the left edge, above it
     * it crosses the forest and burns most of it.
     */
    @Test
    void shouldBurnLittleBelowThePercolationThresholdAndMostAboveIt()
    {
        assertTrue(meanBurntFraction(0.5) < 0.1);
        assertTrue(meanBurntFraction(0.7) > 0.5);
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 4 })
    void shouldGiveTheSameStateHashOnAnyNumberOfWorkers(final int workers)
    {
        assertEquals(StateHash.toHex(run(0.6, 3L, 1, 16384, 80)), StateHash.toHex(run(0.6, 3L, workers, 1000, 80)));
    }

    @Test
    void shouldGiveADifferentStateHashForADifferentSeed()
    {
        assertNotEquals(run(0.7, 1L, 1, 16384, 5), run(0.7, 2L, 1, 16384, 5));
    }

    @Test
    void shouldAllocateNothingPerStepInSteadyState()
    {
        assumeTrue(ThreadAllocation.isSupported(), "the JVM does not count allocated bytes per thread");
        try (Simulation sim = Simulation.launch(context(300, 300, 0.9, 5L, 2).batchSize(4096).warmupTicks(100)))
        {
            sim.run(300);
            assertTrue(figures(sim).get("burning") > 0, "the fire still burns");
            assertEquals(0, sim.allocation().medianBytesPerStep(), "a steady step allocates nothing");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2 })
    void shouldResumeFromACheckpointAsTheRunWentOn(final int workers)
    {
        final Path directory = temp.resolve("checkpoints-" + workers);
        final Checkpoint atThirty;
        final long atSixty;
        try (Simulation sim = Simulation.launch(context(100, 100, 0.65, 13L, workers).batchSize(2048)
            .records(new RecordsContext().checkpoints(directory, new CheckpointPolicy(0, 0, 0, 1, 1)))))
        {
            sim.run(30);
            atThirty = sim.checkpoint();
            sim.run(30);
            atSixty = sim.stateHash();
        }
        try (Simulation resumed = Simulation.launch(context(100, 100, 0.65, 13L, workers).restoreFrom(atThirty)))
        {
            assertEquals(30, resumed.tick());
            assertEquals(atThirty.stateHash(), resumed.stateHash());
            resumed.run(30);
            assertEquals(StateHash.toHex(atSixty), StateHash.toHex(resumed.stateHash()));
        }
    }

    /**
     * A replanted forest is the forest of the start, lit again, and burns as the first did, the tick going on; the
     * replanting allocates nothing.
     */
    @Test
    void shouldReplantTheForestOfTheStartAndBurnItAgain()
    {
        try (Simulation sim = Simulation.launch(context(100, 100, 0.7, 42L, 2)))
        {
            final ForestFireModel model = (ForestFireModel)sim.model();
            final int[] planted = cells(model);
            sim.run(300);
            final Map<String, Double> first = figures(sim);
            assertEquals(0.0, first.get("burning"), "the first fire is out");
            final int[] burnt = cells(model);

            replant(sim);
            assertArrayEquals(planted, cells(model), "the forest of the start");
            sim.run(300);
            final Map<String, Double> second = figures(sim);
            assertArrayEquals(burnt, cells(model), "burnt as the first");
            assertEquals(first.get("burnt_fraction"), second.get("burnt_fraction"));
            assertEquals(first.get("fire_out_tick") + 300, second.get("fire_out_tick"));

            assumeTrue(ThreadAllocation.isSupported(), "the JVM does not count allocated bytes per thread");
            final long before = ThreadAllocation.currentThreadAllocatedBytes();
            replant(sim);
            assertEquals(0, ThreadAllocation.currentThreadAllocatedBytes() - before, "bytes allocated to replant");
        }
    }

    @Test
    void shouldRefuseAnInputOfAnotherKind()
    {
        try (Simulation sim = Simulation.launch(context(10, 10, 0.7, 42L, 1)))
        {
            assertThrows(IllegalArgumentException.class,
                () -> sim.input(ForestFirePlugin.INPUT_REPLANT + 1, -1, NO_DATA, 0, 0));
        }
    }

    @Test
    void shouldRefuseToCountAgentsOtherThanTheForest()
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> PLUGIN.create(ModelConfig.of(PLUGIN, 10_000, 1L, Map.of())));
        assertEquals("agents", ex.path());
    }

    private static double meanBurntFraction(final double density)
    {
        double sum = 0.0;
        final int seeds = 5;
        for (long seed = 1; seed <= seeds; seed++)
        {
            try (Simulation sim = Simulation.launch(context(100, 100, density, seed, 1)))
            {
                sim.run(600);
                final Map<String, Double> figures = figures(sim);
                assertEquals(0.0, figures.get("burning"), "the fire is out after 600 steps");
                sum += figures.get("burnt_fraction");
            }
        }
        return sum / seeds;
    }

    private static long run(final double density, final long seed, final int workers, final int batchSize,
        final int steps)
    {
        try (Simulation sim = Simulation.launch(context(100, 100, density, seed, workers).batchSize(batchSize)))
        {
            sim.run(steps);
            return sim.stateHash();
        }
    }

    private static void replant(final Simulation sim)
    {
        sim.input(ForestFirePlugin.INPUT_REPLANT, -1, NO_DATA, 0, 0);
    }

    private static int[] cells(final ForestFireModel model)
    {
        final int[] cells = new int[model.grid.cellCount()];
        for (int cell = 0; cell < cells.length; cell++)
        {
            cells[cell] = model.state.get(cell);
        }
        return cells;
    }

    private static Map<String, Double> figures(final Simulation sim)
    {
        return sim.model().observe(sim.lastTickMetrics(), sim.world());
    }

    private static SimulationContext context(
        final int width, final int height, final double density, final long seed, final int workers)
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, 1, seed,
            Map.of("width", (long)width, "height", (long)height, "density", density));
        return new SimulationContext().model(PLUGIN.create(config)).seed(seed).workers(workers);
    }
}
