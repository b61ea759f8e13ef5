package io.myriad.kernel.space.grid;

import io.myriad.kernel.rng.CounterRng;

/**
 * The neighbourhood arithmetic behind {@link Grid2D#neighbours} and {@link Grid2D#randomNeighbour}, on a grid's
 * width, height and topology alone; the grid checks the arguments first.
 */
final class Neighbours
{
    private Neighbours()
    {
    }

    /**
     * Lists a cell's neighbours in {@link Grid2D#neighbours}' order.
     */
    static int list(
        final int width,
        final int height,
        final boolean torus,
        final int cell,
        final Neighbourhood neighbourhood,
        final int radius,
        final int[] out)
    {
        final int cx = cell % width;
        final int cy = cell / width;
        final int loX;
        final int hiX;
        final int loY;
        final int hiY;
        if (torus)
        {
            loX = -Math.min(radius, (width - 1) >> 1);
            hiX = Math.min(radius, width >> 1);
            loY = -Math.min(radius, (height - 1) >> 1);
            hiY = Math.min(radius, height >> 1);
        }
        else
        {
            loX = -Math.min(radius, cx);
            hiX = Math.min(radius, width - 1 - cx);
            loY = -Math.min(radius, cy);
            hiY = Math.min(radius, height - 1 - cy);
        }
        final boolean moore = neighbourhood == Neighbourhood.MOORE;
        int count = 0;
        for (int dy = loY; dy <= hiY; dy++)
        {
            // only a torus reaches past an edge, by less than one side
            final int ny = cy + dy;
            final int rowBase = (ny < 0 ? ny + height : ny >= height ? ny - height : ny) * width;
            final int reach = moore ? radius : radius - Math.abs(dy);
            final int toX = Math.min(hiX, reach);
            for (int dx = Math.max(loX, -reach); dx <= toX; dx++)
            {
                if (dx != 0 || dy != 0)
                {
                    final int nx = cx + dx;
                    out[count++] = rowBase + (nx < 0 ? nx + width : nx >= width ? nx - width : nx);
                }
            }
        }
        return count;
    }

    /**
     * The random neighbour {@link Grid2D#randomNeighbour} chooses, worked out directly when the whole Moore square
     * around the cell is on the grid: the k-th in row-major order is the k-th of its cells, skipping the centre,
     * with no list to build (and for radius 1, no division).
     *
     * @return the neighbour, or {@link Grid2D#NO_CELL} when the square is not whole (or not a Moore one), when the
     *         caller lists the neighbours instead.
     */
    static int inMooreSquare(
        final int width,
        final int height,
        final boolean torus,
        final int cell,
        final Neighbourhood neighbourhood,
        final int radius,
        final long bits)
    {
        final int side = 2 * radius + 1;
        final int cy = cell / width;
        final int cx = cell - cy * width;
        if (neighbourhood != Neighbourhood.MOORE || radius < 1 || !(torus ? width >= side && height >= side :
            cx >= radius && cx < width - radius && cy >= radius && cy < height - radius))
        {
            return Grid2D.NO_CELL;
        }
        final int count = side * side - 1;
        final int k = CounterRng.toBoundedInt(bits, count);
        final int square = k < count >> 1 ? k : k + 1;
        final int dy = radius == 1 ? (square * 11 >> 5) - 1 : square / side - radius;
        final int nx = cx + square - (dy + radius) * side - radius;
        final int ny = cy + dy;
        return (ny < 0 ? ny + height : ny >= height ? ny - height : ny) * width +
            (nx < 0 ? nx + width : nx >= width ? nx - width : nx);
    }
}
