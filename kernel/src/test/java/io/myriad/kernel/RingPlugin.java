package io.myriad.kernel;

import java.util.List;

import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;

/**
 * {@link RingModel} as a plugin, registered in this module's test resources, so that journals of it can be
 * replayed by name.
 */
public final class RingPlugin implements ModelPlugin
{
    /** The plugin's name. */
    public static final String NAME = "ring";

    /** Input kind that sets an agent's value to the input's 8 bytes of data. */
    public static final int INPUT_SET_VALUE = RingModel.INPUT_SET_VALUE;

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
        return "test model: spawns, despawns and conflicting claims on a ring of agents";
    }

    /**
     * {@inheritDoc}
     */
    public List<ModelParameter> parameters()
    {
        return List.of(ModelParameter.ofDouble("headroom", 2.0, 1.0, 8.0, "capacity over initial agents"));
    }

    /**
     * {@inheritDoc}
     */
    public int defaultAgents()
    {
        return 1_000;
    }

    /**
     * {@inheritDoc}
     */
    public Model create(final ModelConfig config)
    {
        return new RingModel(config.agents(), (int)Math.ceil(config.agents() * config.doubleValue("headroom")));
    }
}
