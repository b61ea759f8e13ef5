package io.myriad.bench.layouts;

import java.nio.ByteBuffer;

import org.agrona.BufferUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnDriftKernelsTest
{
    private static final int AGENTS = 1024;
    private static final int SWEEPS = 3;

    @Test
    void shouldDriftHeapArrays()
    {
        final HeapColumns columns = new HeapColumns();
        columns.agents = AGENTS;
        columns.setUp();
        for (int s = 0; s < SWEEPS; s++)
        {
            ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        }
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(DriftExpectations.x(i, SWEEPS), columns.x[i]);
            assertEquals(DriftExpectations.y(i, SWEEPS), columns.y[i]);
        }
        columns.tearDown();
    }

    @Test
    void shouldDriftUnsafeBuffersAndAddresses()
    {
        final BufferColumns columns = new BufferColumns();
        columns.agents = AGENTS;
        columns.setUp();
        assertEquals(0, columns.x.addressOffset() & 63, "column alignment");
        ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        ColumnDriftKernels.driftHoisted(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        for (int s = 2; s < SWEEPS; s++)
        {
            ColumnDriftKernels.drift(
                columns.x.addressOffset(), columns.y.addressOffset(),
                columns.vx.addressOffset(), columns.vy.addressOffset(), AGENTS);
        }
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(DriftExpectations.x(i, SWEEPS), columns.x.getDouble(i << 3));
            assertEquals(DriftExpectations.y(i, SWEEPS), columns.y.getDouble(i << 3));
        }
        columns.tearDown();
    }

    @Test
    void shouldDriftByteAndDoubleBuffers()
    {
        final NioColumns columns = new NioColumns();
        columns.agents = AGENTS;
        columns.setUp();
        assertEquals(0, BufferUtil.address(columns.x) & 63, "column alignment");
        ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        for (int s = 1; s < SWEEPS; s++)
        {
            ColumnDriftKernels.drift(columns.xView, columns.yView, columns.vxView, columns.vyView, AGENTS);
        }
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(DriftExpectations.x(i, SWEEPS), columns.x.getDouble(i << 3));
            assertEquals(DriftExpectations.y(i, SWEEPS), columns.yView.get(i));
        }
        columns.tearDown();
    }

    @Test
    void shouldAlignColumnsWithinAllocations()
    {
        final ByteBuffer allocation = DirectColumns.allocateColumn(10);
        final ByteBuffer column = DirectColumns.alignedColumn(allocation, 10);
        assertEquals(0, BufferUtil.address(column) & 63);
        assertEquals(80, column.capacity());
        BufferUtil.free(allocation);
    }
}
