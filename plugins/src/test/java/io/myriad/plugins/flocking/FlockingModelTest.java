package io.myriad.plugins.flocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.metrics.AllocationMeter;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;

class FlockingModelTest
{
    private static final DirectBuffer NO_DATA = new UnsafeBuffer(new byte[0]);

    private static long run(
        final int birds, final long seed, final int workers, final int batchSize, final String layout, final int ticks)
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        final ModelConfig config = ModelConfig.of(plugin, birds, seed, Map.of());
        try (Simulation sim = Simulation.launch(new SimulationContext()
            .model(plugin.create(config))
            .seed(seed)
            .workers(workers)
            .batchSize(batchSize)
            .layout(Layout.named(layout))))
        {
            sim.run(ticks);
            return sim.stateHash();
        }
    }

    private static Simulation launch(final int birds, final long seed, final int workers)
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        return Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, birds, seed, Map.of())))
            .seed(seed)
            .workers(workers)
            .batchSize(256));
    }

    private static void scatter(final Simulation sim)
    {
        sim.input(FlockingPlugin.INPUT_SCATTER, -1, NO_DATA, 0, 0);
    }

    /**
     * The birds' store: the model's one agent type.
     */
    private static AgentStore birdStore(final Simulation sim)
    {
        return sim.world().store(sim.world().type("birds"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 4 })
    void shouldGiveTheSameStateHashOnAnyNumberOfWorkers(final int workers)
    {
        final long single = run(5_000, 42, 1, 256, "soa", 20);
        assertEquals(single, run(5_000, 42, workers, 256, "soa", 20));
    }

    @Test
    void shouldGiveADifferentStateHashForADifferentSeed()
    {
        assertNotEquals(run(2_000, 1, 1, 256, "soa", 5), run(2_000, 2, 1, 256, "soa", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = { "aos", "aosoa16" })
    void shouldGiveTheSameStateHashInEveryLayout(final String layout)
    {
        assertEquals(run(3_000, 7, 1, 512, "soa", 10), run(3_000, 7, 2, 512, layout, 10));
    }

    /**
     * Crowded enough that birds have many neighbours and some are closer than the separation distance; the last
     * two worlds are only two cells wide, so neighbour blocks wrap onto themselves.
     */
    @ParameterizedTest(name = "{0} birds, extent {1}, vision {2}, {3} workers")
    @CsvSource({ "3000, 120, 9, 1", "3000, 120, 9, 2", "300, 100, 40, 2", "300, 30, 15, 1" })
    void shouldSteerEveryBirdAsTheRulesSayAgainstABruteForceTick(
        final int birds, final double extent, final double vision, final int workers)
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        final ModelConfig config = ModelConfig.of(plugin, birds, 11, Map.of("extent", extent, "vision", vision));
        final FlockingModel model = (FlockingModel)plugin.create(config);
        final FlockingParameters p = model.parameters();
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(11).workers(workers)
            .batchSize(500)))
        {
            sim.run(5);
            final BirdFlyweight bird = new BirdFlyweight().wrap(birdStore(sim));
            final int n = birdStore(sim).liveCount();
            assertEquals(birds, n);
            final double[] x = new double[n];
            final double[] y = new double[n];
            final double[] vx = new double[n];
            final double[] vy = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = bird.x(i);
                y[i] = bird.y(i);
                vx[i] = bird.vx(i);
                vy[i] = bird.vy(i);
            }
            sim.step();
            bird.wrap(birdStore(sim));

            int separated = 0;
            for (int i = 0; i < n; i++)
            {
                int neighbours = 0;
                double cohereX = 0;
                double cohereY = 0;
                double separateX = 0;
                double separateY = 0;
                double matchX = 0;
                double matchY = 0;
                for (int j = 0; j < n; j++)
                {
                    final double dx = minimumImage(x[j] - x[i], p.width());
                    final double dy = minimumImage(y[j] - y[i], p.height());
                    final double d2 = dx * dx + dy * dy;
                    if (j != i && d2 < p.vision() * p.vision())
                    {
                        neighbours++;
                        cohereX += dx;
                        cohereY += dy;
                        if (d2 < p.separation() * p.separation())
                        {
                            separateX -= dx;
                            separateY -= dy;
                            separated++;
                        }
                        matchX += vx[j];
                        matchY += vy[j];
                    }
                }
                final double inverse = 1.0 / Math.max(neighbours, 1);
                double hx = 0.5 * (vx[i] + inverse * (cohereX * p.cohere() + separateX * p.separate() +
                    matchX * p.match()));
                double hy = 0.5 * (vy[i] + inverse * (cohereY * p.cohere() + separateY * p.separate() +
                    matchY * p.match()));
                final double norm = Math.sqrt(hx * hx + hy * hy);
                hx /= norm;
                hy /= norm;
                final int index = i;
                assertEquals(hx, bird.vx(i), 1e-9, () -> "heading x of bird " + index);
                assertEquals(hy, bird.vy(i), 1e-9, () -> "heading y of bird " + index);
                assertEquals(0.0, minimumImage(x[i] + hx * p.speed() - bird.x(i), p.width()), 1e-9,
                    () -> "x of bird " + index);
                assertEquals(0.0, minimumImage(y[i] + hy * p.speed() - bird.y(i), p.height()), 1e-9,
                    () -> "y of bird " + index);
            }
            assertTrue(separated > 0, "some birds were closer than the separation distance");
        }
    }

    private static double minimumImage(final double d, final double extent)
    {
        return d - extent * Math.rint(d / extent);
    }

    /**
     * Scattered again, the birds are where and as they were at the start, and fly the same course from there; the
     * scattering allocates nothing.
     */
    @Test
    void shouldScatterTheBirdsAsAtTheStart()
    {
        final long atStart;
        final long afterTen;
        try (Simulation sim = launch(3_000, 11, 2))
        {
            atStart = sim.world().stateHash(0);
            sim.run(10);
            afterTen = sim.world().stateHash(10);
        }
        try (Simulation sim = launch(3_000, 11, 2))
        {
            sim.run(25);
            scatter(sim);
            assertEquals(StateHash.toHex(atStart), StateHash.toHex(sim.world().stateHash(0)));
            sim.run(10);
            assertEquals(StateHash.toHex(afterTen), StateHash.toHex(sim.world().stateHash(10)));

            assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count bytes per thread");
            // JDK 21+ computes StrictMath.sin and cos in Java (FdLibm), whose argument reduction passes a new double[2]
            // to a method too large to inline, so each call allocates 32 bytes there even when compiled; on JDK 17
            // they are native and the scatter allocates nothing
            assumeTrue(Runtime.version().feature() < 21, "StrictMath.sin and cos allocate on JDK 21 and later");
            final long before = ThreadAllocation.currentThreadAllocatedBytes();
            scatter(sim);
            assertEquals(0, ThreadAllocation.currentThreadAllocatedBytes() - before, "bytes allocated to scatter");
        }
    }

    @Test
    void shouldRefuseAnInputOfAnotherKind()
    {
        try (Simulation sim = launch(100, 1, 1))
        {
            assertThrows(IllegalArgumentException.class,
                () -> sim.input(FlockingPlugin.INPUT_SCATTER + 1, -1, NO_DATA, 0, 0));
        }
    }

    @Test
    void shouldAllocateNothingPerTickOnceWarm()
    {
        assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count bytes per thread");
        final int warmup = 100;
        final int ticks = 300;
        final FlockingPlugin plugin = new FlockingPlugin();
        try (Simulation sim = Simulation.launch(new SimulationContext()
            .model(plugin.create(ModelConfig.of(plugin, 2_000, 5, Map.of())))
            .seed(5)
            .workers(2)
            .batchSize(256)
            .warmupTicks(warmup)))
        {
            sim.run(warmup + ticks);
            final AllocationMeter allocation = sim.allocation();
            assertEquals(0, allocation.medianBytesPerStep(), allocation.stepsThatAllocated() + " of " + ticks +
                " ticks allocated, " + allocation.steadyBytes() + " bytes in all");
        }
    }

    @Test
    void shouldAlignHeadingsFromRandomStart()
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        final ModelConfig config = ModelConfig.of(plugin, 400, 3, Map.of("extent", 150.0, "vision", 15.0));
        final FlockingModel model = (FlockingModel)plugin.create(config);
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(3)))
        {
            final double[] early = meanAlignment(sim, model, 10);
            sim.run(390);
            final double[] late = meanAlignment(sim, model, 100);
            final String trend = "early " + Arrays.toString(early) + ", late " + Arrays.toString(late);
            assertTrue(early[1] < 0.15, "random headings start unaligned with neighbours: " + trend);
            assertTrue(late[1] > 0.35 && late[1] > 3 * early[1], "birds align with their neighbours: " + trend);
            assertTrue(late[0] > 0.4 && late[0] > 2 * early[0], "the flock's mean heading grows: " + trend);
        }
    }

    private static double[] meanAlignment(final Simulation sim, final FlockingModel model, final int ticks)
    {
        double global = 0;
        double local = 0;
        for (int i = 0; i < ticks; i++)
        {
            sim.step();
            final Map<String, Double> figures = model.observe(sim.lastTickMetrics(), sim.world());
            global += figures.get("alignment");
            local += figures.get("local_alignment");
        }
        return new double[]{ global / ticks, local / ticks };
    }
}
