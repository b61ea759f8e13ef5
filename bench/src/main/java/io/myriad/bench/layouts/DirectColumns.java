package io.myriad.bench.layouts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.BufferUtil;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Four columns of direct memory, each its own allocation, native order and starting on a cache line, filled and
 * freed here; subclasses take them in the form their kernels reach them through ({@link #view}).
 */
@State(Scope.Benchmark)
public abstract class DirectColumns extends DriftColumns
{
    private static final int CACHE_LINE = 64;
    private static final int COLUMNS = 4;

    private final ByteBuffer[] allocations = new ByteBuffer[COLUMNS];
    private final ByteBuffer[] columns = new ByteBuffer[COLUMNS];

    /**
     * A direct buffer with room for a column of doubles starting on a cache line. Freed as a whole: a slice
     * cannot be freed explicitly ({@code invokeCleaner} rejects it), which rules out
     * {@code BufferUtil.allocateDirectAligned} here.
     */
    static ByteBuffer allocateColumn(final int doubles)
    {
        return ByteBuffer.allocateDirect((doubles << 3) + CACHE_LINE);
    }

    /**
     * @return the cache-line-aligned, native-order column within an allocation from {@link #allocateColumn}.
     */
    static ByteBuffer alignedColumn(final ByteBuffer allocation, final int doubles)
    {
        final int misalignment = (int)(BufferUtil.address(allocation) & (CACHE_LINE - 1));
        final int offset = misalignment == 0 ? 0 : CACHE_LINE - misalignment;
        return allocation.duplicate().position(offset).limit(offset + (doubles << 3)).slice()
            .order(ByteOrder.nativeOrder());
    }

    void allocate(final int count)
    {
        for (int c = 0; c < COLUMNS; c++)
        {
            allocations[c] = allocateColumn(count);
            columns[c] = alignedColumn(allocations[c], count);
        }
        view(columns[0], columns[1], columns[2], columns[3]);
    }

    /**
     * Takes the freshly allocated columns, zeroed, before they are filled.
     */
    abstract void view(ByteBuffer x, ByteBuffer y, ByteBuffer vx, ByteBuffer vy);

    void fill(final int i, final double x, final double y, final double vx, final double vy)
    {
        final int offset = i << 3;
        columns[0].putDouble(offset, x);
        columns[1].putDouble(offset, y);
        columns[2].putDouble(offset, vx);
        columns[3].putDouble(offset, vy);
    }

    void free()
    {
        for (final ByteBuffer allocation : allocations)
        {
            BufferUtil.free(allocation);
        }
    }
}
