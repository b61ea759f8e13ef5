package io.myriad.kernel.space.grid;

import io.myriad.kernel.hash.StateHasher;

import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link GridLayer} of doubles: grass height, pheromone, temperature. Declared on its grid with
 * {@link Grid2D#doubleLayer(String, boolean)}; every cell starts at 0.0. Accessors are one Unsafe access at an
 * address cached in the layer, so a sweep over cells streams the column.
 */
public final class DoubleLayer extends GridLayer
{
    DoubleLayer(final String name, final int cellCount, final boolean doubleBuffered)
    {
        super(name, cellCount, Double.BYTES, doubleBuffered);
    }

    /**
     * @param cell a cell of the grid.
     * @return its current value.
     */
    public double get(final int cell)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        return UnsafeApi.getDouble(currentAddress + ((long)cell << 3));
    }

    /**
     * Sets the current value: to initialise, or from serial code. A synchronous rule on a double-buffered layer
     * writes {@link #setNext(int, double)} instead.
     *
     * @param cell  a cell of the grid.
     * @param value its new current value.
     */
    public void set(final int cell, final double value)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        UnsafeApi.putDouble(currentAddress + ((long)cell << 3), value);
    }

    /**
     * @param cell a cell of the grid.
     * @return its next value, current after the next {@link #swap()}; the current value unless double buffered.
     */
    public double next(final int cell)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        return UnsafeApi.getDouble(nextAddress + ((long)cell << 3));
    }

    /**
     * @param cell  a cell of the grid.
     * @param value its next value, current after the next {@link #swap()}; the current value unless double
     *              buffered.
     */
    public void setNext(final int cell, final double value)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        UnsafeApi.putDouble(nextAddress + ((long)cell << 3), value);
    }

    /**
     * Sets the current value of every cell.
     *
     * @param value the value.
     */
    public void fill(final double value)
    {
        final long address = currentAddress;
        for (long i = 0, cells = cellCount(); i < cells; i++)
        {
            UnsafeApi.putDouble(address + (i << 3), value);
        }
    }

    int kind()
    {
        return KIND_DOUBLE;
    }

    void hashValues(final StateHasher hasher)
    {
        final long address = currentAddress;
        final int cells = cellCount();
        hasher.word(cells);
        for (long i = 0; i < cells; i++)
        {
            hasher.word(Double.doubleToRawLongBits(UnsafeApi.getDouble(address + (i << 3))));
        }
    }
}
