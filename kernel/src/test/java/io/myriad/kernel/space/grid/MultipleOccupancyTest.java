package io.myriad.kernel.space.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.AosLayout;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Layout;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipleOccupancyTest
{
    private static final Schema SHEEP = Schema.builder("sheep")
        .field("energy", FieldType.DOUBLE)
        .field("cell", FieldType.INT)
        .build();

    @Test
    void shouldIndexAgentsByCellInIndexOrderAgainstBruteForce()
    {
        try (Grid2D grid = new Grid2D("g", 9, 7, Topology.TORUS))
        {
            final MultipleOccupancy sheep = grid.multipleOccupancy("sheep", 500);
            final Random random = new Random(3);
            for (int step = 0; step < 5; step++)
            {
                final int agentCount = step == 0 ? 0 : random.nextInt(501);
                final int[] cells = new int[agentCount];
                for (int agent = 0; agent < agentCount; agent++)
                {
                    // some agents off the grid; some cells crowded, others empty
                    cells[agent] = random.nextInt(10) == 0 ? -1 : random.nextInt(step + 1) * random.nextInt(13);
                    sheep.assign(agent, cells[agent]);
                }
                sheep.rebuild(agentCount);
                check(grid, sheep, cells);
            }
        }
    }

    @Test
    void shouldRebuildFromTheLiveAgentsOfAStoreOfAnyLayout()
    {
        for (final Layout layout : new Layout[]{ SoaLayout.INSTANCE, AosLayout.INSTANCE })
        {
            try (Grid2D grid = new Grid2D("g", 4, 4, Topology.BOUNDED);
                AgentStore store = new AgentStore(SHEEP, layout, 100))
            {
                final MultipleOccupancy sheep = grid.multipleOccupancy("sheep", 100);
                store.spawn(60);
                final int field = SHEEP.fieldIndex("cell");
                final int slot = store.currentSlot(field);
                final int[] cells = new int[60];
                for (int agent = 0; agent < 60; agent++)
                {
                    cells[agent] = (agent * 7) % 16;
                    store.buffer(slot).putInt(store.offset(slot, agent), cells[agent]);
                }
                for (int agent = 0; agent < 60; agent += 9)
                {
                    store.despawn(agent);
                    cells[agent] = -1;
                }
                sheep.rebuild(store, field);
                check(grid, sheep, cells);

                assertThrows(IllegalArgumentException.class, () -> sheep.rebuild(store, SHEEP.fieldIndex("energy")));
                final MultipleOccupancy small = grid.multipleOccupancy("lambs", 10);
                assertThrows(IllegalArgumentException.class, () -> small.rebuild(store, field));
            }
        }
    }

    @Test
    void shouldIndexAStoreWithDeathsAndBirthsAgainstBruteForce()
    {
        try (Grid2D grid = new Grid2D("g", 11, 6, Topology.TORUS);
            AgentStore store = new AgentStore(SHEEP, SoaLayout.INSTANCE, 700))
        {
            final MultipleOccupancy sheep = grid.multipleOccupancy("sheep", 700);
            final int field = SHEEP.fieldIndex("cell");
            final Random random = new Random(5);
            for (int round = 0; round < 40; round++)
            {
                for (int change = random.nextInt(300); change > 0; change--)
                {
                    final int agent = random.nextInt(700);
                    if (store.isAlive(agent))
                    {
                        store.despawn(agent);
                    }
                    else if (store.liveCount() < 700)
                    {
                        final int born = store.spawn();
                        final int slot = store.currentSlot(field);
                        // most on the grid, crowded into a few cells in some rounds; a few left off it
                        final int cell = random.nextInt(12) == 0 ? -1 - random.nextInt(3) :
                            random.nextInt(round % 3 == 0 ? 4 : grid.cellCount());
                        store.buffer(slot).putInt(store.offset(slot, born), cell);
                    }
                }
                final int[] cells = new int[store.highWaterMark()];
                final int slot = store.currentSlot(field);
                for (int agent = 0; agent < cells.length; agent++)
                {
                    cells[agent] = store.isAlive(agent) ? store.buffer(slot).getInt(store.offset(slot, agent)) : -1;
                }
                sheep.rebuild(store, field);
                check(grid, sheep, cells);
            }
        }
    }

    @Test
    void shouldRefuseACellOutsideTheGridNamingTheAgent()
    {
        try (Grid2D grid = new Grid2D("g", 4, 4, Topology.BOUNDED))
        {
            final MultipleOccupancy sheep = grid.multipleOccupancy("sheep", 10);
            sheep.assign(0, 3);
            sheep.assign(1, 16);
            final IllegalStateException e = assertThrows(IllegalStateException.class, () -> sheep.rebuild(2));
            assertTrue(e.getMessage().contains("agent 1 of sheep is in cell 16"), e.getMessage());
            assertEquals(0, sheep.size());
            assertEquals(0, sheep.count(3));
            assertThrows(IllegalArgumentException.class, () -> sheep.rebuild(11));
            assertThrows(IllegalArgumentException.class, () -> grid.multipleOccupancy("wolves", 0));
        }
    }

    private static void check(final Grid2D grid, final MultipleOccupancy occupancy, final int[] cells)
    {
        int total = 0;
        for (int cell = 0; cell < grid.cellCount(); cell++)
        {
            final List<Integer> expected = new ArrayList<>();
            for (int agent = 0; agent < cells.length; agent++)
            {
                if (cells[agent] == cell)
                {
                    expected.add(agent);
                }
            }
            final List<Integer> actual = new ArrayList<>();
            for (int rank = occupancy.start(cell); rank < occupancy.end(cell); rank++)
            {
                actual.add(occupancy.agentAt(rank));
            }
            assertEquals(expected, actual, "cell " + cell);
            assertEquals(expected.size(), occupancy.count(cell));
            assertEquals(total, occupancy.start(cell), "cells are in cell order");
            total += expected.size();
        }
        assertEquals(total, occupancy.size());
    }
}
