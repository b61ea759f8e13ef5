package io.myriad.plugins.drift;

import java.util.List;

import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.layouts.Addressing;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Schema;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drift: one phase that moves every particle by its velocity, in place.
 * <p>
 * The sweep walks the store block by block (one block for SoA), so the inner loop is four strided streams with
 * no per-agent address arithmetic beyond an add: the same work as the C kernel it is measured against.
 */
public final class DriftModel implements Model
{
    static final int STREAM_INIT = 1;

    private final int agents;
    private final double dt;
    private final double extent;
    private final double maxSpeed;

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
    }

    /**
     * {@inheritDoc}
     */
    public Schema schema()
    {
        return ParticleSchema.SCHEMA;
    }

    /**
     * {@inheritDoc}
     */
    public int capacity()
    {
        return agents;
    }

    /**
     * {@inheritDoc}
     */
    public void initialise(final AgentStore store, final long seed)
    {
        final long key = CounterRng.key(seed, STREAM_INIT);
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

        public PhaseWorker newWorker(final AgentStore store)
        {
            return new MoveWorker(store, dt);
        }
    }

    private static final class MoveWorker implements PhaseWorker
    {
        private final AgentStore store;
        private final double dt;

        MoveWorker(final AgentStore store, final double dt)
        {
            this.store = store;
            this.dt = dt;
        }

        public void process(final BatchContext batch)
        {
            final AgentStore store = this.store;
            final Addressing addressing = store.addressing();
            final int xSlot = store.currentSlot(ParticleSchema.X);
            final int ySlot = store.currentSlot(ParticleSchema.Y);
            final int vxSlot = store.currentSlot(ParticleSchema.VX);
            final int vySlot = store.currentSlot(ParticleSchema.VY);
            final UnsafeBuffer xs = store.buffer(xSlot);
            final UnsafeBuffer ys = store.buffer(ySlot);
            final UnsafeBuffer vxs = store.buffer(vxSlot);
            final UnsafeBuffer vys = store.buffer(vySlot);
            final int xStride = addressing.elementStride(xSlot);
            final int yStride = addressing.elementStride(ySlot);
            final int vxStride = addressing.elementStride(vxSlot);
            final int vyStride = addressing.elementStride(vySlot);
            final int blockShift = addressing.blockShift();
            final double dt = this.dt;
            final boolean dense = store.isDense();

            final int to = batch.to();
            int i = batch.from();
            while (i < to)
            {
                final int blockEnd = (int)Math.min(to, (((long)i >>> blockShift) + 1) << blockShift);
                int xo = addressing.offset(xSlot, i);
                int yo = addressing.offset(ySlot, i);
                int vxo = addressing.offset(vxSlot, i);
                int vyo = addressing.offset(vySlot, i);
                if (dense)
                {
                    for (; i < blockEnd; i++)
                    {
                        xs.putDouble(xo, xs.getDouble(xo) + vxs.getDouble(vxo) * dt);
                        ys.putDouble(yo, ys.getDouble(yo) + vys.getDouble(vyo) * dt);
                        xo += xStride;
                        yo += yStride;
                        vxo += vxStride;
                        vyo += vyStride;
                    }
                }
                else
                {
                    for (; i < blockEnd; i++)
                    {
                        if (store.isAlive(i))
                        {
                            xs.putDouble(xo, xs.getDouble(xo) + vxs.getDouble(vxo) * dt);
                            ys.putDouble(yo, ys.getDouble(yo) + vys.getDouble(vyo) * dt);
                        }
                        xo += xStride;
                        yo += yStride;
                        vxo += vxStride;
                        vyo += vyStride;
                    }
                }
            }
        }
    }
}
