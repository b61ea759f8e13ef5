package io.myriad.plugins.drift;

import java.util.List;

import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.Addressing;
import io.myriad.layouts.AgentStore;

import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drift: one phase that moves every particle by its velocity, in place.
 * <p>
 * The sweep walks the store block by block (one block for SoA), so the inner loop is four strided streams with
 * no per-agent address arithmetic beyond an add: the same work as the C kernel it is measured against. It is
 * written by hand against Unsafe because the generated flyweight's accessors are still about twice as slow on this
 * loop ({@code DriftAccessorBenchmark} measures both).
 */
public final class DriftModel implements Model
{
    static final int STREAM_INIT = 1;

    private final int agents;
    private final double dt;
    private final double extent;
    private final double maxSpeed;
    private final AgentType particles;

    /**
     * @param agents   number of particles.
     * @param dt       time step.
     * @param extent   initial positions are uniform in {@code [0, extent)^2}.
     * @param maxSpeed initial velocity components are uniform in {@code [-maxSpeed, maxSpeed]}.
     */
    public DriftModel(final int agents, final double dt, final double extent, final double maxSpeed)
    {
        this.agents = agents;
        this.dt = dt;
        this.extent = extent;
        this.maxSpeed = maxSpeed;
        this.particles = AgentType.of("particles", ParticleSchema.SCHEMA, agents);
    }

    /**
     * {@inheritDoc}
     */
    public List<AgentType> agentTypes()
    {
        return List.of(particles);
    }

    /**
     * {@inheritDoc}
     */
    public void initialise(final World world)
    {
        final AgentStore store = world.store(particles);
        final long key = CounterRng.key(world.seed(), STREAM_INIT);
        final ParticleFlyweight particle = new ParticleFlyweight().wrap(store);
        store.spawn(agents);
        for (int i = 0; i < agents; i++)
        {
            particle.x(i, extent * CounterRng.uniform(key, 0, i, 0));
            particle.y(i, extent * CounterRng.uniform(key, 0, i, 1));
            particle.vx(i, maxSpeed * (2.0 * CounterRng.uniform(key, 0, i, 2) - 1.0));
            particle.vy(i, maxSpeed * (2.0 * CounterRng.uniform(key, 0, i, 3) - 1.0));
        }
    }

    /**
     * Where the particles are on average, and how far they spread along x.
     */
    public List<Metric> metrics()
    {
        return List.of(
            Metric.mean("x_mean", particles, ParticleSchema.X),
            Metric.mean("y_mean", particles, ParticleSchema.Y),
            Metric.min("x_min", particles, ParticleSchema.X),
            Metric.max("x_max", particles, ParticleSchema.X));
    }

    /**
     * {@inheritDoc}
     */
    public List<Phase> phases()
    {
        return List.of(new Move());
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "drift(" + agents + " particles, dt " + dt + ")";
    }

    private final class Move implements Phase
    {
        public String name()
        {
            return "move";
        }

        public AgentType sweeps()
        {
            return particles;
        }

        public PhaseWorker newWorker(final World world)
        {
            return (batch) -> move(batch.store(), batch.from(), batch.to(), dt);
        }
    }

    /**
     * The drift sweep over agents {@code [from, to)}: what every batch runs, public so that
     * {@code DriftAccessorBenchmark} measures exactly this loop against the same sweep through generated accessors.
     * It reads and writes through Unsafe at addresses computed once per block, with the buffers' base object and
     * address hoisted into locals: through {@code UnsafeBuffer.getDouble} each access re-reads the buffer's fields
     * and bounds-checks, which halves the speed of a loop this simple (see {@code ColumnAccessBenchmark}). The
     * addresses stay within the store's regions because every index is below the high-water mark.
     *
     * @param store the particles.
     * @param from  first agent, inclusive.
     * @param to    last agent, exclusive.
     * @param dt    the time step.
     */
    public static void move(final AgentStore store, final int from, final int to, final double dt)
    {
        final Addressing addressing = store.addressing();
        final int xSlot = store.currentSlot(ParticleSchema.X);
        final int ySlot = store.currentSlot(ParticleSchema.Y);
        final int vxSlot = store.currentSlot(ParticleSchema.VX);
        final int vySlot = store.currentSlot(ParticleSchema.VY);
        final UnsafeBuffer xs = store.buffer(xSlot);
        final UnsafeBuffer ys = store.buffer(ySlot);
        final UnsafeBuffer vxs = store.buffer(vxSlot);
        final UnsafeBuffer vys = store.buffer(vySlot);
        final byte[] xBase = xs.byteArray();
        final byte[] yBase = ys.byteArray();
        final byte[] vxBase = vxs.byteArray();
        final byte[] vyBase = vys.byteArray();
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
            final long x = xs.addressOffset() + addressing.offset(xSlot, i);
            final long y = ys.addressOffset() + addressing.offset(ySlot, i);
            final long vx = vxs.addressOffset() + addressing.offset(vxSlot, i);
            final long vy = vys.addressOffset() + addressing.offset(vySlot, i);
            final int n = blockEnd - i;
            if (dense && xStride == Double.BYTES && yStride == Double.BYTES && vxStride == Double.BYTES &&
                vyStride == Double.BYTES)
            {
                // SoA: every column is contiguous, so one shifted index addresses them all
                for (int k = 0; k < n; k++)
                {
                    final long offset = (long)k << 3;
                    UnsafeApi.putDouble(xBase, x + offset,
                        UnsafeApi.getDouble(xBase, x + offset) + UnsafeApi.getDouble(vxBase, vx + offset) * dt);
                    UnsafeApi.putDouble(yBase, y + offset,
                        UnsafeApi.getDouble(yBase, y + offset) + UnsafeApi.getDouble(vyBase, vy + offset) * dt);
                }
            }
            else
            {
                // other layouts, or agents missing: the JIT unswitches the loop on the invariant `dense`
                for (int k = 0; k < n; k++)
                {
                    if (dense || store.isAlive(i + k))
                    {
                        final long xk = x + k * xStride;
                        final long yk = y + k * yStride;
                        UnsafeApi.putDouble(xBase, xk,
                            UnsafeApi.getDouble(xBase, xk) + UnsafeApi.getDouble(vxBase, vx + k * vxStride) * dt);
                        UnsafeApi.putDouble(yBase, yk,
                            UnsafeApi.getDouble(yBase, yk) + UnsafeApi.getDouble(vyBase, vy + k * vyStride) * dt);
                    }
                }
            }
            i = blockEnd;
        }
    }
}
