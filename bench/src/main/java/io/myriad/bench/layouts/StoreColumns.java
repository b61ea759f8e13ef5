package io.myriad.bench.layouts;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.SoaLayout;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * An SoA {@link AgentStore} of {@link StoreDriftKernels#DRIFTER}s, x, y, vx and vy, every agent spawned: the
 * kernel's columns as the kernel keeps them.
 */
@State(Scope.Benchmark)
public class StoreColumns extends DriftColumns
{
    AgentStore store;

    void allocate(final int count)
    {
        store = new AgentStore(StoreDriftKernels.DRIFTER, SoaLayout.INSTANCE, count);
        store.spawn(count);
    }

    void fill(final int i, final double x, final double y, final double vx, final double vy)
    {
        store.buffer(0).putDouble(store.offset(0, i), x);
        store.buffer(1).putDouble(store.offset(1, i), y);
        store.buffer(2).putDouble(store.offset(2, i), vx);
        store.buffer(3).putDouble(store.offset(3, i), vy);
    }

    void free()
    {
        store.close();
    }
}
