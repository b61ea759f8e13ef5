package io.myriad.plugins.flocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.layouts.Layout;

class FlockingModelTest
{
    private static long run(
        final int birds, final long seed, final int workers, final int batchSize, final String layout, final int ticks)
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        final ModelConfig config = ModelConfig.of(plugin, birds, seed, Map.of());
        try (Simulation sim = Simulation.launch(new Simulation.Context()
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

    @Test
    void shouldAlignHeadingsFromRandomStart()
    {
        final FlockingPlugin plugin = new FlockingPlugin();
        final ModelConfig config = ModelConfig.of(plugin, 400, 3, Map.of("extent", 150.0, "vision", 15.0));
        final FlockingModel model = (FlockingModel)plugin.create(config);
        try (Simulation sim = Simulation.launch(new Simulation.Context().model(model).seed(3)))
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
            final Map<String, Double> figures = model.observe(sim.lastTickMetrics(), sim.store().liveCount());
            global += figures.get("alignment");
            local += figures.get("local_alignment");
        }
        return new double[]{ global / ticks, local / ticks };
    }
}
