package io.myriad.plugins.schelling;

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
 * The Schelling model's plugin, with the presets of the ABM framework comparison: {@code small} (1,000 residents on
 * 40 x 40, radius 1, 3 similar neighbours to be happy) and {@code large} (8,000 on 100 x 100, radius 2, 8). Unless
 * given, the town's sides are sized from the residents at a density, so any number of residents runs as it is.
 */
public final class SchellingPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "schelling";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "Schelling segregation: residents of two groups on a bounded grid move to a random empty cell " +
            "while fewer than min_happy of their Moore neighbours are of their group";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofInteger("width", 0, 0, Grid2D.MAX_CELLS,
                "cells along x; 0 sizes the town from the residents and the density"),
            ModelParameter.ofInteger("height", 0, 0, Grid2D.MAX_CELLS,
                "cells along y; 0 sizes the town from the residents and the density"),
            ModelParameter.ofDouble("density", 0.625, 0.01, 0.99,
                "residents per cell when width or height is 0; the default is the small preset's (1,000 on 40 x 40)"),
            ModelParameter.ofInteger("radius", 1, 1, MooreCounts.MAX_RADIUS,
                "reach of the Moore neighbourhood a resident looks at"),
            ModelParameter.ofInteger("min_happy", 3, 0, 1_000_000,
                "neighbours of its own group a resident needs to be happy and stay"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("small", Map.of("agents", 1000L, "width", 40L, "height", 40L, "radius", 1L, "min_happy", 3L));
        presets.put("large", Map.of("agents", 8000L, "width", 100L, "height", 100L, "radius", 2L, "min_happy", 8L));
        return presets;
    }

    @Override
    public int defaultAgents()
    {
        return 1000;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        final double cellsWanted = Math.ceil(config.agents() / config.doubleValue("density"));
        long width = config.longValue("width");
        long height = config.longValue("height");
        if (width == 0 && height == 0)
        {
            width = (long)Math.ceil(Math.sqrt(cellsWanted));
            height = width;
        }
        else if (width == 0)
        {
            width = (long)Math.ceil(cellsWanted / height);
        }
        else if (height == 0)
        {
            height = (long)Math.ceil(cellsWanted / width);
        }
        final long cells = width * height;
        if (width > Grid2D.MAX_CELLS || height > Grid2D.MAX_CELLS || cells > Grid2D.MAX_CELLS)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "width",
                "a town of " + width + " x " + height + " cells is more than the " + Grid2D.MAX_CELLS +
                " a grid holds");
        }
        if (config.agents() >= cells)
        {
            throw new InvalidConfigException("agents", config.agents() + " residents need more than the " + cells +
                " cells of the town (width x height), or nobody can move; lower agents or enlarge the town");
        }
        return new SchellingModel(config.agents(), (int)width, (int)height,
            (int)config.longValue("radius"), (int)config.longValue("min_happy"));
    }
}
