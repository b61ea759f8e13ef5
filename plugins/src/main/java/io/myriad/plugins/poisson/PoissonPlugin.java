package io.myriad.plugins.poisson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.event.NextDecision;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.ParameterType;

/**
 * The {@code poisson} model's plugin: a million agents by default, each deciding after exponential delays of mean
 * 1 s, on continuous time. Preset {@code periodic} decides every second on the second, so each step takes every
 * agent at once; {@code small} is a thousand agents.
 */
public final class PoissonPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "poisson";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "agents on the event clock deciding at their own times (exponential or periodic), each decision a " +
            "random step of wealth: the event clock end to end";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            new ModelParameter("policy", ParameterType.STRING, "exponential", 0, 0,
                "when an agent decides next: exponential (a Poisson process) or periodic"),
            ModelParameter.ofDouble("mean_interval", 1.0, 1e-9, 1e9, "seconds between an agent's decisions, on " +
                "average for exponential"),
            ModelParameter.ofDouble("grain", 0.0, 0.0, 1e9, "decision times are rounded up to multiples of it; 0 " +
                "keeps them continuous"),
            ModelParameter.ofDouble("step_size", 1.0, 0.0, 1e9, "wealth moves by up to this much a decision"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("small", Map.of("agents", 1_000L));
        presets.put("periodic", Map.of("agents", 1_000_000L, "policy", "periodic", "grain", 1.0));
        return presets;
    }

    @Override
    public int defaultAgents()
    {
        return 1_000_000;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        final double mean = config.doubleValue("mean_interval");
        final String policy = config.stringValue("policy");
        final NextDecision next = switch (policy)
        {
            case "exponential" -> NextDecision.exponential(mean);
            case "periodic" -> NextDecision.periodic(mean);
            default -> throw new InvalidConfigException(ModelConfig.PARAMETERS + "policy", "is " + policy +
                "; it must be exponential or periodic");
        };
        return new PoissonModel(config.agents(), next, config.doubleValue("grain"), config.doubleValue("step_size"));
    }
}
