package io.myriad.bench.layouts;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreDriftKernelsTest
{
    private static final int AGENTS = 1024;
    private static final int SWEEPS = 3;

    @Test
    void shouldDriftSoaStore()
    {
        final StoreColumns columns = new StoreColumns();
        columns.agents = AGENTS;
        columns.setUp();
        for (int s = 0; s < SWEEPS; s++)
        {
            StoreDriftKernels.driftSoa(columns.store, AGENTS);
        }
        final AgentStore store = columns.store;
        for (int i = 0; i < AGENTS; i++)
        {
            assertEquals(DriftExpectations.x(i, SWEEPS), store.buffer(0).getDouble(store.offset(0, i)));
            assertEquals(DriftExpectations.y(i, SWEEPS), store.buffer(1).getDouble(store.offset(1, i)));
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
        try (AgentStore store = new AgentStore(StoreDriftKernels.MOVER, Layout.named(layout), agents))
        {
            StoreDriftKernels.spawnAndFill(store, agents);
            if (rawAddress)
            {
                StoreDriftKernels.driftGenericAddress(store, agents);
            }
            else
            {
                StoreDriftKernels.driftGeneric(store, agents);
            }
            for (int s = 1; s < SWEEPS; s++)
            {
                if (rawAddress)
                {
                    StoreDriftKernels.driftSynchronousGenericAddress(store, agents);
                }
                else
                {
                    StoreDriftKernels.driftSynchronousGeneric(store, agents);
                }
                store.swap();
            }
            final int xSlot = store.currentSlot(0);
            final int ySlot = store.currentSlot(1);
            final UnsafeBuffer x = store.buffer(xSlot);
            final UnsafeBuffer y = store.buffer(ySlot);
            for (int i = 0; i < agents; i++)
            {
                assertEquals(DriftExpectations.x(i, SWEEPS), x.getDouble(store.offset(xSlot, i)), layout);
                assertEquals(DriftExpectations.y(i, SWEEPS), y.getDouble(store.offset(ySlot, i)), layout);
            }
        }
    }
}
