package io.myriad.bench.layouts;

import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link StoreDriftKernels} over an {@link AgentStore} of 56-byte agents ({@link StoreDriftKernels#MOVER}:
 * double-buffered x and y, vx, vy, and a float and an int that no kernel touches) in each {@link Layout},
 * addressed by the generic rule {@code base + (i >>> blockShift) * blockStride + (i & blockMask) * stride} with
 * every constant hoisted into a local, as generated flyweights address fields whatever the layout.
 * <ul>
 *   <li>{@link #drift}: in place on the current copies, read x, y, vx, vy, write x, y: 48 bytes of useful
 *   traffic per agent in SoA; AoS moves whole 56-byte records in and out.</li>
 *   <li>{@link #readFourWriteTwo}: the synchronous form a tick uses when other agents read positions: read
 *   the current x, y, vx, vy, write the next x, y, then swap. The written lines are not the read ones, so a
 *   cache-resident sweep costs the same and a DRAM sweep pays a read-for-ownership on the writes.</li>
 * </ul>
 * Each runs with {@code access = buffer} (Agrona {@code UnsafeBuffer} accessors) and {@code access = address}
 * (raw {@code Unsafe} at hoisted region addresses), so that the layouts compare without the buffers' overhead.
 * Scores are agent updates per second ({@link DriftWorkload#UPDATES_PER_INVOCATION} per invocation). Agrona's
 * bounds checks are on, as in the default build; {@link ColumnAccessBenchmark} measures what they cost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DriftWorkload.UPDATES_PER_INVOCATION)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class LayoutBenchmark extends JvmFlags
{
    /** Layout name as {@link Layout#named(String)} takes it. */
    @Param({ "soa", "aosoa16", "aos" })
    public String layout;

    /** Agents per sweep. */
    @Param({ "1048576", "33554432" })
    public int agents;

    /**
     * {@code buffer}: {@code UnsafeBuffer.getDouble/putDouble} at the computed offsets, as a flyweight over
     * the store's buffers does. {@code address}: {@code Unsafe} at each region's address plus the offset, no
     * base object and no bounds checks.
     */
    @Param({ "buffer", "address" })
    public String access;

    private AgentStore store;
    private int sweeps;
    private boolean rawAddress;

    /**
     * Allocates the store, spawns the agents and gives them their initial values.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        sweeps = DriftWorkload.sweepsPerInvocation(agents);
        if (!"buffer".equals(access) && !"address".equals(access))
        {
            throw new IllegalArgumentException("access must be buffer or address: " + access);
        }
        rawAddress = "address".equals(access);
        store = new AgentStore(StoreDriftKernels.MOVER, Layout.named(layout), agents);
        StoreDriftKernels.spawnAndFill(store, agents);
    }

    /**
     * Frees the store.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        store.close();
    }

    /**
     * Drift in place, {@code 2^25 / agents} sweeps.
     */
    @Benchmark
    public void drift()
    {
        final AgentStore store = this.store;
        final int agents = this.agents;
        if (rawAddress)
        {
            for (int s = sweeps; s > 0; s--)
            {
                StoreDriftKernels.driftGenericAddress(store, agents);
            }
        }
        else
        {
            for (int s = sweeps; s > 0; s--)
            {
                StoreDriftKernels.driftGeneric(store, agents);
            }
        }
    }

    /**
     * Synchronous drift, {@code 2^25 / agents} ticks, each a sweep and a swap.
     */
    @Benchmark
    public void readFourWriteTwo()
    {
        final AgentStore store = this.store;
        final int agents = this.agents;
        if (rawAddress)
        {
            for (int s = sweeps; s > 0; s--)
            {
                StoreDriftKernels.driftSynchronousGenericAddress(store, agents);
                store.swap();
            }
        }
        else
        {
            for (int s = sweeps; s > 0; s--)
            {
                StoreDriftKernels.driftSynchronousGeneric(store, agents);
                store.swap();
            }
        }
    }
}
