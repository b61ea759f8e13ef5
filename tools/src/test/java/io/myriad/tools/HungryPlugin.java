package io.myriad.tools;

import java.util.List;

import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;

/**
 * Test-only model that, like flocking, sizes arrays of its own for its agents when it is created and does not name
 * its schema: created for more than {@link #MOST_AGENTS_IN_MEMORY} agents it runs out of memory (here, simulated).
 */
public final class HungryPlugin implements ModelPlugin
{
    public static final String NAME = "hungry";

    static final int MOST_AGENTS_IN_MEMORY = 1000;

    public String name()
    {
        return NAME;
    }

    public String description()
    {
        return "test model that runs out of memory when created for many agents";
    }

    public List<ModelParameter> parameters()
    {
        return List.of();
    }

    public int defaultAgents()
    {
        return 100;
    }

    public Model create(final ModelConfig config)
    {
        if (config.agents() > MOST_AGENTS_IN_MEMORY)
        {
            throw new OutOfMemoryError("Java heap space");
        }
        return new CounterModel(config.agents(), 1);
    }
}
