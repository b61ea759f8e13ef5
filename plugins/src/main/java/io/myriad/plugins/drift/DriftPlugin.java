package io.myriad.plugins.drift;

import java.util.List;

import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.layouts.Schema;

/**
 * The drift model's plugin.
 */
public final class DriftPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "drift";

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
        return "every agent moves by its velocity (x += vx*dt, y += vy*dt): the pipeline against memory bandwidth";
    }

    /**
     * {@inheritDoc}
     */
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofDouble("dt", 0.1, 0.0, 1e6, "time step of each tick"),
            ModelParameter.ofDouble("extent", 1000.0, 1e-6, 1e12, "initial positions are uniform in [0, extent)^2"),
            ModelParameter.ofDouble("max_speed", 1.0, 0.0, 1e12, "initial velocity components are uniform in " +
                "[-max_speed, max_speed]"));
    }

    /**
     * {@inheritDoc}
     */
    public Schema schema()
    {
        return ParticleSchema.SCHEMA;
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
        return new DriftModel(
            config.agents(), config.doubleValue("dt"), config.doubleValue("extent"), config.doubleValue("max_speed"));
    }
}
