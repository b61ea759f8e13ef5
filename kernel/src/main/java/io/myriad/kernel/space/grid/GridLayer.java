package io.myriad.kernel.space.grid;

import java.nio.ByteBuffer;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A named property of every cell of a {@link Grid2D}: one value per cell in an off-heap column, cell {@code c} at
 * byte {@code c * valueBytes} in native byte order, each column 64-byte aligned like an agent store's regions.
 * <p>
 * A double-buffered layer has two columns: rules read the current value and write the next one, and
 * {@link #swap()} at the step's end makes next current, so an update is synchronous and does not depend on the
 * order in which cells (and threads) are visited. As with an agent store, a rule that writes a double-buffered
 * layer writes the next value of every cell, or first carries the current values over with
 * {@link #copyToNext()}: after the swap the other column is what everybody reads. A layer that is not double
 * buffered has one column that is both current and next.
 * <p>
 * Values may be read and written by many threads on disjoint cells; {@link #swap()} and {@link #copyToNext()}
 * run on one thread between the parallel stages. Accessors check the cell against the grid unless Agrona's bounds
 * checks are disabled ({@code -Dagrona.disable.bounds.checks=true}).
 */
public abstract class GridLayer
{
    static final int KIND_DOUBLE = 0;
    static final int KIND_INT = 1;

    private static final int ALIGNMENT = 64;

    private final String name;
    private final int cellCount;
    private final int columnBytes;
    private final boolean doubleBuffered;
    private final ByteBuffer[] allocations;
    private final UnsafeBuffer[] columns;
    private int parity;
    private int checkedCells;

    /** Address of cell 0's current value; subclasses add {@code cell * valueBytes}. */
    long currentAddress;

    /** Address of cell 0's next value; equal to {@link #currentAddress} unless double buffered. */
    long nextAddress;

    GridLayer(final String name, final int cellCount, final int valueBytes, final boolean doubleBuffered)
    {
        this.name = name;
        this.cellCount = cellCount;
        this.columnBytes = cellCount * valueBytes;
        this.doubleBuffered = doubleBuffered;
        final int copies = doubleBuffered ? 2 : 1;
        this.allocations = new ByteBuffer[copies];
        this.columns = new UnsafeBuffer[copies];
        this.checkedCells = cellCount;
        for (int i = 0; i < copies; i++)
        {
            // Over-allocate and wrap the aligned part, as AgentStore does, so that the whole allocation can be freed.
            final ByteBuffer allocation = ByteBuffer.allocateDirect(columnBytes + ALIGNMENT);
            final int misalignment = (int)(BufferUtil.address(allocation) & (ALIGNMENT - 1));
            allocations[i] = allocation;
            columns[i] = new UnsafeBuffer(allocation, misalignment == 0 ? 0 : ALIGNMENT - misalignment, columnBytes);
        }
        point();
    }

    /**
     * @return the layer's name, unique in its grid.
     */
    public final String name()
    {
        return name;
    }

    /**
     * @return cells of the grid, one value each.
     */
    public final int cellCount()
    {
        return cellCount;
    }

    /**
     * @return true if rules read current values and write next ones, made current by {@link #swap()}.
     */
    public final boolean isDoubleBuffered()
    {
        return doubleBuffered;
    }

    /**
     * @return 0 or 1: which column is current; always 0 unless double buffered.
     */
    public final int parity()
    {
        return parity;
    }

    /**
     * Makes the next values current, and the current column the one the next step writes. Does nothing unless
     * double buffered.
     */
    public final void swap()
    {
        if (doubleBuffered)
        {
            parity ^= 1;
            point();
        }
    }

    /**
     * Copies every current value into the next column, for a rule that then writes the next values of only some
     * cells. Does nothing unless double buffered.
     */
    public final void copyToNext()
    {
        if (doubleBuffered)
        {
            columns[parity ^ 1].putBytes(0, columns[parity], 0, columnBytes);
        }
    }

    /**
     * @return the current column, for bulk reads (snapshots, hashing); cell {@code c} at {@code c * valueBytes}.
     */
    public final UnsafeBuffer currentBuffer()
    {
        return columns[parity];
    }

    /**
     * @return the next column; the current one unless double buffered.
     */
    public final UnsafeBuffer nextBuffer()
    {
        return columns[doubleBuffered ? parity ^ 1 : 0];
    }

    abstract int kind();

    abstract void hashValues(StateHasher hasher);

    final void checkCell(final int cell)
    {
        if (cell < 0 || cell >= checkedCells)
        {
            throw new IndexOutOfBoundsException(
                "cell " + cell + " is outside layer " + name + " of " + checkedCells + " cells" +
                (checkedCells == 0 ? " (closed)" : ""));
        }
    }

    final void hash(final StateHasher hasher)
    {
        hasher.text(name).word(kind()).word(doubleBuffered ? 1 : 0);
        hashValues(hasher);
    }

    final void writeConfiguration(final PartWriter out)
    {
        out.putString(name).putInt(kind()).putInt(doubleBuffered ? 1 : 0);
    }

    final void readConfiguration(final PartReader in, final int index)
    {
        final String savedName = in.getString();
        if (!savedName.equals(name))
        {
            throw in.fail("layer " + index + " named \"" + savedName + "\", this run's is named \"" + name + "\"");
        }
        final int savedKind = in.getInt();
        if (savedKind != kind())
        {
            throw in.fail("layer " + name + " of " + kindName(savedKind) + " values, this run's holds " +
                kindName(kind()) + " values");
        }
        final int savedBuffered = in.getInt();
        if (savedBuffered != (doubleBuffered ? 1 : 0))
        {
            throw in.fail("layer " + name + (savedBuffered == 1 ? " double buffered" : " not double buffered") +
                ", this run's is" + (doubleBuffered ? "" : " not") + " double buffered");
        }
    }

    final long savedBytes()
    {
        return (long)columns.length * columnBytes;
    }

    final void writeValues(final PartWriter out)
    {
        for (final UnsafeBuffer column : columns)
        {
            out.putBytes(column, 0, columnBytes);
        }
    }

    /**
     * @param in     the section, at this layer's values.
     * @param parity the saved parity, already checked to be 0, or 1 when double buffered.
     */
    final void readValues(final PartReader in, final int parity)
    {
        for (final UnsafeBuffer column : columns)
        {
            in.getBytes(column, 0, columnBytes);
        }
        this.parity = parity;
        point();
    }

    final void close()
    {
        for (int i = 0; i < allocations.length; i++)
        {
            if (allocations[i] != null)
            {
                columns[i].wrap(0L, 0);
                BufferUtil.free(allocations[i]);
                allocations[i] = null;
            }
        }
        checkedCells = 0;
        currentAddress = 0L;
        nextAddress = 0L;
    }

    private void point()
    {
        currentAddress = columns[parity].addressOffset();
        nextAddress = columns[doubleBuffered ? parity ^ 1 : 0].addressOffset();
    }

    private static String kindName(final int kind)
    {
        return kind == KIND_DOUBLE ? "double" : kind == KIND_INT ? "int" : "unknown (" + kind + ")";
    }
}
