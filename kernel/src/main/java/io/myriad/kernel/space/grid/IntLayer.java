package io.myriad.kernel.space.grid;

import io.myriad.kernel.hash.StateHasher;

import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link GridLayer} of ints: a patch's state, a count, a colour. Declared on its grid with
 * {@link Grid2D#intLayer(String, boolean)}; every cell starts at 0. Accessors are one Unsafe access at an
 * address cached in the layer, so a sweep over cells streams the column.
 */
public final class IntLayer extends GridLayer
{
    IntLayer(final String name, final int cellCount, final boolean doubleBuffered)
    {
        super(name, cellCount, Integer.BYTES, doubleBuffered);
    }

    /**
     * @param cell a cell of the grid.
     * @return its current value.
     */
    public int get(final int cell)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        return UnsafeApi.getInt(currentAddress + ((long)cell << 2));
    }

    /**
     * Sets the current value: to initialise, or from serial code. A synchronous rule on a double-buffered layer
     * writes {@link #setNext(int, int)} instead.
     *
     * @param cell  a cell of the grid.
     * @param value its new current value.
     */
    public void set(final int cell, final int value)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        UnsafeApi.putInt(currentAddress + ((long)cell << 2), value);
    }

    /**
     * @param cell a cell of the grid.
     * @return its next value, current after the next {@link #swap()}; the current value unless double buffered.
     */
    public int next(final int cell)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        return UnsafeApi.getInt(nextAddress + ((long)cell << 2));
    }

    /**
     * @param cell  a cell of the grid.
     * @param value its next value, current after the next {@link #swap()}; the current value unless double
     *              buffered.
     */
    public void setNext(final int cell, final int value)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK)
        {
            checkCell(cell);
        }
        UnsafeApi.putInt(nextAddress + ((long)cell << 2), value);
    }

    /**
     * Sets the current value of every cell.
     *
     * @param value the value.
     */
    public void fill(final int value)
    {
        final long address = currentAddress;
        for (long i = 0, cells = cellCount(); i < cells; i++)
        {
            UnsafeApi.putInt(address + (i << 2), value);
        }
    }

    int kind()
    {
        return KIND_INT;
    }

    void hashValues(final StateHasher hasher)
    {
        final long address = currentAddress;
        final int cells = cellCount();
        hasher.word(cells);
        for (long i = 0; i < cells; i++)
        {
            hasher.word(UnsafeApi.getInt(address + (i << 2)));
        }
    }
}
