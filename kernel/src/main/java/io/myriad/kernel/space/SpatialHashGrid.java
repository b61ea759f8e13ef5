package io.myriad.kernel.space;

import java.util.Arrays;

/**
 * A uniform grid over a {@link ContinuousSpace2D} that sorts agents by cell for neighbour queries.
 * <p>
 * Each tick: give every agent its cell ({@link #key(int, int)}, in parallel, disjoint agents), {@link #sort(int)}
 * on one thread (a stable counting sort: within a cell, agents stay in index order, so the result depends only
 * on the keys), then fill the sorted positions ({@link #position(int, double, double)}, in parallel, disjoint
 * ranks). Cells are numbered row by row, so the cells of one row of a query are one contiguous range of ranks
 * (two where the row crosses a periodic boundary); {@link #ranges} lists them with the shift that brings each
 * range's positions next to the query point. Scanning those ranges and checking the distance finds every
 * neighbour, in rank order, which is the same on every thread.
 * <p>
 * Cells are at least the requested size, so a query of radius up to that size touches at most 3 x 3 cells. In a
 * periodic space the radius must be at most half the width and the height, so that no agent is within reach by
 * two images.
 */
public final class SpatialHashGrid
{
    private final ContinuousSpace2D space;
    private final int cellsX;
    private final int cellsY;
    private final double cellWidth;
    private final double cellHeight;
    private final double invCellWidth;
    private final double invCellHeight;
    private final int[] keys;
    private final int[] agents;
    private final int[] cellStart;
    private final double[] xs;
    private final double[] ys;
    private int size;

    /**
     * Most cells a grid has: its cell index is {@code 4 * (cells + 1)} bytes. A space that would need more cells of
     * the requested size gets fewer, larger ones, which answer the same queries (each then holds more agents).
     */
    public static final int MAX_CELLS = 1 << 28;

    private static final int MAX_CELLS_PER_SIDE = 1 << 15;

    /**
     * @param space       the space.
     * @param minCellSize smallest acceptable cell side; cells are this size or larger (larger where the space would
     *                    otherwise need more than {@link #MAX_CELLS} cells).
     * @param capacity    most agents to index.
     */
    public SpatialHashGrid(final ContinuousSpace2D space, final double minCellSize, final int capacity)
    {
        this(space, minCellSize, capacity, MAX_CELLS);
    }

    SpatialHashGrid(final ContinuousSpace2D space, final double minCellSize, final int capacity, final int maxCells)
    {
        if (!(minCellSize > 0) || !Double.isFinite(minCellSize))
        {
            throw new IllegalArgumentException("cell size must be positive and finite: " + minCellSize);
        }
        this.space = space;
        int cellsX = (int)Math.max(1, Math.min(MAX_CELLS_PER_SIDE, Math.floor(space.width() / minCellSize)));
        int cellsY = (int)Math.max(1, Math.min(MAX_CELLS_PER_SIDE, Math.floor(space.height() / minCellSize)));
        if ((long)cellsX * cellsY > maxCells)
        {
            // Larger cells in the same proportion: a query of radius up to the requested size still spans 3 x 3.
            final double scale = Math.sqrt((double)cellsX * cellsY / maxCells);
            cellsX = (int)Math.max(1, Math.floor(cellsX / scale));
            cellsY = (int)Math.max(1, Math.floor(cellsY / scale));
            while ((long)cellsX * cellsY > maxCells)
            {
                if (cellsX >= cellsY)
                {
                    cellsX--;
                }
                else
                {
                    cellsY--;
                }
            }
        }
        this.cellsX = cellsX;
        this.cellsY = cellsY;
        final long cells = (long)cellsX * cellsY;
        this.cellWidth = space.width() / cellsX;
        this.cellHeight = space.height() / cellsY;
        this.invCellWidth = cellsX / space.width();
        this.invCellHeight = cellsY / space.height();
        this.keys = new int[capacity];
        this.agents = new int[capacity];
        this.cellStart = new int[(int)cells + 1];
        this.xs = new double[capacity];
        this.ys = new double[capacity];
    }

    /**
     * @return the space the grid covers.
     */
    public ContinuousSpace2D space()
    {
        return space;
    }

    /**
     * @return cells along x.
     */
    public int cellsX()
    {
        return cellsX;
    }

    /**
     * @return cells along y.
     */
    public int cellsY()
    {
        return cellsY;
    }

    /**
     * @return width of a cell.
     */
    public double cellWidth()
    {
        return cellWidth;
    }

    /**
     * @return height of a cell.
     */
    public double cellHeight()
    {
        return cellHeight;
    }

    /**
     * @param x a coordinate in {@code [0, width)}.
     * @param y a coordinate in {@code [0, height)}.
     * @return the cell, row by row; coordinates outside the space fall into the nearest edge cell.
     */
    public int cellOf(final double x, final double y)
    {
        int cx = (int)(x * invCellWidth);
        int cy = (int)(y * invCellHeight);
        cx = cx < 0 ? 0 : (cx >= cellsX ? cellsX - 1 : cx);
        cy = cy < 0 ? 0 : (cy >= cellsY ? cellsY - 1 : cy);
        return cy * cellsX + cx;
    }

    /**
     * Sets an agent's cell for the next {@link #sort(int)}.
     *
     * @param agent the agent's index.
     * @param cell  its cell from {@link #cellOf(double, double)}, or -1 to leave it out.
     */
    public void key(final int agent, final int cell)
    {
        keys[agent] = cell;
    }

    /**
     * Sorts agents {@code [0, agentCount)} by cell, stably. Serial; touches every key once and every cell once.
     *
     * @param agentCount agents to consider, all of whose keys are set.
     */
    public void sort(final int agentCount)
    {
        final int[] keys = this.keys;
        final int[] cellStart = this.cellStart;
        final int cells = cellStart.length - 1;
        Arrays.fill(cellStart, 0);
        int n = 0;
        for (int i = 0; i < agentCount; i++)
        {
            final int key = keys[i];
            if (key >= 0)
            {
                cellStart[key + 1]++;
                n++;
            }
        }
        for (int c = 0; c < cells; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }
        // cellStart[c] now is the first rank of cell c; use it as the insertion cursor, then restore.
        final int[] agents = this.agents;
        for (int i = 0; i < agentCount; i++)
        {
            final int key = keys[i];
            if (key >= 0)
            {
                agents[cellStart[key]++] = i;
            }
        }
        for (int c = cells; c > 0; c--)
        {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
        size = n;
    }

    /**
     * @return agents indexed by the last sort.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param rank position in cell order, below {@link #size()}.
     * @return the agent at that rank.
     */
    public int agentAt(final int rank)
    {
        return agents[rank];
    }

    /**
     * Records the position of the agent at a rank, for queries and for {@link #xs()} / {@link #ys()} readers.
     *
     * @param rank a rank.
     * @param x    the agent's x.
     * @param y    the agent's y.
     */
    public void position(final int rank, final double x, final double y)
    {
        xs[rank] = x;
        ys[rank] = y;
    }

    /**
     * @return x by rank; read only, for tight loops over {@link #ranges} results.
     */
    public double[] xs()
    {
        return xs;
    }

    /**
     * @return y by rank; read only, for tight loops over {@link #ranges} results.
     */
    public double[] ys()
    {
        return ys;
    }

    /**
     * @param cell a cell.
     * @return its first rank.
     */
    public int cellStart(final int cell)
    {
        return cellStart[cell];
    }

    /**
     * @param cell a cell.
     * @return one past its last rank.
     */
    public int cellEnd(final int cell)
    {
        return cellStart[cell + 1];
    }

    /**
     * Lists the ranges of ranks holding every agent within {@code radius} of a point (and some beyond it).
     *
     * @param x      query x, inside the space.
     * @param y      query y, inside the space.
     * @param radius reach; in a periodic space at most half the width and the height.
     * @param out    receives the ranges, cleared first.
     */
    public void ranges(final double x, final double y, final double radius, final NeighbourRanges out)
    {
        out.clear();
        final boolean periodic = space.isPeriodic();
        if (periodic && (2 * radius > space.width() || 2 * radius > space.height()))
        {
            throw new IllegalArgumentException("radius " + radius + " exceeds half of the periodic space " + space);
        }
        int cyLo = (int)Math.floor((y - radius) * invCellHeight);
        int cyHi = (int)Math.floor((y + radius) * invCellHeight);
        int cxLo = (int)Math.floor((x - radius) * invCellWidth);
        int cxHi = (int)Math.floor((x + radius) * invCellWidth);
        if (!periodic)
        {
            cyLo = Math.max(cyLo, 0);
            cyHi = Math.min(cyHi, cellsY - 1);
            cxLo = Math.max(cxLo, 0);
            cxHi = Math.min(cxHi, cellsX - 1);
        }
        addRows(cyLo, cyHi, cxLo, cxHi, out);
    }

    private void addRows(final int cyLo, final int cyHi, final int cxLo, final int cxHi, final NeighbourRanges out)
    {
        for (int cy = cyLo; cy <= cyHi; cy++)
        {
            final int wrapsY = Math.floorDiv(cy, cellsY);
            final int rowBase = (cy - wrapsY * cellsY) * cellsX;
            final double shiftY = wrapsY * space.height();
            int cx = cxLo;
            while (cx <= cxHi)
            {
                final int wrapsX = Math.floorDiv(cx, cellsX);
                final int col = cx - wrapsX * cellsX;
                final int run = Math.min(cxHi - cx, cellsX - 1 - col);
                out.add(cellStart[rowBase + col], cellStart[rowBase + col + run + 1], wrapsX * space.width(), shiftY);
                cx += run + 1;
            }
        }
    }

    /**
     * @param radius a query radius.
     * @return how many cells a query of that radius may reach beyond the query point's own cell, along either axis.
     */
    public int cellReach(final double radius)
    {
        return (int)Math.ceil(radius / Math.min(cellWidth, cellHeight));
    }

    /**
     * Lists the ranges of ranks in the block of cells within {@code reach} cells of a cell, row by row, with the
     * shift that brings each range's positions next to the cell. Every agent within {@code radius} of any point
     * of the cell is in the block when {@code reach >= cellReach(radius)}, so the block can be computed once and
     * shared by all agents of the cell.
     *
     * In a periodic space narrower than the block ({@code 2 * reach + 1} cells), the block wraps onto itself and
     * lists some agents twice, at two images a side apart; when the side is at least twice the radius, at most one
     * image of an agent is strictly within the radius of any point, so a strict distance test still finds each
     * neighbour once. The agent at the query point's own rank is then also listed at another image: look for it in
     * a range with no shift.
     *
     * @param cell  a cell.
     * @param reach cells to include on each side.
     * @param out   receives the ranges, cleared first.
     */
    public void blockRanges(final int cell, final int reach, final NeighbourRanges out)
    {
        out.clear();
        final boolean periodic = space.isPeriodic();
        final int cellX = cell % cellsX;
        final int cellY = cell / cellsX;
        int cyLo = cellY - reach;
        int cyHi = cellY + reach;
        int cxLo = cellX - reach;
        int cxHi = cellX + reach;
        if (!periodic)
        {
            cyLo = Math.max(cyLo, 0);
            cyHi = Math.min(cyHi, cellsY - 1);
            cxLo = Math.max(cxLo, 0);
            cxHi = Math.min(cxHi, cellsX - 1);
        }
        addRows(cyLo, cyHi, cxLo, cxHi, out);
    }

    /**
     * Finds the agents within {@code radius} of a point (strictly closer), range by range. For tests and for code
     * off the hot path; tight loops use {@link #ranges} with {@link #xs()} and {@link #ys()}.
     *
     * @param x      query x.
     * @param y      query y.
     * @param radius reach.
     * @param scratch ranges to reuse.
     * @param out    receives agent indices; must be large enough.
     * @return number of agents found.
     */
    public int neighbours(
        final double x, final double y, final double radius, final NeighbourRanges scratch, final int[] out)
    {
        ranges(x, y, radius, scratch);
        final double r2 = radius * radius;
        int found = 0;
        for (int r = 0; r < scratch.count(); r++)
        {
            final double sx = scratch.shiftX(r);
            final double sy = scratch.shiftY(r);
            for (int rank = scratch.start(r), end = scratch.end(r); rank < end; rank++)
            {
                final double dx = xs[rank] + sx - x;
                final double dy = ys[rank] + sy - y;
                if (dx * dx + dy * dy < r2)
                {
                    out[found++] = agents[rank];
                }
            }
        }
        return found;
    }
}
