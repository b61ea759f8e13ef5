package io.myriad.plugins.wolfsheep;

import java.util.HashMap;
import java.util.Map;

import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.ModelConfig;

/**
 * Builds wolf-sheep simulations from a preset with some parameters changed, for the tests.
 */
final class WolfSheepRunner
{
    static final WolfSheepPlugin PLUGIN = new WolfSheepPlugin();

    private WolfSheepRunner()
    {
    }

    static ModelConfig config(final String preset, final long seed, final Object... changes)
    {
        final Map<String, Object> values = new HashMap<>(PLUGIN.presets().get(preset));
        final int agents = ((Number)values.remove("agents")).intValue();
        for (int i = 0; i < changes.length; i += 2)
        {
            values.put((String)changes[i], changes[i + 1]);
        }
        return ModelConfig.of(PLUGIN, agents, seed, values);
    }

    static SimulationContext context(final String preset, final long seed, final int workers, final Object... changes)
    {
        return new SimulationContext()
            .model(PLUGIN.create(config(preset, seed, changes)))
            .seed(seed)
            .workers(workers);
    }
}
