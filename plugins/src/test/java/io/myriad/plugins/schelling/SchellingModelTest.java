package io.myriad.plugins.schelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.IntLayer;
import io.myriad.kernel.space.grid.Neighbourhood;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.layouts.AgentStore;

class SchellingModelTest
{
    private static final SchellingPlugin PLUGIN = new SchellingPlugin();

    @TempDir
    Path temp;

    /**
     * The comparison's known behaviour: from a random start, where about half of a resident's neighbours are of its
     * group, the town segregates and nearly everybody ends up happy.
     */
    @ParameterizedTest
    @CsvSource({ "small, 0.75", "large, 0.7" })
    void shouldSegregateFromARandomStart(final String preset, final double segregated)
    {
        try (Simulation sim = Simulation.launch(context(preset, 11L, 1)))
        {
            sim.step();
            final Map<String, Double> start = figures(sim);
            sim.run(59);
            final Map<String, Double> end = figures(sim);
            assertEquals(0.5, start.get("similar_share"), 0.03, "a random start is mixed: " + start);
            assertTrue(end.get("similar_share") > segregated, "segregation rises: " + start + " -> " + end);
            assertTrue(end.get("happy_share") > start.get("happy_share") + 0.1, start + " -> " + end);
            assertTrue(end.get("happy_share") > 0.95, "nearly everybody is happy: " + end);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 4 })
    void shouldGiveTheSameStateHashOnAnyNumberOfWorkers(final int workers)
    {
        assertEquals(StateHash.toHex(run("large", 3L, 1, 16384, 30)), StateHash.toHex(run("large", 3L, workers, 500,
            30)));
        assertEquals(StateHash.toHex(run("small", 3L, 1, 16384, 30)), StateHash.toHex(run("small", 3L, workers, 64,
            30)));
    }

    @Test
    void shouldGiveADifferentStateHashForADifferentSeed()
    {
        assertNotEquals(run("small", 1L, 1, 16384, 5), run("small", 2L, 1, 16384, 5));
    }

    /**
     * Moves keep the three views of where residents live in step: each resident's cell, the occupancy and the group
     * layer; the groups keep their sizes.
     */
    @Test
    void shouldKeepEveryResidentInItsOwnCell()
    {
        try (Simulation sim = Simulation.launch(context("large", 5L, 2).batchSize(700)))
        {
            final SchellingModel model = (SchellingModel)sim.model();
            for (int round = 0; round < 4; round++)
            {
                sim.run(3);
                final AgentStore store = sim.world().store(model.residents);
                final ResidentFlyweight resident = new ResidentFlyweight().wrap(store);
                final int[] members = new int[3];
                for (int i = 0; i < store.liveCount(); i++)
                {
                    final int cell = resident.cell(i);
                    assertEquals(i, model.homes.occupant(cell));
                    assertEquals(resident.group(i), model.groups.get(cell));
                    members[resident.group(i)]++;
                }
                assertEquals(4000, members[1]);
                assertEquals(4000, members[2]);
                assertEquals(10_000 - 8000, model.homes.emptyCount());
                for (int cell = 0; cell < model.grid.cellCount(); cell++)
                {
                    assertEquals(model.homes.isEmpty(cell), model.groups.get(cell) == SchellingModel.EMPTY);
                }
            }
            assertTrue(sim.commands().applied() > 0, "residents moved");
            assertEquals(0, sim.commands().rejected(), "a move always finds an empty cell");
        }
    }

    /**
     * The sliding window counts what the grid's own neighbourhood lists, plus the centre, wherever a sweep starts.
     */
    @ParameterizedTest
    @CsvSource({ "1, 1, 1", "7, 5, 1", "7, 5, 2", "3, 9, 2", "12, 12, 3", "5, 4, 6" })
    void shouldCountTheMooreBoxAsTheGridListsIt(final int width, final int height, final int radius)
    {
        try (Grid2D grid = new Grid2D("g", width, height, Topology.BOUNDED))
        {
            final IntLayer layer = grid.intLayer("values", false);
            final long key = CounterRng.key(width * 31L + height, radius);
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                layer.set(cell, CounterRng.toBoundedInt(CounterRng.bits(key, cell), 4));
            }
            final int[] around = new int[grid.maxNeighbours(Neighbourhood.MOORE, radius) + 1];
            final MooreCounts counts = new MooreCounts(grid, layer, radius);
            for (int start = 0; start < grid.cellCount(); start += 3)
            {
                counts.moveTo(start);
                for (int cell = start; cell < grid.cellCount(); cell++, counts.advance())
                {
                    final int[] expected = new int[4];
                    expected[layer.get(cell)]++;
                    for (int k = 0, n = grid.neighbours(cell, Neighbourhood.MOORE, radius, around); k < n; k++)
                    {
                        expected[layer.get(around[k])]++;
                    }
                    for (int value = 0; value < 4; value++)
                    {
                        assertEquals(expected[value], counts.count(value), "value " + value + " around " + cell);
                    }
                }
            }
        }
    }

    @Test
    void shouldAllocateNothingPerStepInSteadyState()
    {
        assumeTrue(ThreadAllocation.isSupported(), "the JVM does not count allocated bytes per thread");
        try (Simulation sim = Simulation.launch(context("large", 9L, 2).batchSize(1000).warmupTicks(100)))
        {
            sim.run(400);
            assertEquals(0, sim.allocation().medianBytesPerStep(), "a steady step allocates nothing");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2 })
    void shouldResumeFromACheckpointAsTheRunWentOn(final int workers)
    {
        final Path directory = temp.resolve("checkpoints-" + workers);
        final Checkpoint atTen;
        final long atTwenty;
        try (Simulation sim = Simulation.launch(context("small", 13L, workers)
            .records(new RecordsContext().checkpoints(directory, new CheckpointPolicy(0, 0, 0, 1, 1)))))
        {
            sim.run(10);
            atTen = sim.checkpoint();
            sim.run(10);
            atTwenty = sim.stateHash();
        }
        try (Simulation resumed = Simulation.launch(context("small", 13L, workers).restoreFrom(atTen)))
        {
            assertEquals(10, resumed.tick());
            assertEquals(atTen.stateHash(), resumed.stateHash());
            resumed.run(10);
            assertEquals(StateHash.toHex(atTwenty), StateHash.toHex(resumed.stateHash()));
        }
    }

    @Test
    void shouldRefuseATownWithNoEmptyCell()
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> PLUGIN.create(ModelConfig.of(PLUGIN, 1600, 1L, Map.of("width", 40L, "height", 40L))));
        assertEquals("agents", ex.path());
    }

    @Test
    void shouldSizeATownOfUnsetSidesFromTheResidents()
    {
        assertEquals(40 * 40, ((SchellingModel)PLUGIN.create(ModelConfig.of(PLUGIN, 1000, 1L, Map.of())))
            .grid.cellCount(), "the default density is the small preset's");
        assertEquals(70 * 70, ((SchellingModel)PLUGIN.create(ModelConfig.of(PLUGIN, 3000, 1L, Map.of())))
            .grid.cellCount());
        assertEquals(100 * 38, ((SchellingModel)PLUGIN.create(ModelConfig.of(PLUGIN, 3000, 1L,
            Map.of("width", 100L, "density", 0.8)))).grid.cellCount());
    }

    private static long run(final String preset, final long seed, final int workers, final int batchSize,
        final int steps)
    {
        try (Simulation sim = Simulation.launch(context(preset, seed, workers).batchSize(batchSize)))
        {
            sim.run(steps);
            return sim.stateHash();
        }
    }

    private static Map<String, Double> figures(final Simulation sim)
    {
        return sim.model().observe(sim.lastTickMetrics(), sim.world());
    }

    static SimulationContext context(final String preset, final long seed, final int workers)
    {
        final Map<String, Object> parameters = new HashMap<>(PLUGIN.presets().get(preset));
        final int agents = ((Long)parameters.remove("agents")).intValue();
        return new SimulationContext()
            .model(PLUGIN.create(ModelConfig.of(PLUGIN, agents, seed, parameters)))
            .seed(seed)
            .workers(workers);
    }
}
