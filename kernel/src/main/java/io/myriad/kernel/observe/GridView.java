package io.myriad.kernel.observe;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.space.grid.DoubleLayer;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.GridLayer;
import io.myriad.kernel.space.grid.IntLayer;
import io.myriad.kernel.world.World;

/**
 * A grid layer as an image: a byte a cell, the cell's value scaled between the least and the greatest in the frame,
 * row by row from row 0. A grid of more than {@code maxCells} cells is sent as every n-th cell of every n-th row.
 */
public final class GridView extends SnapshotView
{
    private final int part;
    private final int layerIndex;
    private final int stride;
    private final int columns;
    private final int rows;

    static GridView of(final int id, final String key, final Scene.Layer layer, final int maxCells)
    {
        return new GridView(id, key, layer, strideFor(layer, maxCells));
    }

    private GridView(final int id, final String key, final Scene.Layer layer, final int stride)
    {
        super(id, key, ceilDiv(layer.width(), stride) * ceilDiv(layer.height(), stride));
        this.part = layer.part();
        this.layerIndex = layer.layer();
        this.stride = stride;
        this.columns = ceilDiv(layer.width(), stride);
        this.rows = ceilDiv(layer.height(), stride);
    }

    @Override
    int kind()
    {
        return Frame.GRID;
    }

    @Override
    int copy(final World world, final Frame frame)
    {
        final Grid2D grid = (Grid2D)world.part(part);
        final GridLayer layer = grid.layer(layerIndex);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                final double value = value(layer, grid.cell(c * stride, r * stride));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        final double scale = max > min ? 255.0 / (max - min) : 0;
        final UnsafeBuffer out = frame.buffer();
        int at = Frame.HEADER_BYTES;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                out.putByte(at++, (byte)(int)((value(layer, grid.cell(c * stride, r * stride)) - min) * scale));
            }
        }
        frame.putInt(Frame.COUNT_OFFSET, columns);
        frame.putInt(Frame.TOTAL_OFFSET, rows);
        frame.putDouble(Frame.X0_OFFSET, 0);
        frame.putDouble(Frame.X1_OFFSET, grid.width());
        frame.putDouble(Frame.Y0_OFFSET, 0);
        frame.putDouble(Frame.Y1_OFFSET, grid.height());
        frame.putDouble(Frame.MIN_OFFSET, min);
        frame.putDouble(Frame.MAX_OFFSET, max);
        frame.putInt(Frame.FLAGS_OFFSET, Frame.HAS_VALUES);
        frame.putInt(Frame.STRIDE_OFFSET, stride);
        return columns * rows;
    }

    private static double value(final GridLayer layer, final int cell)
    {
        return layer instanceof IntLayer ints ? ints.get(cell) : ((DoubleLayer)layer).get(cell);
    }

    private static int strideFor(final Scene.Layer layer, final int maxCells)
    {
        int stride = 1;
        while ((long)ceilDiv(layer.width(), stride) * ceilDiv(layer.height(), stride) > maxCells)
        {
            stride++;
        }
        return stride;
    }

    private static int ceilDiv(final int a, final int b)
    {
        return (a + b - 1) / b;
    }
}
