package io.myriad.plugins.wolfsheep;

import static io.myriad.plugins.wolfsheep.WolfSheepRunner.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.space.grid.Neighbourhood;
import io.myriad.layouts.AgentStore;

/**
 * One step at a time against the rules: where animals go, what they gain, who dies, what the grass does, and how a
 * newborn shares its parent's energy.
 */
class WolfSheepRulesTest
{
    private static final double SHEEP_GAIN = 5;
    private static final double WOLF_GAIN = 13;
    private static final int REGROWTH = 20;

    /**
     * Without births, indices keep their animals, so every survivor can be followed through a step: it stands on a
     * cell around its old one, with 1 energy less and perhaps its food's; every cell of grown grass with a sheep on
     * it was eaten by exactly one sheep; every wolf that ate took a sheep that is gone; only the starving starved.
     */
    @Test
    void shouldMoveFeedAndStarveAnimalsAsTheRulesSay()
    {
        try (Simulation sim = Simulation.launch(context("small", 9, 2, "sheep_reproduce", 0.0,
            "wolf_reproduce", 0.0, "wolf_share", 0.2)))
        {
            final WolfSheepModel model = (WolfSheepModel)sim.model();
            final int cells = model.pasture.cellCount();
            int sheepEaten = 0;
            int grassEaten = 0;
            for (int step = 0; step < 40; step++)
            {
                final Herd sheep = new Herd(sim.world().store(model.sheep));
                final Herd wolves = new Herd(sim.world().store(model.wolves));
                final int[] grass = new int[cells];
                for (int cell = 0; cell < cells; cell++)
                {
                    grass[cell] = model.grass.get(cell);
                }
                sim.step();
                final Herd sheepAfter = new Herd(sim.world().store(model.sheep));
                final Herd wolvesAfter = new Herd(sim.world().store(model.wolves));

                final int[] fedSheep = new int[cells];
                for (final int i : sheepAfter.energy.keySet())
                {
                    final int cell = sheepAfter.cell.get(i);
                    assertTrue(isAround(model, sheep.cell.get(i), cell), "sheep " + i + " steps to a cell around");
                    final double gained = sheepAfter.energy.get(i) - (sheep.energy.get(i) - 1);
                    assertTrue(gained == 0 || gained == SHEEP_GAIN, "sheep " + i + " gained " + gained);
                    if (gained == SHEEP_GAIN)
                    {
                        assertEquals(WolfSheepModel.GROWN, grass[cell], "a sheep eats only grown grass");
                        fedSheep[cell]++;
                    }
                }
                for (int cell = 0; cell < cells; cell++)
                {
                    final int after = model.grass.get(cell);
                    if (grass[cell] == WolfSheepModel.GROWN)
                    {
                        assertTrue(after == WolfSheepModel.GROWN || after == REGROWTH - 1, "grown stays or is eaten");
                        grassEaten += after == REGROWTH - 1 ? 1 : 0;
                        assertTrue(fedSheep[cell] <= (after == WolfSheepModel.GROWN ? 0 : 1), "one sheep per meal");
                        if (after == WolfSheepModel.GROWN)
                        {
                            assertEquals(0, sheepAfter.countOn(cell), "grown grass under a sheep is eaten");
                        }
                    }
                    else
                    {
                        assertEquals(grass[cell] == 0 ? WolfSheepModel.GROWN : grass[cell] - 1, after, "countdown");
                    }
                }

                int fedWolves = 0;
                for (final int i : wolvesAfter.energy.keySet())
                {
                    assertTrue(isAround(model, wolves.cell.get(i), wolvesAfter.cell.get(i)), "wolf " + i + " steps");
                    final double gained = wolvesAfter.energy.get(i) - (wolves.energy.get(i) - 1);
                    assertTrue(gained == 0 || gained == WOLF_GAIN, "wolf " + i + " gained " + gained);
                    fedWolves += gained == WOLF_GAIN ? 1 : 0;
                }
                for (final int i : wolves.energy.keySet())
                {
                    if (!wolvesAfter.energy.containsKey(i))
                    {
                        assertTrue(wolves.energy.get(i) < 1, "only a starving wolf dies");
                    }
                }
                int gone = 0;
                int couldStarve = 0;
                for (final int i : sheep.energy.keySet())
                {
                    if (!sheepAfter.energy.containsKey(i))
                    {
                        gone++;
                        couldStarve += sheep.energy.get(i) < 1 ? 1 : 0;
                    }
                }
                assertTrue(gone - fedWolves >= 0 && gone - fedWolves <= couldStarve,
                    "each wolf that ate took a sheep, and only starving sheep died otherwise");
                sheepEaten += fedWolves;
            }
            assertTrue(sheepEaten > 0 && grassEaten > 0, "wolves ate sheep and sheep ate grass");
        }
    }

    /**
     * With no wolves and certain birth, every sheep that lives through the step has a lamb on its cell with the
     * same energy: half of what it had.
     */
    @Test
    void shouldShareTheParentsEnergyWithItsNewborn()
    {
        try (Simulation sim = Simulation.launch(context("small", 4, 1, "wolf_share", 0.0, "sheep_reproduce", 1.0)))
        {
            final WolfSheepModel model = (WolfSheepModel)sim.model();
            sim.run(3);
            final Herd before = new Herd(sim.world().store(model.sheep));
            sim.step();
            final Herd after = new Herd(sim.world().store(model.sheep));
            final Map<String, Integer> pairs = new HashMap<>();
            for (final int i : after.energy.keySet())
            {
                pairs.merge(after.cell.get(i) + "/" + after.energy.get(i), 1, Integer::sum);
            }
            for (final Map.Entry<String, Integer> pair : pairs.entrySet())
            {
                assertEquals(0, pair.getValue() % 2, "parent and lamb share cell and energy: " + pair.getKey());
            }
            final int parents = after.energy.size() / 2;
            assertTrue(parents >= before.energy.size() - countBelowOne(before) && parents <= before.energy.size(),
                "every sheep that did not starve has a lamb: " + parents + " of " + before.energy.size());
        }
    }

    private static int countBelowOne(final Herd herd)
    {
        int count = 0;
        for (final double energy : herd.energy.values())
        {
            count += energy < 1 ? 1 : 0;
        }
        return count;
    }

    private static boolean isAround(final WolfSheepModel model, final int from, final int to)
    {
        final int[] around = new int[model.pasture.maxNeighbours(Neighbourhood.MOORE, 1)];
        final int count = model.pasture.neighbours(from, Neighbourhood.MOORE, 1, around);
        for (int k = 0; k < count; k++)
        {
            if (around[k] == to)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The live animals of one store, copied: cell and energy by index.
     */
    private static final class Herd
    {
        final Map<Integer, Integer> cell = new HashMap<>();
        final Map<Integer, Double> energy = new HashMap<>();

        Herd(final AgentStore store)
        {
            final AnimalFlyweight animal = new AnimalFlyweight().wrap(store);
            for (int i = 0; i < store.highWaterMark(); i++)
            {
                if (store.isAlive(i))
                {
                    cell.put(i, animal.cell(i));
                    energy.put(i, animal.energy(i));
                }
            }
        }

        int countOn(final int at)
        {
            int count = 0;
            for (final int c : cell.values())
            {
                count += c == at ? 1 : 0;
            }
            return count;
        }
    }
}
