package io.myriad.bench.layouts;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

import io.myriad.layouts.Addressing;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The drift kernel, {@code x[i] += vx[i] * dt; y[i] += vy[i] * dt}, written once per way of reaching the
 * columns, plus the initial values every variant starts from. Shared by the benchmarks and their tests so
 * that what is measured is what is checked.
 * <p>
 * Every loop copies what it needs into final locals first, as generated flyweights and systems do.
 */
final class DriftKernels
{
    /** Time step of one tick. */
    static final double DT = 0.1;

    /**
     * Agent updates per benchmark invocation whatever the agent count: an invocation sweeps the columns
     * {@code UPDATES_PER_INVOCATION / agents} times, so {@code @OperationsPerInvocation} is a constant and the
     * reported ops/s are agent updates per second.
     */
    static final int UPDATES_PER_INVOCATION = 1 << 25;

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

    private static final int X = 0;
    private static final int Y = 1;
    private static final int VX = 2;
    private static final int VY = 3;

    private DriftKernels()
    {
    }

    /**
     * @param agents agents per sweep, a power of two no greater than {@link #UPDATES_PER_INVOCATION}.
     * @return sweeps per invocation.
     */
    static int sweepsPerInvocation(final int agents)
    {
        if (agents < 1 || agents > UPDATES_PER_INVOCATION || Integer.bitCount(agents) != 1)
        {
            throw new IllegalArgumentException(
                "agents must be a power of two from 1 to " + UPDATES_PER_INVOCATION + ": " + agents);
        }
        return UPDATES_PER_INVOCATION / agents;
    }

    static double initialX(final int i)
    {
        return i * 0.5;
    }

    static double initialY(final int i)
    {
        return -i * 0.25;
    }

    static double initialVx(final int i)
    {
        return ((i % 17) - 8) * 0.125;
    }

    static double initialVy(final int i)
    {
        return ((i % 13) - 6) * 0.25;
    }

    static void drift(final double[] x, final double[] y, final double[] vx, final double[] vy, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            x[i] += vx[i] * DT;
            y[i] += vy[i] * DT;
        }
    }

    static void drift(
        final UnsafeBuffer x, final UnsafeBuffer y, final UnsafeBuffer vx, final UnsafeBuffer vy, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final int offset = i << 3;
            x.putDouble(offset, x.getDouble(offset) + vx.getDouble(offset) * DT);
            y.putDouble(offset, y.getDouble(offset) + vy.getDouble(offset) * DT);
        }
    }

    /**
     * {@link UnsafeBuffer}'s own addressing, {@code byteArray + addressOffset + index}, with both copied into
     * locals once. Separates the cost of re-reading the buffers' fields inside the loop (C2 cannot prove that an
     * {@code Unsafe} store to an unknown base leaves them unchanged) from that of the unknown base itself.
     */
    static void driftHoisted(
        final UnsafeBuffer x, final UnsafeBuffer y, final UnsafeBuffer vx, final UnsafeBuffer vy, final int count)
    {
        final byte[] xArray = x.byteArray();
        final byte[] yArray = y.byteArray();
        final byte[] vxArray = vx.byteArray();
        final byte[] vyArray = vy.byteArray();
        final long xAddress = x.addressOffset();
        final long yAddress = y.addressOffset();
        final long vxAddress = vx.addressOffset();
        final long vyAddress = vy.addressOffset();
        for (int i = 0; i < count; i++)
        {
            final long offset = (long)i << 3;
            UnsafeApi.putDouble(xArray, xAddress + offset,
                UnsafeApi.getDouble(xArray, xAddress + offset) + UnsafeApi.getDouble(vxArray, vxAddress + offset) * DT);
            UnsafeApi.putDouble(yArray, yAddress + offset,
                UnsafeApi.getDouble(yArray, yAddress + offset) + UnsafeApi.getDouble(vyArray, vyAddress + offset) * DT);
        }
    }

    static void drift(final long x, final long y, final long vx, final long vy, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final long offset = (long)i << 3;
            UnsafeApi.putDouble(x + offset, UnsafeApi.getDouble(x + offset) + UnsafeApi.getDouble(vx + offset) * DT);
            UnsafeApi.putDouble(y + offset, UnsafeApi.getDouble(y + offset) + UnsafeApi.getDouble(vy + offset) * DT);
        }
    }

    static void drift(
        final ByteBuffer x, final ByteBuffer y, final ByteBuffer vx, final ByteBuffer vy, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final int offset = i << 3;
            x.putDouble(offset, x.getDouble(offset) + vx.getDouble(offset) * DT);
            y.putDouble(offset, y.getDouble(offset) + vy.getDouble(offset) * DT);
        }
    }

    static void drift(
        final DoubleBuffer x, final DoubleBuffer y, final DoubleBuffer vx, final DoubleBuffer vy, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            x.put(i, x.get(i) + vx.get(i) * DT);
            y.put(i, y.get(i) + vy.get(i) * DT);
        }
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
    static double initial(final int field, final int i)
    {
        switch (field)
        {
            case X:
                return initialX(i);
            case Y:
                return initialY(i);
            case VX:
                return initialVx(i);
            case VY:
                return initialVy(i);
            default:
                throw new IllegalArgumentException("not a drift field: " + field);
        }
    }
}
