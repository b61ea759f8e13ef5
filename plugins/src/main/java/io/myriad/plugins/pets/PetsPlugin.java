package io.myriad.plugins.pets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.ParameterType;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.layouts.Schema;

/**
 * The digital pets' plugin: 100 pets on a 20 x 20 torus by default; preset {@code large} is a million pets on
 * 1,000 x 1,000.
 */
public final class PetsPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "pets";

    private static final int MAX_SIDE = (int)Math.sqrt(Grid2D.MAX_CELLS);

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "digital pets with needs and preferences choosing by least expected free energy, playing, tying " +
            "friendships that grow and fade, broadcasting moods; users feed and play with them";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofInteger("width", 20, 1, MAX_SIDE, "cells across the torus"),
            ModelParameter.ofInteger("height", 20, 1, MAX_SIDE, "cells down the torus"),
            ModelParameter.ofDouble("regrowth", 0.05, 0, 1, "food a cell grows back a step, up to 1"),
            ModelParameter.ofDouble("decay", 0.01, 0, 1, "share of its strength a tie loses a step"),
            ModelParameter.ofDouble("tie_gain", 0.1, 0, 1, "what a tie grows by when a perfectly compatible pair " +
                "plays (an incompatible pair's shrinks as much)"),
            ModelParameter.ofDouble("threshold", 0.3, 0, 1, "strength above which a tie counts in the metrics"),
            ModelParameter.ofDouble("mood_rate", 2, 0, 1e6, "moods broadcast a step, over every pet"),
            new ModelParameter("user_events", ParameterType.STRING, "", 0, 0, "users' interactions, e.g. " +
                "'feed:3@10, play:7@20' (feed pet 3 at step 10, play with pet 7 at step 20)"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("large", Map.of("agents", 1_000_000L, "width", 1000L, "height", 1000L));
        return presets;
    }

    @Override
    public int defaultAgents()
    {
        return 100;
    }

    @Override
    public Schema schema()
    {
        return PetSchema.SCHEMA;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        final long cells = config.longValue("width") * config.longValue("height");
        if (cells > Grid2D.MAX_CELLS)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "width", "times height is " + cells +
                " cells; a grid has at most " + Grid2D.MAX_CELLS);
        }
        return new PetModel(new PetSettings(config.agents(), (int)config.longValue("width"),
            (int)config.longValue("height"), config.doubleValue("regrowth"), config.doubleValue("decay"),
            config.doubleValue("tie_gain"), config.doubleValue("threshold"), config.doubleValue("mood_rate"),
            UserEvents.parse(config.stringValue("user_events"), config.agents())));
    }
}
