package io.myriad.bench.layouts;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The drift kernel, {@code x[i] += vx[i] * dt; y[i] += vy[i] * dt}, over four bare columns of doubles, written
 * once per way Java can reach them: heap arrays, Agrona buffers (as they are and with their addressing hoisted),
 * raw addresses, NIO byte and double buffers. {@link ColumnAccessBenchmark} runs each over the matching column
 * setup; {@link StoreDriftKernels} holds the same kernel over an agent store.
 * <p>
 * Every loop copies what it needs into final locals first, as generated flyweights and systems do.
 */
final class ColumnDriftKernels
{
    private static final double DT = DriftWorkload.DT;

    private ColumnDriftKernels()
    {
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
}
