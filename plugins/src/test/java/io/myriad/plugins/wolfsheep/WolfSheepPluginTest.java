package io.myriad.plugins.wolfsheep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.Models;

class WolfSheepPluginTest
{
    private static final WolfSheepPlugin PLUGIN = new WolfSheepPlugin();

    @Test
    void shouldBeFoundByName()
    {
        assertEquals(WolfSheepPlugin.class, Models.named("wolf-sheep").getClass());
    }

    /**
     * The ABM framework comparison's two setups: 60 sheep and 40 wolves on 25 x 25, 1,000 and 500 on 100 x 100.
     */
    @Test
    void shouldStartThePresetsAsTheComparisonDoes()
    {
        assertStart("small", 60, 40, 25);
        assertStart("large", 1_000, 500, 100);
    }

    @Test
    void shouldSizeThePastureForTheAgentsAtTheDensity()
    {
        final WolfSheepModel model = (WolfSheepModel)PLUGIN.create(ModelConfig.of(PLUGIN, 1_000_000, 1, Map.of()));
        assertEquals(Math.round(Math.sqrt(1_000_000 / 0.15)), model.pasture.width());
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> PLUGIN.create(ModelConfig.of(PLUGIN, 1_000_000, 1, Map.of("density", 1e-3))));
        assertTrue(ex.getMessage().contains("density"), ex.getMessage());
        final InvalidConfigException tiny = assertThrows(InvalidConfigException.class,
            () -> PLUGIN.create(ModelConfig.of(PLUGIN, 10, 1, Map.of("side", 1L))));
        assertTrue(tiny.getMessage().contains("parameters.side") && tiny.getMessage().contains("1 cells wide"),
            tiny.getMessage());
    }

    private static void assertStart(final String preset, final int sheep, final int wolves, final int side)
    {
        try (Simulation sim = Simulation.launch(new SimulationContext()
            .model(PLUGIN.create(WolfSheepRunner.config(preset, 1))).seed(1)))
        {
            final WolfSheepModel model = (WolfSheepModel)sim.model();
            assertEquals(sheep, sim.world().store(model.sheep).liveCount());
            assertEquals(wolves, sim.world().store(model.wolves).liveCount());
            assertEquals(side, model.pasture.width());
            assertEquals(side, model.pasture.height());
            int grown = 0;
            for (int cell = 0; cell < model.pasture.cellCount(); cell++)
            {
                grown += model.grass.get(cell) == WolfSheepModel.GROWN ? 1 : 0;
            }
            assertEquals(0.5, grown / (double)model.pasture.cellCount(), 0.1, "about half the grass starts grown");
        }
    }
}
