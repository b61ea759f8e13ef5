package io.myriad.kernel.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpatialHashGridTest
{
    /**
     * Worlds as (width, height, periodic, min cell size, query radius, agents): cells smaller than, equal to and
     * larger than the radius; square and not; sizes the cell divides and does not; tiny worlds where the radius
     * is exactly half a side, where one cell spans a whole side, and where the radius reaches past a bounded side.
     */
    static Stream<Arguments> worlds()
    {
        final List<Arguments> worlds = new ArrayList<>();
        for (final boolean periodic : new boolean[]{ true, false })
        {
            worlds.add(Arguments.of(100.0, 100.0, periodic, 10.0, 10.0, 2000));
            worlds.add(Arguments.of(100.0, 100.0, periodic, 4.0, 11.5, 2000));
            worlds.add(Arguments.of(100.0, 100.0, periodic, 25.0, 7.0, 2000));
            worlds.add(Arguments.of(120.0, 45.0, periodic, 10.0, 9.5, 1500));
            worlds.add(Arguments.of(100.0, 70.0, periodic, 9.0, 9.0, 1500));
            worlds.add(Arguments.of(37.5, 211.0, periodic, 3.3, 6.1, 1500));
            worlds.add(Arguments.of(4.0, 4.0, periodic, 1.0, 2.0, 60));
            worlds.add(Arguments.of(4.0, 4.0, periodic, 4.0, 2.0, 60));
            worlds.add(Arguments.of(3.0, 5.0, periodic, 1.0, 1.5, 60));
            worlds.add(Arguments.of(2.0, 2.0, periodic, 0.5, 1.0, 40));
            worlds.add(Arguments.of(1.0, 1.0, periodic, 0.3, 0.5, 40));
            worlds.add(Arguments.of(10.0, 6.0, periodic, 7.0, 3.0, 100));
        }
        worlds.add(Arguments.of(4.0, 4.0, false, 1.0, 3.0, 60));
        worlds.add(Arguments.of(50.0, 20.0, false, 5.0, 70.0, 300));
        return worlds.stream();
    }

    @ParameterizedTest(name = "{0} x {1} periodic={2} cell={3} radius={4}")
    @MethodSource("worlds")
    void shouldFindExactlyTheAgentsWithinTheRadius(
        final double width,
        final double height,
        final boolean periodic,
        final double cellSize,
        final double radius,
        final int agentCount)
    {
        final ContinuousSpace2D space = new ContinuousSpace2D(width, height, periodic);
        final Random random = new Random(Double.hashCode(width * 31 + height) * 17L + agentCount + (periodic ? 1 : 0));
        final double[] xs = new double[agentCount];
        final double[] ys = new double[agentCount];
        final boolean tiny = width <= 10.0 && height <= 10.0;
        for (int i = 0; i < agentCount; i++)
        {
            if (tiny && i % 2 == 0)
            {
                // lattice points: many pairs at exactly the radius, and distances by wrapping that are exact
                xs[i] = random.nextInt((int)Math.ceil(width * 2)) * 0.5 % width;
                ys[i] = random.nextInt((int)Math.ceil(height * 2)) * 0.5 % height;
            }
            else
            {
                xs[i] = random.nextDouble() * width;
                ys[i] = random.nextDouble() * height;
            }
        }
        placeOnEdges(xs, ys, width, height);

        final SpatialHashGrid grid = new SpatialHashGrid(space, cellSize, agentCount);
        final boolean[] indexed = new boolean[agentCount];
        for (int i = 0; i < agentCount; i++)
        {
            indexed[i] = i % 11 != 5;
            grid.key(i, indexed[i] ? grid.cellOf(xs[i], ys[i]) : -1);
        }
        grid.sort(agentCount);
        fillPositions(grid, xs, ys);

        final NeighbourRanges scratch = new NeighbourRanges();
        final int[] found = new int[agentCount];
        int checked = 0;
        int nonEmpty = 0;
        for (int q = 0; q < agentCount + 200; q++)
        {
            final double qx;
            final double qy;
            if (q < agentCount)
            {
                qx = xs[q];
                qy = ys[q];
            }
            else
            {
                qx = random.nextDouble() * width;
                qy = random.nextDouble() * height;
            }
            final int count = grid.neighbours(qx, qy, radius, scratch, found);
            final int[] actual = Arrays.copyOf(found, count);
            Arrays.sort(actual);
            final int[] expected = bruteForce(space, xs, ys, indexed, qx, qy, radius);
            assertArrayEquals(expected, actual, () -> "neighbours of (" + qx + ", " + qy + ") in " + space);
            checked++;
            if (count > 1)
            {
                nonEmpty++;
            }
        }
        assertEquals(agentCount + 200, checked);
        assertTrue(nonEmpty > agentCount / 4, "the worlds must be crowded enough to test something: " + nonEmpty);
    }

    @ParameterizedTest(name = "{0} x {1} periodic={2} cell={3} radius={4}")
    @MethodSource("worlds")
    void shouldHoldEveryNeighbourOfTheCellsAgentsInItsBlock(
        final double width,
        final double height,
        final boolean periodic,
        final double cellSize,
        final double radius,
        final int agentCount)
    {
        final ContinuousSpace2D space = new ContinuousSpace2D(width, height, periodic);
        final SpatialHashGrid grid = new SpatialHashGrid(space, cellSize, agentCount);
        final int reach = grid.cellReach(radius);

        final Random random = new Random(agentCount * 31L + (periodic ? 7 : 3));
        final double[] xs = new double[agentCount];
        final double[] ys = new double[agentCount];
        final boolean[] indexed = new boolean[agentCount];
        for (int i = 0; i < agentCount; i++)
        {
            xs[i] = random.nextDouble() * width;
            ys[i] = random.nextDouble() * height;
            indexed[i] = true;
        }
        placeOnEdges(xs, ys, width, height);
        for (int i = 0; i < agentCount; i++)
        {
            grid.key(i, grid.cellOf(xs[i], ys[i]));
        }
        grid.sort(agentCount);
        fillPositions(grid, xs, ys);

        final NeighbourRanges block = new NeighbourRanges();
        final double r2 = radius * radius;
        for (int q = 0; q < agentCount; q++)
        {
            grid.blockRanges(grid.cellOf(xs[q], ys[q]), reach, block);
            final List<Integer> found = new ArrayList<>();
            for (int r = 0; r < block.count(); r++)
            {
                for (int rank = block.start(r); rank < block.end(r); rank++)
                {
                    final double dx = grid.xs()[rank] + block.shiftX(r) - xs[q];
                    final double dy = grid.ys()[rank] + block.shiftY(r) - ys[q];
                    if (dx * dx + dy * dy < r2)
                    {
                        found.add(grid.agentAt(rank));
                    }
                }
            }
            final int[] actual = found.stream().mapToInt(Integer::intValue).sorted().toArray();
            final int[] expected = bruteForce(space, xs, ys, indexed, xs[q], ys[q], radius);
            final int agent = q;
            assertArrayEquals(expected, actual, () -> "block of the cell of agent " + agent + " in " + space);
        }
    }

    @Test
    void shouldListAnAgentAtEachImageWhenABlockWrapsOntoItself()
    {
        // 2 x 2 cells of side 5: the 3 x 3 block around cell (0, 0) takes rows and columns 1, 0, 1, the first of
        // each shifted back by a side, so an agent in cell (1, 1) is listed at four images
        final SpatialHashGrid grid = new SpatialHashGrid(new ContinuousSpace2D(10.0, 10.0, true), 5.0, 1);
        grid.key(0, grid.cellOf(6.0, 6.0));
        grid.sort(1);
        grid.position(0, 6.0, 6.0);
        final NeighbourRanges block = new NeighbourRanges();
        grid.blockRanges(grid.cellOf(1.0, 1.0), 1, block);
        final List<String> images = new ArrayList<>();
        for (int r = 0; r < block.count(); r++)
        {
            for (int rank = block.start(r); rank < block.end(r); rank++)
            {
                images.add((grid.xs()[rank] + block.shiftX(r)) + "," + (grid.ys()[rank] + block.shiftY(r)));
            }
        }
        images.sort(null);
        assertEquals(List.of("-4.0,-4.0", "-4.0,6.0", "6.0,-4.0", "6.0,6.0"), images);
    }

    @Test
    void shouldFindNeighboursAcrossEveryPeriodicEdgeAndCorner()
    {
        final ContinuousSpace2D space = new ContinuousSpace2D(100.0, 50.0, true);
        final double[] xs = { 0.0, Math.nextDown(100.0), 0.5, 99.0, 50.0, 0.0, Math.nextDown(100.0) };
        final double[] ys = { 0.0, Math.nextDown(50.0), 49.5, 0.25, 25.0, 49.0, 0.0 };
        final boolean[] indexed = new boolean[xs.length];
        Arrays.fill(indexed, true);
        final SpatialHashGrid grid = new SpatialHashGrid(space, 10.0, xs.length);
        for (int i = 0; i < xs.length; i++)
        {
            grid.key(i, grid.cellOf(xs[i], ys[i]));
        }
        grid.sort(xs.length);
        fillPositions(grid, xs, ys);

        final int[] found = new int[xs.length];
        final NeighbourRanges scratch = new NeighbourRanges();
        final int count = grid.neighbours(0.0, 0.0, 3.0, scratch, found);
        final int[] actual = Arrays.copyOf(found, count);
        Arrays.sort(actual);
        assertArrayEquals(new int[]{ 0, 1, 2, 3, 5, 6 }, actual);
        assertArrayEquals(bruteForce(space, xs, ys, indexed, 0.0, 0.0, 3.0), actual);
    }

    @Test
    void shouldFindEveryAgentOnceWhenTheRadiusIsHalfOfAOneCellTorus()
    {
        final ContinuousSpace2D space = new ContinuousSpace2D(10.0, 10.0, true);
        final SpatialHashGrid grid = new SpatialHashGrid(space, 10.0, 4);
        assertEquals(1, grid.cellsX());
        assertEquals(1, grid.cellsY());
        final double[] xs = { 5.0, 0.1, 9.9, 0.0 };
        final double[] ys = { 5.0, 5.0, 5.0, 5.0 };
        for (int i = 0; i < xs.length; i++)
        {
            grid.key(i, grid.cellOf(xs[i], ys[i]));
        }
        grid.sort(xs.length);
        fillPositions(grid, xs, ys);

        final int[] found = new int[8];
        final int count = grid.neighbours(5.0, 5.0, 5.0, new NeighbourRanges(), found);
        final int[] actual = Arrays.copyOf(found, count);
        Arrays.sort(actual);
        // 0.0 is exactly 5 away both ways round, so it is out; the others are each found once
        assertArrayEquals(new int[]{ 0, 1, 2 }, actual);
    }

    @Test
    void shouldSortStablyByCellAndLeaveOutNegativeKeys()
    {
        final ContinuousSpace2D space = new ContinuousSpace2D(60.0, 40.0, true);
        final SpatialHashGrid grid = new SpatialHashGrid(space, 10.0, 5000);
        final int cells = grid.cellsX() * grid.cellsY();
        assertEquals(24, cells);
        final Random random = new Random(7);
        for (int round = 0; round < 3; round++)
        {
            final int agentCount = 5000 - round * 1000;
            final int[] keys = new int[agentCount];
            int expectedSize = 0;
            for (int i = 0; i < agentCount; i++)
            {
                keys[i] = random.nextInt(cells + 3) - 3 < 0 ? -1 : random.nextInt(cells);
                grid.key(i, keys[i]);
                if (keys[i] >= 0)
                {
                    expectedSize++;
                }
            }
            // keys above agentCount are stale from the last round and must be ignored
            grid.sort(agentCount);
            assertEquals(expectedSize, grid.size());

            int rank = 0;
            for (int cell = 0; cell < cells; cell++)
            {
                assertEquals(rank, grid.cellStart(cell), "start of cell " + cell);
                for (int i = 0; i < agentCount; i++)
                {
                    if (keys[i] == cell)
                    {
                        assertEquals(i, grid.agentAt(rank), "rank " + rank + " of cell " + cell);
                        rank++;
                    }
                }
                assertEquals(rank, grid.cellEnd(cell), "end of cell " + cell);
            }
            assertEquals(expectedSize, rank);
        }
    }

    @Test
    void shouldSortNothingWhenEveryKeyIsNegative()
    {
        final SpatialHashGrid grid = new SpatialHashGrid(new ContinuousSpace2D(10.0, 10.0, false), 2.0, 10);
        for (int i = 0; i < 10; i++)
        {
            grid.key(i, -1);
        }
        grid.sort(10);
        assertEquals(0, grid.size());
        assertEquals(0, grid.neighbours(5.0, 5.0, 4.0, new NeighbourRanges(), new int[10]));
    }

    @Test
    void shouldRejectARadiusBeyondHalfOfAPeriodicSide()
    {
        final SpatialHashGrid grid = new SpatialHashGrid(new ContinuousSpace2D(100.0, 40.0, true), 5.0, 1);
        grid.key(0, 0);
        grid.sort(1);
        final NeighbourRanges scratch = new NeighbourRanges();
        final int[] out = new int[1];

        assertDoesNotThrow(() -> grid.neighbours(50.0, 20.0, 20.0, scratch, out));
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> grid.neighbours(50.0, 20.0, Math.nextUp(20.0), scratch, out));
        assertTrue(ex.getMessage().contains("radius"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> grid.ranges(1.0, 1.0, 30.0, scratch));

        final SpatialHashGrid tall = new SpatialHashGrid(new ContinuousSpace2D(100.0, 400.0, true), 5.0, 1);
        assertDoesNotThrow(() -> tall.ranges(50.0, 20.0, 50.0, scratch));
        assertThrows(IllegalArgumentException.class, () -> tall.ranges(50.0, 20.0, Math.nextUp(50.0), scratch));
    }

    @Test
    void shouldAcceptAnyRadiusInABoundedSpace()
    {
        final SpatialHashGrid grid = new SpatialHashGrid(new ContinuousSpace2D(10.0, 10.0, false), 1.0, 3);
        grid.key(0, grid.cellOf(0.0, 0.0));
        grid.key(1, grid.cellOf(9.5, 9.5));
        grid.key(2, grid.cellOf(9.5, 0.5));
        grid.sort(3);
        fillPositions(grid, new double[]{ 0.0, 9.5, 9.5 }, new double[]{ 0.0, 9.5, 0.5 });
        assertEquals(3, grid.neighbours(0.0, 0.0, 100.0, new NeighbourRanges(), new int[3]));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY })
    void shouldRejectACellSizeThatIsNotPositiveAndFinite(final double cellSize)
    {
        final ContinuousSpace2D space = new ContinuousSpace2D(10.0, 10.0, true);
        assertThrows(IllegalArgumentException.class, () -> new SpatialHashGrid(space, cellSize, 1));
    }

    @Test
    void shouldMakeCellsAtLeastTheRequestedSize()
    {
        final double[][] cases = { { 100.0, 70.0, 9.0 }, { 10.0, 10.0, 3.0 }, { 5.0, 3.0, 7.0 }, { 1.0, 2.0, 0.3 } };
        for (final double[] c : cases)
        {
            final SpatialHashGrid grid = new SpatialHashGrid(new ContinuousSpace2D(c[0], c[1], true), c[2], 1);
            assertTrue(grid.cellWidth() >= c[2] || grid.cellsX() == 1, "cell width for " + Arrays.toString(c));
            assertTrue(grid.cellHeight() >= c[2] || grid.cellsY() == 1, "cell height for " + Arrays.toString(c));
            assertEquals(c[0], grid.cellWidth() * grid.cellsX(), 1e-9);
            assertEquals(c[1], grid.cellHeight() * grid.cellsY(), 1e-9);
        }
    }

    @Test
    void shouldUseFewerLargerCellsWhenTheRequestedSizeWouldNeedTooMany()
    {
        final int maxCells = 1000;
        final double radius = 1.0;
        final ContinuousSpace2D space = new ContinuousSpace2D(1000.0, 400.0, true);
        final SpatialHashGrid grid = new SpatialHashGrid(space, radius, 3000, maxCells);
        assertTrue((long)grid.cellsX() * grid.cellsY() <= maxCells, grid.cellsX() + " x " + grid.cellsY());
        assertTrue((long)grid.cellsX() * grid.cellsY() > maxCells / 2, grid.cellsX() + " x " + grid.cellsY());
        assertTrue(grid.cellWidth() >= radius && grid.cellHeight() >= radius);
        assertEquals(1000.0, grid.cellWidth() * grid.cellsX(), 1e-9);
        assertEquals(400.0, grid.cellHeight() * grid.cellsY(), 1e-9);

        final Random random = new Random(7);
        final int agentCount = 3000;
        final double[] xs = new double[agentCount];
        final double[] ys = new double[agentCount];
        final boolean[] indexed = new boolean[agentCount];
        for (int i = 0; i < agentCount; i++)
        {
            // clustered, so that queries of this small radius find neighbours
            xs[i] = (random.nextInt(40) * 25.0 + random.nextDouble() * 3.0) % 1000.0;
            ys[i] = (random.nextInt(16) * 25.0 + random.nextDouble() * 3.0) % 400.0;
            indexed[i] = true;
            grid.key(i, grid.cellOf(xs[i], ys[i]));
        }
        grid.sort(agentCount);
        fillPositions(grid, xs, ys);
        final NeighbourRanges scratch = new NeighbourRanges();
        final int[] found = new int[agentCount];
        int nonEmpty = 0;
        for (int q = 0; q < agentCount; q++)
        {
            final int count = grid.neighbours(xs[q], ys[q], radius, scratch, found);
            final int[] actual = Arrays.copyOf(found, count);
            Arrays.sort(actual);
            assertArrayEquals(bruteForce(space, xs, ys, indexed, xs[q], ys[q], radius), actual, "agent " + q);
            nonEmpty += count > 1 ? 1 : 0;
        }
        assertTrue(nonEmpty > agentCount / 4, "crowded enough to test something: " + nonEmpty);
    }

    @Test
    void shouldPutPointsOnAndOutsideTheEdgesInEdgeCells()
    {
        final SpatialHashGrid grid = new SpatialHashGrid(new ContinuousSpace2D(100.0, 50.0, false), 10.0, 1);
        assertEquals(10, grid.cellsX());
        assertEquals(5, grid.cellsY());
        assertEquals(0, grid.cellOf(0.0, 0.0));
        assertEquals(9, grid.cellOf(Math.nextDown(100.0), 0.0));
        assertEquals(49, grid.cellOf(Math.nextDown(100.0), Math.nextDown(50.0)));
        assertEquals(40, grid.cellOf(0.0, Math.nextDown(50.0)));
        assertEquals(49, grid.cellOf(100.0, 50.0));
        assertEquals(0, grid.cellOf(-3.0, -0.5));
        assertEquals(1 * 10 + 2, grid.cellOf(20.0, 10.0));
        assertEquals(1 * 10 + 1, grid.cellOf(Math.nextDown(20.0), 10.0));
    }

    private static void placeOnEdges(final double[] xs, final double[] ys, final double width, final double height)
    {
        final double[][] edges = {
            { 0.0, 0.0 },
            { Math.nextDown(width), 0.0 },
            { 0.0, Math.nextDown(height) },
            { Math.nextDown(width), Math.nextDown(height) },
            { 0.0, height * 0.5 },
            { Math.nextDown(width), height * 0.5 },
            { width * 0.5, 0.0 },
            { width * 0.5, Math.nextDown(height) },
            { width * 0.5, height * 0.5 },
            { width * 0.5, height * 0.5 },
        };
        for (int e = 0; e < edges.length && e * 3 < xs.length; e++)
        {
            xs[e * 3] = edges[e][0];
            ys[e * 3] = edges[e][1];
        }
    }

    private static void fillPositions(final SpatialHashGrid grid, final double[] xs, final double[] ys)
    {
        for (int rank = 0; rank < grid.size(); rank++)
        {
            final int agent = grid.agentAt(rank);
            grid.position(rank, xs[agent], ys[agent]);
        }
    }

    private static int[] bruteForce(
        final ContinuousSpace2D space,
        final double[] xs,
        final double[] ys,
        final boolean[] indexed,
        final double qx,
        final double qy,
        final double radius)
    {
        final double r2 = radius * radius;
        int count = 0;
        final int[] result = new int[xs.length];
        for (int i = 0; i < xs.length; i++)
        {
            if (indexed[i] && space.distanceSquared(qx, qy, xs[i], ys[i]) < r2)
            {
                result[count++] = i;
            }
        }
        return Arrays.copyOf(result, count);
    }
}
