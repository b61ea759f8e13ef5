package io.myriad.kernel.space;

import java.util.Arrays;

/**
 * The answer to a neighbour query: contiguous ranges of ranks in a {@link SpatialHashGrid}, each with the shift
 * to add to the positions in it so that they are seen from the query point's side of a periodic boundary.
 * Reused from query to query; grows on first use and then allocates nothing.
 */
public final class NeighbourRanges
{
    private int count;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private double[] shiftX = new double[16];
    private double[] shiftY = new double[16];

    /**
     * @return number of ranges.
     */
    public int count()
    {
        return count;
    }

    /**
     * @param range a range.
     * @return its first rank, inclusive.
     */
    public int start(final int range)
    {
        return start[range];
    }

    /**
     * @param range a range.
     * @return its last rank, exclusive.
     */
    public int end(final int range)
    {
        return end[range];
    }

    /**
     * @param range a range.
     * @return what to add to the x of positions in the range.
     */
    public double shiftX(final int range)
    {
        return shiftX[range];
    }

    /**
     * @param range a range.
     * @return what to add to the y of positions in the range.
     */
    public double shiftY(final int range)
    {
        return shiftY[range];
    }

    void clear()
    {
        count = 0;
    }

    void add(final int from, final int to, final double dx, final double dy)
    {
        if (from >= to)
        {
            return;
        }
        if (count == start.length)
        {
            final int capacity = count * 2;
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            shiftX = Arrays.copyOf(shiftX, capacity);
            shiftY = Arrays.copyOf(shiftY, capacity);
        }
        start[count] = from;
        end[count] = to;
        shiftX[count] = dx;
        shiftY[count] = dy;
        count++;
    }
}
