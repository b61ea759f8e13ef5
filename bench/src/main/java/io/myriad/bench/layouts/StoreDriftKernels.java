package io.myriad.bench.layouts;

import io.myriad.layouts.Addressing;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The drift kernel over an {@link AgentStore} whose schema starts with x, y, vx, vy: the agent types it runs on,
 * filling a store with the workload's initial values, and the kernel through the store's buffers and at raw
 * addresses, SoA-only and through the generic addressing rule any layout reduces to, in place and synchronously.
 * {@link LayoutBenchmark} compares the layouts with them; {@link ColumnAccessBenchmark} sets the SoA one beside
 * bare columns.
 * <p>
 * Every loop copies what it needs into final locals first, as generated flyweights and systems do.
 */
final class StoreDriftKernels
{
    /** Just the four columns the kernel touches, none double buffered: slots 0 to 3 are x, y, vx, vy. */
    static final Schema DRIFTER = Schema.builder("Drifter")
        .field("x", FieldType.DOUBLE)
        .field("y", FieldType.DOUBLE)
        .field("vx", FieldType.DOUBLE)
        .field("vy", FieldType.DOUBLE)
        .build();

    /**
     * A plausible moving agent, 56 bytes in all: double-buffered position (so an update may read other agents'
     * positions), velocity, and two fields the kernels never touch, so that layouts which interleave an
     * agent's fields pay for moving them. 56 bytes keeps 32M agents within one 2 GiB region in AoS and AoSoA.
     */
    static final Schema MOVER = Schema.builder("Mover")
        .field("x", FieldType.DOUBLE, true)
        .field("y", FieldType.DOUBLE, true)
        .field("vx", FieldType.DOUBLE)
        .field("vy", FieldType.DOUBLE)
        .field("energy", FieldType.FLOAT)
        .field("age", FieldType.INT)
        .build();

    private static final double DT = DriftWorkload.DT;
    private static final int X = 0;
    private static final int Y = 1;
    private static final int VX = 2;
    private static final int VY = 3;

    private StoreDriftKernels()
    {
    }

    /**
     * SoA through the store with each column's base and stride hoisted: {@code base + i * stride}.
     */
    static void driftSoa(final AgentStore store, final int count)
    {
        final Addressing addressing = store.addressing();
        final UnsafeBuffer x = store.buffer(X);
        final UnsafeBuffer y = store.buffer(Y);
        final UnsafeBuffer vx = store.buffer(VX);
        final UnsafeBuffer vy = store.buffer(VY);
        final int xBase = store.offset(X, 0);
        final int yBase = store.offset(Y, 0);
        final int vxBase = store.offset(VX, 0);
        final int vyBase = store.offset(VY, 0);
        final int xStride = addressing.elementStride(X);
        final int yStride = addressing.elementStride(Y);
        final int vxStride = addressing.elementStride(VX);
        final int vyStride = addressing.elementStride(VY);
        for (int i = 0; i < count; i++)
        {
            final int xOffset = xBase + i * xStride;
            final int yOffset = yBase + i * yStride;
            x.putDouble(xOffset, x.getDouble(xOffset) + vx.getDouble(vxBase + i * vxStride) * DT);
            y.putDouble(yOffset, y.getDouble(yOffset) + vy.getDouble(vyBase + i * vyStride) * DT);
        }
    }

    /**
     * Drift in place on the current copies, any layout, through the generic addressing rule
     * {@code base + (i >>> blockShift) * blockStride + (i & blockMask) * stride} with every constant hoisted.
     */
    static void driftGeneric(final AgentStore store, final int count)
    {
        final Addressing addressing = store.addressing();
        final int xSlot = store.currentSlot(X);
        final int ySlot = store.currentSlot(Y);
        final int vxSlot = store.currentSlot(VX);
        final int vySlot = store.currentSlot(VY);
        final UnsafeBuffer x = store.buffer(xSlot);
        final UnsafeBuffer y = store.buffer(ySlot);
        final UnsafeBuffer vx = store.buffer(vxSlot);
        final UnsafeBuffer vy = store.buffer(vySlot);
        final int xBase = addressing.base(xSlot);
        final int yBase = addressing.base(ySlot);
        final int vxBase = addressing.base(vxSlot);
        final int vyBase = addressing.base(vySlot);
        final int xStride = addressing.elementStride(xSlot);
        final int yStride = addressing.elementStride(ySlot);
        final int vxStride = addressing.elementStride(vxSlot);
        final int vyStride = addressing.elementStride(vySlot);
        final int blockShift = addressing.blockShift();
        final int blockMask = addressing.blockMask();
        final int blockStride = addressing.blockStride();
        for (int i = 0; i < count; i++)
        {
            final int block = (i >>> blockShift) * blockStride;
            final int lane = i & blockMask;
            final int xOffset = xBase + block + lane * xStride;
            final int yOffset = yBase + block + lane * yStride;
            x.putDouble(xOffset, x.getDouble(xOffset) + vx.getDouble(vxBase + block + lane * vxStride) * DT);
            y.putDouble(yOffset, y.getDouble(yOffset) + vy.getDouble(vyBase + block + lane * vyStride) * DT);
        }
    }

    /**
     * Synchronous drift, any layout, generic addressing: reads the current x, y, vx, vy and writes the next
     * x, y, as a system does when other agents may read the positions during the tick. The caller swaps.
     */
    static void driftSynchronousGeneric(final AgentStore store, final int count)
    {
        final Addressing addressing = store.addressing();
        final int xSlot = store.currentSlot(X);
        final int ySlot = store.currentSlot(Y);
        final int vxSlot = store.currentSlot(VX);
        final int vySlot = store.currentSlot(VY);
        final int nextXSlot = store.nextSlot(X);
        final int nextYSlot = store.nextSlot(Y);
        final UnsafeBuffer x = store.buffer(xSlot);
        final UnsafeBuffer y = store.buffer(ySlot);
        final UnsafeBuffer vx = store.buffer(vxSlot);
        final UnsafeBuffer vy = store.buffer(vySlot);
        final UnsafeBuffer nextX = store.buffer(nextXSlot);
        final UnsafeBuffer nextY = store.buffer(nextYSlot);
        final int xBase = addressing.base(xSlot);
        final int yBase = addressing.base(ySlot);
        final int vxBase = addressing.base(vxSlot);
        final int vyBase = addressing.base(vySlot);
        final int nextXBase = addressing.base(nextXSlot);
        final int nextYBase = addressing.base(nextYSlot);
        final int xStride = addressing.elementStride(xSlot);
        final int yStride = addressing.elementStride(ySlot);
        final int vxStride = addressing.elementStride(vxSlot);
        final int vyStride = addressing.elementStride(vySlot);
        final int nextXStride = addressing.elementStride(nextXSlot);
        final int nextYStride = addressing.elementStride(nextYSlot);
        final int blockShift = addressing.blockShift();
        final int blockMask = addressing.blockMask();
        final int blockStride = addressing.blockStride();
        for (int i = 0; i < count; i++)
        {
            final int block = (i >>> blockShift) * blockStride;
            final int lane = i & blockMask;
            nextX.putDouble(
                nextXBase + block + lane * nextXStride,
                x.getDouble(xBase + block + lane * xStride) + vx.getDouble(vxBase + block + lane * vxStride) * DT);
            nextY.putDouble(
                nextYBase + block + lane * nextYStride,
                y.getDouble(yBase + block + lane * yStride) + vy.getDouble(vyBase + block + lane * vyStride) * DT);
        }
    }

    /**
     * {@link #driftGeneric} at raw addresses: each slot's region address hoisted, no base object, no bounds
     * checks. What a flyweight over an off-heap store can compile to.
     */
    static void driftGenericAddress(final AgentStore store, final int count)
    {
        final Addressing addressing = store.addressing();
        final int xSlot = store.currentSlot(X);
        final int ySlot = store.currentSlot(Y);
        final int vxSlot = store.currentSlot(VX);
        final int vySlot = store.currentSlot(VY);
        final long x = store.buffer(xSlot).addressOffset() + addressing.base(xSlot);
        final long y = store.buffer(ySlot).addressOffset() + addressing.base(ySlot);
        final long vx = store.buffer(vxSlot).addressOffset() + addressing.base(vxSlot);
        final long vy = store.buffer(vySlot).addressOffset() + addressing.base(vySlot);
        final int xStride = addressing.elementStride(xSlot);
        final int yStride = addressing.elementStride(ySlot);
        final int vxStride = addressing.elementStride(vxSlot);
        final int vyStride = addressing.elementStride(vySlot);
        final int blockShift = addressing.blockShift();
        final int blockMask = addressing.blockMask();
        final int blockStride = addressing.blockStride();
        for (int i = 0; i < count; i++)
        {
            final int block = (i >>> blockShift) * blockStride;
            final int lane = i & blockMask;
            final long xAddress = x + block + lane * xStride;
            final long yAddress = y + block + lane * yStride;
            final long vxAddress = vx + block + lane * vxStride;
            final long vyAddress = vy + block + lane * vyStride;
            UnsafeApi.putDouble(xAddress, UnsafeApi.getDouble(xAddress) + UnsafeApi.getDouble(vxAddress) * DT);
            UnsafeApi.putDouble(yAddress, UnsafeApi.getDouble(yAddress) + UnsafeApi.getDouble(vyAddress) * DT);
        }
    }

    /**
     * {@link #driftSynchronousGeneric} at raw addresses, as {@link #driftGenericAddress}.
     */
    static void driftSynchronousGenericAddress(final AgentStore store, final int count)
    {
        final Addressing addressing = store.addressing();
        final int xSlot = store.currentSlot(X);
        final int ySlot = store.currentSlot(Y);
        final int vxSlot = store.currentSlot(VX);
        final int vySlot = store.currentSlot(VY);
        final int nextXSlot = store.nextSlot(X);
        final int nextYSlot = store.nextSlot(Y);
        final long x = store.buffer(xSlot).addressOffset() + addressing.base(xSlot);
        final long y = store.buffer(ySlot).addressOffset() + addressing.base(ySlot);
        final long vx = store.buffer(vxSlot).addressOffset() + addressing.base(vxSlot);
        final long vy = store.buffer(vySlot).addressOffset() + addressing.base(vySlot);
        final long nextX = store.buffer(nextXSlot).addressOffset() + addressing.base(nextXSlot);
        final long nextY = store.buffer(nextYSlot).addressOffset() + addressing.base(nextYSlot);
        final int xStride = addressing.elementStride(xSlot);
        final int yStride = addressing.elementStride(ySlot);
        final int vxStride = addressing.elementStride(vxSlot);
        final int vyStride = addressing.elementStride(vySlot);
        final int nextXStride = addressing.elementStride(nextXSlot);
        final int nextYStride = addressing.elementStride(nextYSlot);
        final int blockShift = addressing.blockShift();
        final int blockMask = addressing.blockMask();
        final int blockStride = addressing.blockStride();
        for (int i = 0; i < count; i++)
        {
            final int block = (i >>> blockShift) * blockStride;
            final int lane = i & blockMask;
            final long vxAddress = vx + block + lane * vxStride;
            final long vyAddress = vy + block + lane * vyStride;
            UnsafeApi.putDouble(nextX + block + lane * nextXStride,
                UnsafeApi.getDouble(x + block + lane * xStride) + UnsafeApi.getDouble(vxAddress) * DT);
            UnsafeApi.putDouble(nextY + block + lane * nextYStride,
                UnsafeApi.getDouble(y + block + lane * yStride) + UnsafeApi.getDouble(vyAddress) * DT);
        }
    }

    /**
     * Spawns {@code count} agents into an empty store whose schema starts with x, y, vx, vy, and gives them the
     * initial values in every copy.
     */
    static void spawnAndFill(final AgentStore store, final int count)
    {
        store.spawn(count);
        final Schema schema = store.schema();
        for (int field = X; field <= VY; field++)
        {
            for (int parity = 0; parity < 2; parity++)
            {
                final int slot = schema.currentSlot(field, parity);
                final UnsafeBuffer buffer = store.buffer(slot);
                for (int i = 0; i < count; i++)
                {
                    buffer.putDouble(store.offset(slot, i), initial(field, i));
                }
            }
        }
    }

    /**
     * @param field X, Y, VX or VY.
     * @param i     agent index.
     * @return the value the agent starts with.
     */
    private static double initial(final int field, final int i)
    {
        switch (field)
        {
            case X:
                return DriftWorkload.initialX(i);
            case Y:
                return DriftWorkload.initialY(i);
            case VX:
                return DriftWorkload.initialVx(i);
            case VY:
                return DriftWorkload.initialVy(i);
            default:
                throw new IllegalArgumentException("not a drift field: " + field);
        }
    }
}
