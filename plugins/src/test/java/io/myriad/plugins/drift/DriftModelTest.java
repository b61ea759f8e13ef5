package io.myriad.plugins.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.layouts.Layout;

class DriftModelTest
{
    private static Simulation launch(final int agents, final long seed, final int workers, final String layout)
    {
        final DriftPlugin plugin = new DriftPlugin();
        return Simulation.launch(new Simulation.Context()
            .model(plugin.create(ModelConfig.of(plugin, agents, seed, Map.of())))
            .seed(seed)
            .workers(workers)
            .batchSize(1000)
            .layout(Layout.named(layout)));
    }

    @Test
    void shouldMoveEveryParticleByItsVelocityTimesTheStepEachTick()
    {
        try (Simulation sim = launch(10_000, 5, 2, "soa"))
        {
            final ParticleFlyweight particle = new ParticleFlyweight().wrap(sim.store());
            final int n = sim.store().liveCount();
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
                sim.store().despawn(i);
            }
            final ParticleFlyweight particle = new ParticleFlyweight().wrap(sim.store());
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
        try (Simulation small = Simulation.launch(new Simulation.Context()
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
        // without the counter both readings below are -1: a difference of 0 bytes, which would pass proving nothing
        assumeTrue(ThreadAllocation.isSupported(), "the JVM does not count allocated bytes per thread");
        try (Simulation sim = launch(50_000, 1, 2, "soa"))
        {
            sim.run(300);
            final long before = sim.steadyStateAllocatedBytes();
            final int ticks = 2_000;
            sim.run(ticks);
            final double perTick = (double)(sim.steadyStateAllocatedBytes() - before) / ticks;
            // The smallest object is 16 bytes, so anything allocated every tick would show as 16 or more. Less than
            // that remains possible while the JIT is still settling: recompiled code can rematerialise an object
            // that compiled code had scalar-replaced, a few hundred bytes once in a while, not per tick.
            assertTrue(perTick < 4.0, "bytes allocated per steady tick: " + perTick);
        }
    }
}
