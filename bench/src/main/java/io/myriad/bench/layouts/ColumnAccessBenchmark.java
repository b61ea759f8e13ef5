package io.myriad.bench.layouts;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.layouts.AgentStore;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The drift kernel, {@code x[i] += vx[i] * dt; y[i] += vy[i] * dt} over N agents in place, through each way
 * Java can reach a column of doubles. Scores are agent updates per second: every invocation performs
 * {@link DriftWorkload#UPDATES_PER_INVOCATION} updates (N agents, {@code 2^25 / N} sweeps). Each variant takes
 * its own state, a {@link DriftColumns} subclass, so a fork allocates only its own four columns; the loops are
 * {@link ColumnDriftKernels}' and, for the store, {@link StoreDriftKernels}'.
 * <ul>
 *   <li>{@link #heapArrays}: {@code double[]}. C2 eliminates the range checks and auto-vectorises the loop
 *   (SuperWord), the best Java can do; the reference for the others.</li>
 *   <li>{@link #unsafeBuffer}: Agrona {@link UnsafeBuffer} per column over 64-byte-aligned direct memory,
 *   {@code getDouble(i << 3)}, bounds checks on (Agrona's default). Shows the cost of the buffer's
 *   {@code byteArray + addressOffset} addressing (the base object is unknown to C2, so it cannot prove the
 *   access off-heap) and of the bounds checks.</li>
 *   <li>{@link #unsafeBufferNoBoundsChecks}: the same code in a fork started with
 *   {@code -Dagrona.disable.bounds.checks=true}, which makes {@code UnsafeBuffer.SHOULD_BOUNDS_CHECK} a false
 *   {@code static final} and removes the checks at JIT time.</li>
 *   <li>{@link #unsafeBufferHoisted}: the buffer's own {@code Unsafe} access with its {@code byteArray} and
 *   {@code addressOffset} copied into locals before the loop. {@code UnsafeBuffer.getDouble} re-reads both
 *   fields on every call, and after an {@code Unsafe} store to an unknown base C2 cannot reuse them: this
 *   variant shows what that re-reading costs, and what remains of the unknown base.</li>
 *   <li>{@link #unsafeAddress}: raw {@code Unsafe} at absolute addresses (Agrona's {@code UnsafeApi}, no base
 *   object, no checks): what {@code UnsafeBuffer} would cost with nothing on top.</li>
 *   <li>{@link #byteBuffer}: direct {@link ByteBuffer}, native order, absolute {@code getDouble}/{@code
 *   putDouble}: the JDK's own checked off-heap access.</li>
 *   <li>{@link #doubleBuffer}: {@link DoubleBuffer} views of the same kind of memory, indexed by element.</li>
 *   <li>{@link #agentStore}: an SoA {@link AgentStore} through {@code buffer(slot)} and {@code offset(slot, i)},
 *   base and stride hoisted into locals ({@code base + i * stride}); {@link #agentStoreNoBoundsChecks} without
 *   Agrona's bounds checks.</li>
 * </ul>
 * N = 1024 fits L1 (32 KiB of columns): compute and code quality. N = 1M (32 MiB) is about the size of the L3.
 * N = 32M (1 GiB) streams from DRAM: bandwidth, 48 bytes per update (read x, y, vx, vy; write x, y).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DriftWorkload.UPDATES_PER_INVOCATION)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ColumnAccessBenchmark extends JvmFlags
{
    private static final String NO_BOUNDS_CHECKS = "-D" + DirectBuffer.DISABLE_BOUNDS_CHECKS_PROP_NAME + "=true";

    /**
     * @param columns four {@code double[]}.
     */
    @Benchmark
    public void heapArrays(final HeapColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, agents);
        }
    }

    /**
     * @param columns four {@link UnsafeBuffer}s, bounds checked.
     */
    @Benchmark
    public void unsafeBuffer(final BufferColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, agents);
        }
    }

    /**
     * @param columns four {@link UnsafeBuffer}s, in a fork without Agrona's bounds checks.
     */
    @Benchmark
    @Fork(jvmArgsPrepend = NO_BOUNDS_CHECKS)
    public void unsafeBufferNoBoundsChecks(final BufferColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, agents);
        }
    }

    /**
     * @param columns four {@link UnsafeBuffer}s, their base object and address copied into locals before the loop.
     */
    @Benchmark
    public void unsafeBufferHoisted(final BufferColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.driftHoisted(columns.x, columns.y, columns.vx, columns.vy, agents);
        }
    }

    /**
     * @param columns four {@link UnsafeBuffer}s, used only for their addresses.
     */
    @Benchmark
    public void unsafeAddress(final BufferColumns columns)
    {
        final int agents = columns.agents;
        final long x = columns.x.addressOffset();
        final long y = columns.y.addressOffset();
        final long vx = columns.vx.addressOffset();
        final long vy = columns.vy.addressOffset();
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.drift(x, y, vx, vy, agents);
        }
    }

    /**
     * @param columns four direct {@link ByteBuffer}s.
     */
    @Benchmark
    public void byteBuffer(final NioColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.drift(columns.x, columns.y, columns.vx, columns.vy, agents);
        }
    }

    /**
     * @param columns four {@link DoubleBuffer} views of direct memory.
     */
    @Benchmark
    public void doubleBuffer(final NioColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            ColumnDriftKernels.drift(columns.xView, columns.yView, columns.vxView, columns.vyView, agents);
        }
    }

    /**
     * @param columns an SoA agent store.
     */
    @Benchmark
    public void agentStore(final StoreColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            StoreDriftKernels.driftSoa(columns.store, agents);
        }
    }

    /**
     * @param columns an SoA agent store, in a fork without Agrona's bounds checks.
     */
    @Benchmark
    @Fork(jvmArgsPrepend = NO_BOUNDS_CHECKS)
    public void agentStoreNoBoundsChecks(final StoreColumns columns)
    {
        final int agents = columns.agents;
        for (int s = columns.sweeps; s > 0; s--)
        {
            StoreDriftKernels.driftSoa(columns.store, agents);
        }
    }
}
