package io.myriad.plugins.forestfire;

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
 * The forest fire model's plugin, with the presets of the ABM framework comparison: {@code small} (100 x 100 at
 * density 0.7) and {@code large} (500 x 500 at density 0.9). The model has one agent, the forest; its size is in
 * cells.
 */
public final class ForestFirePlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "forest-fire";

    /**
     * Input kind that plants the forest again as it was at the start and sets its left column on fire: a fresh fire
     * in the same forest, the tick going on. No target (-1) and no data.
     */
    public static final int INPUT_REPLANT = 1;

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "forest fire: trees at a density, the left column set on fire, each step a burning cell ignites the " +
            "trees next to it (von Neumann) and burns out; sweeps cells, not agents";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofInteger("width", 100, 1, Grid2D.MAX_CELLS, "cells along x; the fire starts at x = 0"),
            ModelParameter.ofInteger("height", 100, 1, Grid2D.MAX_CELLS, "cells along y"),
            ModelParameter.ofDouble("density", 0.7, 0.0, 1.0, "probability that a cell holds a tree"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("small", Map.of("width", 100L, "height", 100L, "density", 0.7));
        presets.put("large", Map.of("width", 500L, "height", 500L, "density", 0.9));
        return presets;
    }

    /**
     * @return 1: the forest, a singleton; the cells are its grid's.
     */
    @Override
    public int defaultAgents()
    {
        return 1;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        if (config.agents() != 1)
        {
            throw new InvalidConfigException("agents", "the forest fire model has one agent, the forest, not " +
                config.agents() + "; size the forest with parameters width and height and leave agents out");
        }
        final long cells = config.longValue("width") * config.longValue("height");
        if (cells > Grid2D.MAX_CELLS)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "width",
                "a forest of " + cells + " cells is more than the " + Grid2D.MAX_CELLS + " a grid holds");
        }
        return new ForestFireModel(
            (int)config.longValue("width"), (int)config.longValue("height"), config.doubleValue("density"));
    }
}
