package io.myriad.plugins.flocking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.layouts.Schema;

/**
 * The flocking model's plugin, with the presets of the ABM framework comparison: {@code small} (200 birds in
 * 100 x 100, vision 5) and {@code large} (400 birds in 150 x 150, vision 15). A preset fixes the density, so with
 * more birds the space grows to keep it.
 */
public final class FlockingPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "flocking";

    /**
     * Input kind that places and heads the birds again as they were at the start: a fresh flock, the tick going on.
     * No target (-1) and no data.
     */
    public static final int INPUT_SCATTER = 1;

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * {@inheritDoc}
     */
    public String description()
    {
        return "boids: cohesion, separation and alignment within a vision radius, constant speed, periodic space";
    }

    /**
     * {@inheritDoc}
     */
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofDouble("extent", 0.0, 0.0, 1e9,
                "side of the square periodic space; 0 sizes it from the number of birds and the density"),
            ModelParameter.ofDouble("density", FlockingParameters.LARGE_PRESET_DENSITY, 1e-12, 1e9,
                "birds per unit area when extent is 0; the default is the large preset's (400 per 150 x 150)"),
            ModelParameter.ofDouble("vision", 15.0, 1e-9, 1e9, "radius within which a bird sees others"),
            ModelParameter.ofDouble("speed", 1.0, 0.0, 1e9, "distance a bird moves each tick"),
            ModelParameter.ofDouble("cohere", 0.03, 0.0, 1e9, "weight of the pull towards neighbours' mean offset"),
            ModelParameter.ofDouble("separation", 1.0, 0.0, 1e9, "distance under which a neighbour repels"),
            ModelParameter.ofDouble("separate", 0.015, 0.0, 1e9, "weight of the push away from close neighbours"),
            ModelParameter.ofDouble("match", 0.05, 0.0, 1e9, "weight of the pull towards neighbours' mean heading"));
    }

    /**
     * {@inheritDoc}
     */
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        // Densities rather than extents, so that a preset keeps its density at any number of birds.
        presets.put("small", Map.of("agents", 200L, "density", 200.0 / (100.0 * 100.0), "vision", 5.0));
        presets.put("large", Map.of("agents", 400L, "density", FlockingParameters.LARGE_PRESET_DENSITY,
            "vision", 15.0));
        return presets;
    }

    /**
     * {@inheritDoc}
     */
    public Schema schema()
    {
        return BirdSchema.SCHEMA;
    }

    /**
     * {@inheritDoc}
     */
    public int defaultAgents()
    {
        return 1_000_000;
    }

    /**
     * {@inheritDoc}
     */
    public Model create(final ModelConfig config)
    {
        final FlockingParameters parameters = FlockingParameters.from(config);
        if (2 * parameters.vision() > Math.min(parameters.width(), parameters.height()))
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "vision",
                "vision " + parameters.vision() + " is more than half the space's side " + parameters.width() +
                "; lower vision or raise extent");
        }
        return new FlockingModel(parameters);
    }
}
