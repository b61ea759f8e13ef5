package io.myriad.bench.layouts;

import java.nio.ByteBuffer;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DriftKernelsTest
{
    private static final int AGENTS = 1024;
    private static final int SWEEPS = 3;

    private static double expectedX(final int i)
    {
        double x = DriftKernels.initialX(i);
        for (int s = 0; s < SWEEPS; s++)
        {
            x += DriftKernels.initialVx(i) * DriftKernels.DT;
        }
        return x;
    }

    private static double expectedY(final int i)
    {
        double y = DriftKernels.initialY(i);
        for (int s = 0; s < SWEEPS; s++)
        {
            y += DriftKernels.initialVy(i) * DriftKernels.DT;
        }
        return y;
    }

    @Test
    void shouldDriftHeapArrays()
    {
        final ColumnAccessBenchmark.HeapColumns columns = new ColumnAccessBenchmark.HeapColumns();
        columns.agents = AGENTS;
        columns.setUp();
        for (int s = 0; s < SWEEPS; s++)
        {
            DriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        }
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(expectedX(i), columns.x[i]);
            assertEquals(expectedY(i), columns.y[i]);
        }
        columns.tearDown();
    }

    @Test
    void shouldDriftUnsafeBuffersAndAddresses()
    {
        final ColumnAccessBenchmark.BufferColumns columns = new ColumnAccessBenchmark.BufferColumns();
        columns.agents = AGENTS;
        columns.setUp();
        assertEquals(0, columns.x.addressOffset() & 63, "column alignment");
        DriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        DriftKernels.driftHoisted(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        for (int s = 2; s < SWEEPS; s++)
        {
            DriftKernels.drift(
                columns.x.addressOffset(), columns.y.addressOffset(),
                columns.vx.addressOffset(), columns.vy.addressOffset(), AGENTS);
        }
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(expectedX(i), columns.x.getDouble(i << 3));
            assertEquals(expectedY(i), columns.y.getDouble(i << 3));
        }
        columns.tearDown();
    }

    @Test
    void shouldDriftByteAndDoubleBuffers()
    {
        final ColumnAccessBenchmark.NioColumns columns = new ColumnAccessBenchmark.NioColumns();
        columns.agents = AGENTS;
        columns.setUp();
        assertEquals(0, BufferUtil.address(columns.x) & 63, "column alignment");
        DriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, AGENTS);
        for (int s = 1; s < SWEEPS; s++)
        {
            DriftKernels.drift(columns.xView, columns.yView, columns.vxView, columns.vyView, AGENTS);
        }
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(expectedX(i), columns.x.getDouble(i << 3));
            assertEquals(expectedY(i), columns.yView.get(i));
        }
        columns.tearDown();
    }

    @Test
    void shouldDriftSoaStore()
    {
        final ColumnAccessBenchmark.StoreColumns columns = new ColumnAccessBenchmark.StoreColumns();
        columns.agents = AGENTS;
        columns.setUp();
        for (int s = 0; s < SWEEPS; s++)
        {
            DriftKernels.driftSoa(columns.store, AGENTS);
        }
        final AgentStore store = columns.store;
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(expectedX(i), store.buffer(0).getDouble(store.offset(0, i)));
            assertEquals(expectedY(i), store.buffer(1).getDouble(store.offset(1, i)));
        }
        columns.tearDown();
    }

    @ParameterizedTest
    @ValueSource(strings = { "soa", "aosoa16", "aos" })
    void shouldDriftInPlaceAndSynchronouslyInEveryLayout(final String layout)
    {
        shouldDriftInEveryLayout(layout, false);
    }

    @ParameterizedTest
    @ValueSource(strings = { "soa", "aosoa16", "aos" })
    void shouldDriftInPlaceAndSynchronouslyAtRawAddressesInEveryLayout(final String layout)
    {
        shouldDriftInEveryLayout(layout, true);
    }

    private static void shouldDriftInEveryLayout(final String layout, final boolean rawAddress)
    {
        final int agents = 1000;
        try (AgentStore store = new AgentStore(DriftKernels.MOVER, Layout.named(layout), agents))
        {
            DriftKernels.spawnAndFill(store, agents);
            if (rawAddress)
            {
                DriftKernels.driftGenericAddress(store, agents);
            }
            else
            {
                DriftKernels.driftGeneric(store, agents);
            }
            for (int s = 1; s < SWEEPS; s++)
            {
                if (rawAddress)
                {
                    DriftKernels.driftSynchronousGenericAddress(store, agents);
                }
                else
                {
                    DriftKernels.driftSynchronousGeneric(store, agents);
                }
                store.swap();
            }
            final int xSlot = store.currentSlot(0);
            final int ySlot = store.currentSlot(1);
            final UnsafeBuffer x = store.buffer(xSlot);
            final UnsafeBuffer y = store.buffer(ySlot);
            for (int i = 0; i < agents; i++)
            {
                assertEquals(expectedX(i), x.getDouble(store.offset(xSlot, i)), layout);
                assertEquals(expectedY(i), y.getDouble(store.offset(ySlot, i)), layout);
            }
        }
    }

    @Test
    void shouldAlignColumnsWithinAllocations()
    {
        final ByteBuffer allocation = ColumnAccessBenchmark.allocateColumn(10);
        final ByteBuffer column = ColumnAccessBenchmark.alignedColumn(allocation, 10);
        assertEquals(0, BufferUtil.address(column) & 63);
        assertEquals(80, column.capacity());
        BufferUtil.free(allocation);
    }
}
