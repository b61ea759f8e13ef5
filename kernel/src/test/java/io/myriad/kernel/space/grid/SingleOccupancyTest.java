package io.myriad.kernel.space.grid;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleOccupancyTest
{
    @Test
    void shouldPlaceAtMostOneAgentPerCell()
    {
        try (Grid2D grid = new Grid2D("g", 5, 5, Topology.BOUNDED))
        {
            final SingleOccupancy households = grid.singleOccupancy("households");
            assertEquals(25, households.emptyCount());
            assertTrue(households.tryPlace(7, 12));
            assertFalse(households.tryPlace(8, 12), "the first claim wins");
            assertFalse(households.tryPlace(7, 12));
            assertEquals(7, households.occupant(12));
            assertEquals(SingleOccupancy.EMPTY, households.occupant(13));
            assertFalse(households.isEmpty(12));
            assertEquals(24, households.emptyCount());
            assertEquals(1, households.occupiedCount());
            assertTrue(households.tryPlace(0, 0), "agent 0 is an agent");
            assertThrows(IllegalArgumentException.class, () -> households.tryPlace(-1, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> households.tryPlace(3, 25));
        }
    }

    @Test
    void shouldVacateAndMove()
    {
        try (Grid2D grid = new Grid2D("g", 5, 5, Topology.TORUS))
        {
            final SingleOccupancy households = grid.singleOccupancy("households");
            households.tryPlace(1, 3);
            households.tryPlace(2, 4);
            assertFalse(households.move(3, 4), "the destination is taken");
            assertEquals(1, households.occupant(3));
            assertTrue(households.move(3, 3));
            assertTrue(households.move(3, 10));
            assertEquals(SingleOccupancy.EMPTY, households.occupant(3));
            assertEquals(1, households.occupant(10));
            assertEquals(23, households.emptyCount());
            assertThrows(IllegalArgumentException.class, () -> households.move(3, 11));

            assertEquals(2, households.vacate(4));
            assertEquals(SingleOccupancy.EMPTY, households.vacate(4));
            assertEquals(24, households.emptyCount());
            households.clear();
            assertEquals(25, households.emptyCount());
            assertTrue(households.isEmpty(10));
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({ "1, 1", "8, 8", "13, 11", "200, 3", "64, 3", "1, 129" })
    void shouldKeepItsIndexOfEmptyCellsInStepWithTheOccupantsAgainstBruteForce(final int width, final int height)
    {
        try (Grid2D grid = new Grid2D("g", width, height, Topology.TORUS))
        {
            final SingleOccupancy occupancy = grid.singleOccupancy("agents");
            final int cells = grid.cellCount();
            final int[] expected = new int[cells];
            Arrays.fill(expected, SingleOccupancy.EMPTY);
            final Random random = new Random(cells * 31L + width);
            for (int op = 0; op < 20 * cells + 100; op++)
            {
                final int cell = random.nextInt(cells);
                switch (random.nextInt(3))
                {
                    case 0:
                        final int agent = random.nextInt(1000);
                        assertEquals(expected[cell] == SingleOccupancy.EMPTY, occupancy.tryPlace(agent, cell));
                        if (expected[cell] == SingleOccupancy.EMPTY)
                        {
                            expected[cell] = agent;
                        }
                        break;
                    case 1:
                        assertEquals(expected[cell], occupancy.vacate(cell));
                        expected[cell] = SingleOccupancy.EMPTY;
                        break;
                    default:
                        final int to = random.nextInt(cells);
                        if (expected[cell] != SingleOccupancy.EMPTY)
                        {
                            final boolean moves = cell == to || expected[to] == SingleOccupancy.EMPTY;
                            assertEquals(moves, occupancy.move(cell, to));
                            if (moves && cell != to)
                            {
                                expected[to] = expected[cell];
                                expected[cell] = SingleOccupancy.EMPTY;
                            }
                        }
                        break;
                }
                if (op % 7 == 0)
                {
                    check(occupancy, expected);
                }
            }
            check(occupancy, expected);
        }
    }

    @Test
    void shouldFindTheBitOfEveryRankInAWord()
    {
        final Random random = new Random(5);
        for (int trial = 0; trial < 2000; trial++)
        {
            final long bits = trial == 0 ? -1L : trial == 1 ? Long.MIN_VALUE : random.nextLong() & random.nextLong();
            int rank = 0;
            for (int bit = 0; bit < 64; bit++)
            {
                if ((bits & (1L << bit)) != 0)
                {
                    assertEquals(bit, EmptyCellIndex.selectBit(bits, rank++));
                }
            }
        }
    }

    private static void check(final SingleOccupancy occupancy, final int[] expected)
    {
        int rank = 0;
        for (int cell = 0; cell < expected.length; cell++)
        {
            assertEquals(expected[cell], occupancy.occupant(cell));
            if (expected[cell] == SingleOccupancy.EMPTY)
            {
                assertEquals(cell, occupancy.emptyCell(rank++), "empty cell of rank " + (rank - 1));
            }
        }
        assertEquals(rank, occupancy.emptyCount());
        assertEquals(expected.length - rank, occupancy.occupiedCount());
        final int count = rank;
        assertThrows(IndexOutOfBoundsException.class, () -> occupancy.emptyCell(count));
    }
}
