package io.myriad.tools;

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
 * Test-only model: every agent adds {@code increment} to its one field each tick. Declares a parameter of every
 * type and two presets, so the command line can be tested without the real models.
 */
public final class CounterPlugin implements ModelPlugin
{
    public static final String NAME = "counter";

    public String name()
    {
        return NAME;
    }

    public String description()
    {
        return "test model: every agent counts ticks";
    }

    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofInteger("increment", 1, 0, 1000, "added to every agent's value each tick"),
            ModelParameter.ofDouble("scale", 1.0, 0.0, 100.0, "a number the model ignores"),
            ModelParameter.ofBoolean("loud", false, "a flag the model ignores"),
            new ModelParameter("label", io.myriad.kernel.model.ParameterType.STRING, "none", 0, 0,
                "text the model ignores, except 'reject', which create() rejects"));
    }

    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("big", Map.of("agents", 5000L, "increment", 2L, "scale", 3.0));
        presets.put("tiny", Map.of("agents", 10));
        return presets;
    }

    public int defaultAgents()
    {
        return 100;
    }

    public Schema schema()
    {
        return CounterModel.SCHEMA;
    }

    public Model create(final ModelConfig config)
    {
        if ("reject".equals(config.stringValue("label")))
        {
            throw new InvalidConfigException("parameters.label", "'reject' is rejected; use any other label");
        }
        return new CounterModel(config.agents(), config.longValue("increment"));
    }
}
