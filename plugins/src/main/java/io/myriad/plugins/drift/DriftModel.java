package io.myriad.plugins.drift;

import java.util.List;

import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Drift: one phase that moves every particle by its velocity, in place.
 * <p>
 * The sweep goes through the generated {@link ParticleFlyweight}, as any model's would: {@code DriftAccessorBenchmark}
 * measures it against the same loop written by hand against Unsafe, and {@code bench/scripts/drift-vs-c.sh} against
 * the C kernel.
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
            final ParticleFlyweight particle = new ParticleFlyweight();
            return (batch) -> move(particle.wrapIfStale(batch.store()), batch.store(), batch.from(), batch.to(), dt);
        }
    }

    /**
     * The drift sweep over agents {@code [from, to)}: what every batch runs, public so that
     * {@code DriftAccessorBenchmark} measures exactly this loop against the same sweep written by hand against Unsafe.
     *
     * @param particle a flyweight wrapped around the store as it is now.
     * @param store    the particles.
     * @param from     first agent, inclusive.
     * @param to       last agent, exclusive.
     * @param dt       the time step.
     */
    public static void move(
        final ParticleFlyweight particle, final AgentStore store, final int from, final int to, final double dt)
    {
        if (store.isDense())
        {
            for (int i = from; i < to; i++)
            {
                particle.x(i, particle.x(i) + particle.vx(i) * dt);
                particle.y(i, particle.y(i) + particle.vy(i) * dt);
            }
        }
        else
        {
            for (int i = store.nextAlive(from); i < to; i = store.nextAlive(i + 1))
            {
                particle.x(i, particle.x(i) + particle.vx(i) * dt);
                particle.y(i, particle.y(i) + particle.vy(i) * dt);
            }
        }
    }
}
