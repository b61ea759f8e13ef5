package io.myriad.kernel.space.grid;

import java.util.HashSet;
import java.util.Set;

import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.rng.RngStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleOccupancyRandomCellTest
{
    @Test
    void shouldChooseOnlyEmptyCellsAndEveryOneOfThemAboutEquallyOften()
    {
        try (Grid2D grid = new Grid2D("g", 30, 20, Topology.TORUS))
        {
            final SingleOccupancy occupancy = grid.singleOccupancy("households");
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                if (cell % 3 != 0 || cell > 500)
                {
                    occupancy.tryPlace(cell, cell);
                }
            }
            final int empty = occupancy.emptyCount();
            assertEquals(167, empty);
            final int[] hits = new int[grid.cellCount()];
            final int draws = empty * 600;
            final long key = CounterRng.key(11, 2);
            for (int draw = 0; draw < draws; draw++)
            {
                final int cell = occupancy.randomEmptyCell(CounterRng.bits(key, draw));
                assertTrue(occupancy.isEmpty(cell), "cell " + cell + " is taken");
                hits[cell]++;
            }
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                if (occupancy.isEmpty(cell))
                {
                    // 600 expected, standard deviation about 24.4
                    assertTrue(hits[cell] > 480 && hits[cell] < 720, "cell " + cell + " hit " + hits[cell]);
                }
            }
        }
    }

    @Test
    void shouldGiveTheSameCellForTheSameDrawsWhateverTheHistory()
    {
        try (Grid2D a = new Grid2D("a", 17, 9, Topology.BOUNDED);
            Grid2D b = new Grid2D("b", 17, 9, Topology.BOUNDED))
        {
            final SingleOccupancy first = a.singleOccupancy("x");
            final SingleOccupancy second = b.singleOccupancy("x");
            for (int cell = 0; cell < a.cellCount(); cell += 2)
            {
                first.tryPlace(cell, cell);
            }
            // the same occupied cells reached another way: fill everything, then empty the odd cells backwards
            for (int cell = 0; cell < b.cellCount(); cell++)
            {
                second.tryPlace(1000 + cell, cell);
            }
            for (int cell = b.cellCount() - 1; cell >= 0; cell--)
            {
                if (cell % 2 == 1)
                {
                    second.vacate(cell);
                }
            }
            final RngStream one = new RngStream(42, 1);
            final RngStream two = new RngStream(42, 1);
            for (int draw = 0; draw < 1000; draw++)
            {
                assertEquals(first.randomEmptyCell(one), second.randomEmptyCell(two));
            }
        }
    }

    @Test
    void shouldAnswerEmptyWhenTheGridIsFullAndStillTakeOneDraw()
    {
        try (Grid2D grid = new Grid2D("g", 3, 3, Topology.TORUS))
        {
            final SingleOccupancy occupancy = grid.singleOccupancy("x");
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                occupancy.tryPlace(cell, cell);
            }
            assertEquals(SingleOccupancy.EMPTY, occupancy.randomEmptyCell(123L));
            final RngStream rng = new RngStream(1, 1);
            assertEquals(SingleOccupancy.EMPTY, occupancy.randomEmptyCell(rng));
            assertEquals(1, rng.counter());
            occupancy.vacate(4);
            for (long bits = -50; bits < 50; bits++)
            {
                assertEquals(4, occupancy.randomEmptyCell(bits * 0x9E3779B97F4A7C15L));
            }
        }
    }

    @Test
    void shouldChooseAmongEmptyNeighboursOnly()
    {
        try (Grid2D grid = new Grid2D("g", 5, 5, Topology.TORUS))
        {
            final SingleOccupancy occupancy = grid.singleOccupancy("x");
            final int centre = grid.cell(0, 0);
            final int[] scratch = new int[grid.maxNeighbours(Neighbourhood.MOORE, 1)];
            occupancy.tryPlace(1, grid.cell(1, 0));
            occupancy.tryPlace(2, grid.cell(4, 4));
            occupancy.tryPlace(3, grid.cell(2, 2));
            final Set<Integer> seen = new HashSet<>();
            for (int draw = 0; draw < 1000; draw++)
            {
                final long bits = CounterRng.bits(CounterRng.key(3, 3), 0, centre, draw);
                final int cell = occupancy.randomEmptyNeighbour(centre, Neighbourhood.MOORE, 1, bits, scratch);
                assertTrue(occupancy.isEmpty(cell));
                seen.add(cell);
            }
            assertEquals(Set.of(grid.cell(4, 0), grid.cell(0, 4), grid.cell(1, 4), grid.cell(4, 1), grid.cell(0, 1),
                grid.cell(1, 1)), seen);
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                occupancy.tryPlace(100 + cell, cell);
            }
            assertEquals(SingleOccupancy.EMPTY,
                occupancy.randomEmptyNeighbour(centre, Neighbourhood.MOORE, 1, 77L, scratch));
        }
    }
}
