package io.myriad.tools;

import java.util.List;

import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;

/**
 * Test-only model whose creation fails with an unexpected exception, to test how internal failures are reported.
 */
public final class BrokenPlugin implements ModelPlugin
{
    public static final String NAME = "broken";

    public String name()
    {
        return NAME;
    }

    public String description()
    {
        return "test model that fails when created";
    }

    public List<ModelParameter> parameters()
    {
        return List.of();
    }

    public int defaultAgents()
    {
        return 1;
    }

    public Model create(final ModelConfig config)
    {
        throw new IllegalStateException("boom");
    }
}
