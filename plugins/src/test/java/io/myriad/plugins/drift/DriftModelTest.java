package io.myriad.plugins.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.metrics.AllocationMeter;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.world.AgentType;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;

class DriftModelTest
{
    private static SimulationContext context(final int agents, final long seed, final int workers, final String layout)
    {
        final DriftPlugin plugin = new DriftPlugin();
        return new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, agents, seed, Map.of())))
            .seed(seed)
            .workers(workers)
            .batchSize(1000)
            .layout(Layout.named(layout));
    }

    private static Simulation launch(final int agents, final long seed, final int workers, final String layout)
    {
        return Simulation.launch(context(agents, seed, workers, layout));
    }

    /**
     * The particles' store: the model's one agent type.
     */
    private static AgentStore particles(final Simulation sim)
    {
        final AgentType particles = sim.world().type("particles");
        assertEquals(List.of(particles), sim.model().agentTypes(), "drift declares one type, the particles");
        return sim.world().store(particles);
    }

    @Test
    void shouldMoveEveryParticleByItsVelocityTimesTheStepEachTick()
    {
        try (Simulation sim = launch(10_000, 5, 2, "soa"))
        {
            final ParticleFlyweight particle = new ParticleFlyweight().wrap(particles(sim));
            final int n = particles(sim).liveCount();
            assertEquals(10_000, n);
            final double[] x = new double[n];
            final double[] y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = particle.x(i);
                y[i] = particle.y(i);
            }
            sim.run(3);
            for (int i = 0; i < n; i++)
            {
                double ex = x[i];
                double ey = y[i];
                for (int t = 0; t < 3; t++)
                {
                    ex += particle.vx(i) * 0.1;
                    ey += particle.vy(i) * 0.1;
                }
                assertEquals(ex, particle.x(i), 0.0, "x of particle " + i);
                assertEquals(ey, particle.y(i), 0.0, "y of particle " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "soa", "aos", "aosoa16" })
    void shouldMoveOnlyLiveParticlesOnceSomeAreGone(final String layout)
    {
        try (Simulation sim = launch(3_000, 5, 2, layout))
        {
            for (int i = 0; i < 3_000; i += 3)
            {
                particles(sim).despawn(i);
            }
            assertEquals(2_000, sim.world().liveCount());
            final ParticleFlyweight particle = new ParticleFlyweight().wrap(particles(sim));
            final double[] x = new double[3_000];
            for (int i = 0; i < 3_000; i++)
            {
                x[i] = particle.x(i);
            }
            sim.step();
            for (int i = 0; i < 3_000; i++)
            {
                final double expected = i % 3 == 0 ? x[i] : x[i] + particle.vx(i) * 0.1;
                assertEquals(expected, particle.x(i), 0.0, "x of particle " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 3, 4 })
    void shouldGiveTheSameStateHashOnAnyNumberOfWorkers(final int workers)
    {
        try (Simulation one = launch(25_001, 9, 1, "soa"); Simulation many = launch(25_001, 9, workers, "soa"))
        {
            one.run(10);
            many.run(10);
            assertEquals(one.stateHash(), many.stateHash());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "aos", "aosoa16" })
    void shouldGiveTheSameStateHashInEveryLayout(final String layout)
    {
        try (Simulation soa = launch(4_099, 9, 1, "soa"); Simulation other = launch(4_099, 9, 2, layout))
        {
            soa.run(10);
            other.run(10);
            assertEquals(soa.stateHash(), other.stateHash());
        }
    }

    @Test
    void shouldRunPhasesWithMoreBatchesThanTheConfiguredRingHasSlots()
    {
        final DriftPlugin plugin = new DriftPlugin();
        try (Simulation small = Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, 5_000, 3, Map.of())))
            .seed(3)
            .workers(2)
            .batchSize(7)
            .ringSize(2));
            Simulation reference = launch(5_000, 3, 1, "soa"))
        {
            small.run(3);
            reference.run(3);
            assertEquals(reference.stateHash(), small.stateHash());
        }
    }

    @Test
    void shouldGiveADifferentStateHashForADifferentSeed()
    {
        try (Simulation a = launch(1_000, 1, 1, "soa"); Simulation b = launch(1_000, 2, 1, "soa"))
        {
            a.run(2);
            b.run(2);
            assertNotEquals(a.stateHash(), b.stateHash());
        }
    }

    @Test
    void shouldAllocateNothingPerTickInSteadyState()
    {
        Assumptions.assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count bytes per thread");
        final int warmup = 300;
        final int ticks = 2_000;
        try (Simulation sim = Simulation.launch(context(50_000, 1, 2, "soa").warmupTicks(warmup)))
        {
            sim.run(warmup + ticks);
            final AllocationMeter allocation = sim.allocation();
            assertTrue(allocation.isSupported());
            assertEquals(ticks, allocation.steadySteps(), "every tick after the warm-up is counted");
            // Most ticks allocate nothing at all: anything allocated every tick would put the median at 16 bytes or
            // more, the smallest object.
            assertEquals(0, allocation.medianBytesPerStep(), "median bytes per steady tick; " +
                allocation.stepsThatAllocated() + " of " + ticks + " ticks allocated, " +
                allocation.steadyBytes() + " bytes in all");
            // A few bytes on average remain possible while the JIT is still settling: recompiled code can
            // rematerialise an object that compiled code had scalar-replaced, a few hundred bytes once in a while,
            // not per tick.
            final double perTick = allocation.meanBytesPerStep();
            assertEquals((double)allocation.steadyBytes() / ticks, perTick, 1e-9);
            assertTrue(perTick < 4.0, "bytes allocated per steady tick: " + perTick);
        }
    }
}
