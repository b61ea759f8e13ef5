package io.myriad.plugins.wolfsheep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.space.grid.Grid2D;

/**
 * The wolf-sheep-grass model's plugin, with the ABM framework comparison's two setups as presets: {@code small}
 * (60 sheep and 40 wolves on 25 x 25) and {@code large} (1,000 sheep and 500 wolves on 100 x 100, the defaults).
 * {@code agents} counts sheep and wolves together; with {@code side} 0 the pasture is sized to hold them at
 * {@code density}, so more agents keep the large setup's crowding.
 */
public final class WolfSheepPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "wolf-sheep";

    private static final int MAX_SIDE = (int)Math.sqrt(Grid2D.MAX_CELLS);

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "wolf-sheep-grass predation on a torus: sheep graze, wolves eat sheep, both breed and starve";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofInteger("side", 0, 0, MAX_SIDE, "cells per side of the square torus, 2 or more; 0 " +
                "sizes it from the agents and the density"),
            ModelParameter.ofDouble("density", 0.15, 1e-6, 1e6, "animals per cell at the start when side is 0"),
            ModelParameter.ofDouble("wolf_share", 1.0 / 3, 0, 1, "share of the agents that are wolves"),
            ModelParameter.ofInteger("regrowth_time", 10, 1, 1_000_000, "steps eaten grass takes to grow back"),
            ModelParameter.ofDouble("sheep_gain", 5, 0, 1e9, "energy a sheep gains from grown grass"),
            ModelParameter.ofDouble("wolf_gain", 13, 0, 1e9, "energy a wolf gains from a sheep"),
            ModelParameter.ofDouble("sheep_reproduce", 0.4, 0, 1, "chance a sheep breeds in a step"),
            ModelParameter.ofDouble("wolf_reproduce", 0.2, 0, 1, "chance a wolf breeds in a step"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("small", Map.of("agents", 100L, "side", 25L, "wolf_share", 0.4, "regrowth_time", 20L,
            "sheep_reproduce", 0.2, "wolf_reproduce", 0.1));
        presets.put("large", Map.of("agents", 1500L, "side", 100L, "wolf_share", 1.0 / 3, "regrowth_time", 10L,
            "sheep_reproduce", 0.4, "wolf_reproduce", 0.2));
        return presets;
    }

    @Override
    public int defaultAgents()
    {
        return 1500;
    }

    /**
     * Sizes the pasture and the most animals of each kind: two a cell, four times what the large setup reaches at
     * its peak, since grass holds sheep to what it yields and sheep hold wolves to fewer.
     */
    @Override
    public Model create(final ModelConfig config)
    {
        final long side = config.longValue("side") > 0 ? config.longValue("side") :
            Math.max(1, Math.round(Math.sqrt(config.agents() / config.doubleValue("density"))));
        if (side < 2 || side > MAX_SIDE)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + (config.longValue("side") > 0 ? "side" :
                "density"), "the pasture for " + config.agents() + " agents would be " + side + " cells wide, not 2 " +
                "to " + MAX_SIDE + "; change the density, or give the side");
        }
        final long most = Math.min(Integer.MAX_VALUE - 8, Math.max(2 * side * side, 2L * config.agents()));
        return new WolfSheepModel(config, (int)side, (int)most);
    }
}
