package io.myriad.plugins.exchange;

import java.util.List;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.layouts.Schema;

/**
 * The money exchange model's plugin.
 */
public final class ExchangePlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "exchange";

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
        return "money exchange (Dragulescu-Yakovenko): each agent gives a unit to a random other every tick; " +
            "one emitted event per agent per tick";
    }

    /**
     * {@inheritDoc}
     */
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofInteger("money", 100, 0, Long.MAX_VALUE / 4, "units each agent starts with"),
            ModelParameter.ofInteger("amount", 1, 1, Long.MAX_VALUE / 4, "units given per transfer"));
    }

    /**
     * {@inheritDoc}
     */
    public Schema schema()
    {
        return TraderSchema.SCHEMA;
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
        if (config.agents() < 2)
        {
            throw new InvalidConfigException("agents", "must be at least 2 for the exchange model (an agent " +
                "gives to another), was " + config.agents());
        }
        return new ExchangeModel(config.agents(), config.longValue("money"), config.longValue("amount"));
    }
}
