package io.myriad.bench.models;

import java.util.concurrent.TimeUnit;

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
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;
import io.myriad.plugins.drift.DriftModel;
import io.myriad.plugins.drift.ParticleFlyweight;
import io.myriad.plugins.drift.ParticleSchema;

/**
 * Drift's sweep through the generated {@code ParticleFlyweight} against the same sweep written by hand against
 * Unsafe, as {@link DriftModel#move} runs it: the measure of whether the generated
 * accessors are fast enough that no model needs to hand-write {@code Unsafe}. Both sweep the same store of particles
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
        throughFlyweight(particle.wrapIfStale(store), store, 0, agents, DT);
    }

    /**
     * The reference.
     */
    @Benchmark
    public void handWritten()
    {
        DriftModel.move(store, 0, agents, DT);
    }

    /**
     * Drift's sweep through the generated flyweight, as a model would write it.
     *
     * @param particle a flyweight wrapped around the store.
     * @param store    the particles.
     * @param from     first agent, inclusive.
     * @param to       last agent, exclusive.
     * @param dt       the time step.
     */
    static void throughFlyweight(
        final ParticleFlyweight particle, final AgentStore store, final int from, final int to, final double dt)
    {
        final boolean dense = store.isDense();
        for (int i = from; i < to; i++)
        {
            if (dense || store.isAlive(i))
            {
                particle.x(i, particle.x(i) + particle.vx(i) * dt);
                particle.y(i, particle.y(i) + particle.vy(i) * dt);
            }
        }
    }
}
