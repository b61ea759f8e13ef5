package io.myriad.kernel.space.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.myriad.kernel.rng.CounterRng;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Grid2DNeighbourhoodTest
{
    private static final int[][] SIZES =
    {
        { 1, 1 }, { 2, 3 }, { 3, 2 }, { 3, 3 }, { 1, 5 }, { 5, 1 }, { 4, 4 }, { 5, 7 }, { 6, 6 }, { 7, 2 }, { 10, 10 },
        { 13, 9 },
    };

    static Stream<Arguments> cases()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final int[] size : SIZES)
        {
            for (final Topology topology : Topology.values())
            {
                for (final Neighbourhood neighbourhood : Neighbourhood.values())
                {
                    for (int radius = 1; radius <= 3; radius++)
                    {
                        cases.add(Arguments.of(size[0], size[1], topology, neighbourhood, radius));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} x {1} {2} {3} r={4}")
    @MethodSource("cases")
    void shouldListExactlyTheCellsWithinTheRadiusOnceInRowMajorOffsetOrder(
        final int width, final int height, final Topology topology, final Neighbourhood neighbourhood, final int radius)
    {
        try (Grid2D grid = new Grid2D("grid", width, height, topology))
        {
            final int max = grid.maxNeighbours(neighbourhood, radius);
            final int[] out = new int[max];
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                final int count = grid.neighbours(cell, neighbourhood, radius, out);
                final Set<Integer> listed = new HashSet<>();
                long previousOrder = Long.MIN_VALUE;
                for (int i = 0; i < count; i++)
                {
                    assertNotEquals(cell, out[i], "the centre is listed");
                    assertTrue(listed.add(out[i]), "cell " + out[i] + " listed twice around " + cell);
                    final long order = (long)offset(grid, grid.y(cell), grid.y(out[i]), height) * 1_000_000L +
                        offset(grid, grid.x(cell), grid.x(out[i]), width);
                    assertTrue(order > previousOrder, "not in row-major offset order around " + cell);
                    previousOrder = order;
                }
                assertEquals(bruteForce(grid, cell, neighbourhood, radius), new TreeSet<>(listed), "around " + cell);
                assertTrue(count <= max);
            }
        }
    }

    @ParameterizedTest(name = "{0} x {1} {2} {3} r={4}")
    @MethodSource("cases")
    void shouldChooseTheNeighbourAtTheDrawnPlaceOfTheList(
        final int width, final int height, final Topology topology, final Neighbourhood neighbourhood, final int radius)
    {
        try (Grid2D grid = new Grid2D("grid", width, height, topology))
        {
            final int[] listed = new int[grid.maxNeighbours(neighbourhood, radius)];
            final int[] scratch = new int[listed.length];
            final long key = CounterRng.key(11, 5);
            for (int cell = 0; cell < grid.cellCount(); cell++)
            {
                final int count = grid.neighbours(cell, neighbourhood, radius, listed);
                for (int draw = 0; draw < 64; draw++)
                {
                    final long bits = CounterRng.bits(key, cell, draw, 0);
                    final int expected = count == 0 ? Grid2D.NO_CELL : listed[CounterRng.toBoundedInt(bits, count)];
                    assertEquals(expected, grid.randomNeighbour(cell, neighbourhood, radius, bits, scratch),
                        "around " + cell + ", draw " + draw);
                }
            }
        }
    }

    @Test
    void shouldListAnInteriorMooreNeighbourhoodRowByRow()
    {
        try (Grid2D grid = new Grid2D("grid", 10, 10, Topology.BOUNDED))
        {
            final int[] out = new int[8];
            assertEquals(8, grid.neighbours(grid.cell(5, 5), Neighbourhood.MOORE, 1, out));
            assertArrayEquals(new int[]{ 44, 45, 46, 54, 56, 64, 65, 66 }, out);
            final int[] diamond = new int[4];
            assertEquals(4, grid.neighbours(grid.cell(5, 5), Neighbourhood.VON_NEUMANN, 1, diamond));
            assertArrayEquals(new int[]{ 45, 54, 56, 65 }, diamond);
        }
    }

    @Test
    void shouldWrapOnATorusAndClipOnABoundedGrid()
    {
        try (Grid2D torus = new Grid2D("t", 4, 3, Topology.TORUS);
            Grid2D bounded = new Grid2D("b", 4, 3, Topology.BOUNDED))
        {
            final int[] out = new int[8];
            assertEquals(8, torus.neighbours(0, Neighbourhood.MOORE, 1, out));
            // dy = -1 is row 2, dx = -1 is column 3
            assertArrayEquals(new int[]{ 11, 8, 9, 3, 1, 7, 4, 5 }, out);
            assertEquals(3, bounded.neighbours(0, Neighbourhood.MOORE, 1, out));
            assertArrayEquals(new int[]{ 1, 4, 5 }, java.util.Arrays.copyOf(out, 3));
        }
    }

    @Test
    void shouldSizeArraysForTheGrid()
    {
        try (Grid2D big = new Grid2D("big", 100, 100, Topology.TORUS);
            Grid2D tiny = new Grid2D("tiny", 2, 3, Topology.TORUS))
        {
            assertEquals(8, big.maxNeighbours(Neighbourhood.MOORE, 1));
            assertEquals(48, big.maxNeighbours(Neighbourhood.MOORE, 3));
            assertEquals(4, big.maxNeighbours(Neighbourhood.VON_NEUMANN, 1));
            assertEquals(24, big.maxNeighbours(Neighbourhood.VON_NEUMANN, 3));
            assertEquals(5, tiny.maxNeighbours(Neighbourhood.MOORE, 3));
            assertThrows(IllegalArgumentException.class, () -> big.maxNeighbours(Neighbourhood.MOORE, 0));
            assertThrows(IllegalArgumentException.class, () -> big.neighbours(0, Neighbourhood.MOORE, 0, new int[8]));
            assertThrows(IndexOutOfBoundsException.class, () -> big.neighbours(10_000, Neighbourhood.MOORE, 1,
                new int[8]));
        }
    }

    @Test
    void shouldConvertBetweenCellsAndCoordinatesAndOffsetThem()
    {
        try (Grid2D torus = new Grid2D("t", 7, 5, Topology.TORUS);
            Grid2D bounded = new Grid2D("b", 7, 5, Topology.BOUNDED))
        {
            for (int cell = 0; cell < torus.cellCount(); cell++)
            {
                assertEquals(cell, torus.cell(torus.x(cell), torus.y(cell)));
            }
            assertEquals(torus.cell(6, 4), torus.offset(torus.cell(0, 0), -1, -1));
            assertEquals(torus.cell(2, 1), torus.offset(torus.cell(0, 0), 7 * 3 + 2, -5 * 2 + 1));
            assertEquals(Grid2D.NO_CELL, bounded.offset(bounded.cell(0, 0), -1, 0));
            assertEquals(Grid2D.NO_CELL, bounded.offset(bounded.cell(6, 4), 0, 1));
            assertEquals(bounded.cell(3, 2), bounded.offset(bounded.cell(1, 4), 2, -2));
            assertThrows(IndexOutOfBoundsException.class, () -> bounded.cell(7, 0));
            assertTrue(bounded.contains(6, 4));
        }
    }

    @Test
    void shouldRefuseGridsOfNoCellsOrTooMany()
    {
        assertThrows(IllegalArgumentException.class, () -> new Grid2D("g", 0, 5, Topology.BOUNDED));
        assertThrows(IllegalArgumentException.class, () -> new Grid2D("g", 5, -1, Topology.TORUS));
        assertThrows(IllegalArgumentException.class, () -> new Grid2D("g", 1 << 14, 1 << 14, Topology.TORUS));
        assertThrows(IllegalArgumentException.class, () -> new Grid2D("g", 5, 5, null));
    }

    @Test
    void shouldChooseEveryNeighbourAndTheSameOneForTheSameBits()
    {
        try (Grid2D grid = new Grid2D("g", 9, 9, Topology.BOUNDED))
        {
            final int[] scratch = new int[grid.maxNeighbours(Neighbourhood.VON_NEUMANN, 2)];
            final int centre = grid.cell(0, 4);
            final int[] expected = new int[scratch.length];
            final int count = grid.neighbours(centre, Neighbourhood.VON_NEUMANN, 2, expected);
            final Set<Integer> seen = new HashSet<>();
            final long key = CounterRng.key(7, 3);
            for (int draw = 0; draw < 2000; draw++)
            {
                final long bits = CounterRng.bits(key, draw);
                final int chosen = grid.randomNeighbour(centre, Neighbourhood.VON_NEUMANN, 2, bits, scratch);
                assertEquals(chosen, grid.randomNeighbour(centre, Neighbourhood.VON_NEUMANN, 2, bits, scratch));
                seen.add(chosen);
            }
            final Set<Integer> all = new HashSet<>();
            for (int i = 0; i < count; i++)
            {
                all.add(expected[i]);
            }
            assertEquals(all, seen);
        }
        try (Grid2D single = new Grid2D("one", 1, 1, Topology.TORUS))
        {
            assertEquals(Grid2D.NO_CELL, single.randomNeighbour(0, Neighbourhood.MOORE, 1, 42L, new int[0]));
        }
    }

    /**
     * @return the nearest-image offset from {@code from} to {@code to} along a side of {@code n} cells, in
     *         {@code [-((n - 1) / 2), n / 2]} on a torus.
     */
    private static int offset(final Grid2D grid, final int from, final int to, final int n)
    {
        if (grid.topology() == Topology.BOUNDED)
        {
            return to - from;
        }
        final int d = Math.floorMod(to - from, n);
        return d > n / 2 ? d - n : d;
    }

    private static TreeSet<Integer> bruteForce(
        final Grid2D grid, final int cell, final Neighbourhood neighbourhood, final int radius)
    {
        final TreeSet<Integer> expected = new TreeSet<>();
        final boolean torus = grid.topology() == Topology.TORUS;
        for (int other = 0; other < grid.cellCount(); other++)
        {
            int ax = Math.abs(grid.x(other) - grid.x(cell));
            int ay = Math.abs(grid.y(other) - grid.y(cell));
            if (torus)
            {
                ax = Math.min(ax, grid.width() - ax);
                ay = Math.min(ay, grid.height() - ay);
            }
            final boolean within = neighbourhood == Neighbourhood.MOORE ? Math.max(ax, ay) <= radius :
                ax + ay <= radius;
            if (other != cell && within)
            {
                expected.add(other);
            }
        }
        return expected;
    }
}
