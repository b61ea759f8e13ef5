package io.myriad.bench.models;

import java.util.concurrent.TimeUnit;

import org.agrona.UnsafeApi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.myriad.bench.JvmFlags;
import io.myriad.layouts.Addressing;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;
import io.myriad.plugins.drift.DriftModel;
import io.myriad.plugins.drift.ParticleFlyweight;
import io.myriad.plugins.drift.ParticleSchema;

/**
 * Drift's sweep through the generated {@code ParticleFlyweight}, as {@link DriftModel#move} runs it in every batch,
 * against the same sweep written by hand against Unsafe: the measure of whether the generated accessors are fast
 * enough that no model needs to hand-write {@code Unsafe}. Both sweep the same store of particles
 * in place, on one thread, so the difference is the accessors alone; the score is the time of one sweep.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class DriftAccessorBenchmark extends JvmFlags
{
    private static final double DT = 0.1;

    /** Number of particles. */
    @Param({ "1048576", "33554432" })
    public int agents;

    /** Memory layout of the store. */
    @Param({ "soa", "aosoa16" })
    public String layout;

    private AgentStore store;
    private final ParticleFlyweight particle = new ParticleFlyweight();

    /**
     * Fills the store.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        store = new AgentStore(ParticleSchema.SCHEMA, Layout.named(layout), agents);
        store.spawn(agents);
        particle.wrap(store);
        for (int i = 0; i < agents; i++)
        {
            particle.x(i, i);
            particle.y(i, -i);
            particle.vx(i, 1e-3 * (i & 1023));
            particle.vy(i, -1e-3 * (i & 511));
        }
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
     * @return the particles.
     */
    AgentStore store()
    {
        return store;
    }

    /**
     * The model's sweep.
     */
    @Benchmark
    public void generatedAccessors()
    {
        DriftModel.move(particle.wrapIfStale(store), store, 0, agents, DT);
    }

    /**
     * The reference.
     */
    @Benchmark
    public void handWritten()
    {
        byHand(store, 0, agents, DT);
    }

    /**
     * Drift's sweep written by hand against Unsafe: the store is walked block by block (one block for SoA) with every
     * base address computed once a block and held in a local, so the inner loop is four strided streams with no
     * per-agent address arithmetic beyond an add, the same work as the C kernel of {@code drift-vs-c.sh}.
     *
     * @param store the particles.
     * @param from  first agent, inclusive.
     * @param to    last agent, exclusive.
     * @param dt    the time step.
     */
    static void byHand(final AgentStore store, final int from, final int to, final double dt)
    {
        final Addressing addressing = store.addressing();
        final int xSlot = store.currentSlot(ParticleSchema.X);
        final int ySlot = store.currentSlot(ParticleSchema.Y);
        final int vxSlot = store.currentSlot(ParticleSchema.VX);
        final int vySlot = store.currentSlot(ParticleSchema.VY);
        final long xRegion = store.buffer(xSlot).addressOffset();
        final long yRegion = store.buffer(ySlot).addressOffset();
        final long vxRegion = store.buffer(vxSlot).addressOffset();
        final long vyRegion = store.buffer(vySlot).addressOffset();
        final long xStride = addressing.elementStride(xSlot);
        final long yStride = addressing.elementStride(ySlot);
        final long vxStride = addressing.elementStride(vxSlot);
        final long vyStride = addressing.elementStride(vySlot);
        final int blockShift = addressing.blockShift();
        final boolean dense = store.isDense();

        int i = from;
        while (i < to)
        {
            final int blockEnd = (int)Math.min(to, (((long)i >>> blockShift) + 1) << blockShift);
            final long x = xRegion + addressing.offset(xSlot, i);
            final long y = yRegion + addressing.offset(ySlot, i);
            final long vx = vxRegion + addressing.offset(vxSlot, i);
            final long vy = vyRegion + addressing.offset(vySlot, i);
            final int n = blockEnd - i;
            if (dense && xStride == Double.BYTES && yStride == Double.BYTES && vxStride == Double.BYTES &&
                vyStride == Double.BYTES)
            {
                // SoA: every column is contiguous, so one shifted index addresses them all
                for (int k = 0; k < n; k++)
                {
                    final long offset = (long)k << 3;
                    UnsafeApi.putDouble(x + offset,
                        UnsafeApi.getDouble(x + offset) + UnsafeApi.getDouble(vx + offset) * dt);
                    UnsafeApi.putDouble(y + offset,
                        UnsafeApi.getDouble(y + offset) + UnsafeApi.getDouble(vy + offset) * dt);
                }
            }
            else
            {
                for (int k = 0; k < n; k++)
                {
                    if (dense || store.isAlive(i + k))
                    {
                        final long xk = x + k * xStride;
                        final long yk = y + k * yStride;
                        UnsafeApi.putDouble(xk,
                            UnsafeApi.getDouble(xk) + UnsafeApi.getDouble(vx + k * vxStride) * dt);
                        UnsafeApi.putDouble(yk,
                            UnsafeApi.getDouble(yk) + UnsafeApi.getDouble(vy + k * vyStride) * dt);
                    }
                }
            }
            i = blockEnd;
        }
    }
}
