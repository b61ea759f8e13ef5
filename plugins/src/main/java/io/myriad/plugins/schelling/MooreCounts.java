package io.myriad.plugins.schelling;

import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.IntLayer;
import io.myriad.kernel.space.grid.Topology;

/**
 * How many cells of each value an {@link IntLayer} holds in the Moore box of radius {@code r} around a cell, the cell
 * itself included, clipped at the edges of a bounded grid; for cells visited in row-major order. A sliding window:
 * one step along a row counts the column entering the box and drops the one leaving it (remembered from when it
 * entered), reading {@code 2r + 1} cells rather than {@code (2r + 1)^2}; only a new row counts its first box whole.
 * The counts of the values 0 to 3 are packed 16 bits each into one long, so a cell costs one add whatever its
 * value.
 * <p>
 * Machinery that belongs beside {@link Grid2D#neighbours} in the kernel; it lives here until it moves there.
 * One instance per worker thread; nothing is allocated after construction.
 */
final class MooreCounts
{
    /** The largest radius whose box (at most 65,535 cells) fits a 16-bit count. */
    static final int MAX_RADIUS = 127;

    private final IntLayer layer;
    private final int width;
    private final int height;
    private final int radius;
    private final long[] columns;
    private int x;
    private int y;
    private long window;

    /**
     * @param grid   a bounded grid.
     * @param layer  one of its layers, every value in {@code [0, 3]}.
     * @param radius the reach of the box, 1 to {@link #MAX_RADIUS}.
     */
    MooreCounts(final Grid2D grid, final IntLayer layer, final int radius)
    {
        if (grid.topology() != Topology.BOUNDED || radius < 1 || radius > MAX_RADIUS)
        {
            throw new IllegalArgumentException("Moore counts need a bounded grid and a radius of 1 to " + MAX_RADIUS +
                ", not " + grid.topology() + " and " + radius);
        }
        this.layer = layer;
        this.width = grid.width();
        this.height = grid.height();
        this.radius = radius;
        this.columns = new long[width];
    }

    /**
     * Centres the box on a cell, counting it whole.
     *
     * @param cell a cell of the grid.
     */
    void moveTo(final int cell)
    {
        x = cell % width;
        y = cell / width;
        window = 0;
        for (int c = Math.max(0, x - radius), last = Math.min(width - 1, x + radius); c <= last; c++)
        {
            window += columns[c] = column(c);
        }
    }

    /**
     * Centres the box on the next cell in row-major order.
     */
    void advance()
    {
        if (x == width - 1)
        {
            moveTo((y + 1) * width);
            return;
        }
        x++;
        if (x + radius < width)
        {
            window += columns[x + radius] = column(x + radius);
        }
        if (x - radius > 0)
        {
            window -= columns[x - radius - 1];
        }
    }

    /**
     * @param value 0 to 3.
     * @return cells of that value in the box, the centre included.
     */
    int count(final int value)
    {
        return (int)(window >>> (value << 4)) & 0xFFFF;
    }

    private long column(final int c)
    {
        long counts = 0;
        for (int row = Math.max(0, y - radius), last = Math.min(height - 1, y + radius); row <= last; row++)
        {
            counts += 1L << (layer.get(row * width + c) << 4);
        }
        return counts;
    }
}
