package io.myriad.plugins.nations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.myriad.kernel.decide.DecisionMode;
import io.myriad.kernel.event.NextDecision;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.ParameterType;

/**
 * The {@code nations} model's plugin: the nation economy of the real-time design, a hundred nations by default
 * deciding every 30 s through the run's decider, interest every 10 s, prices every 5 s, a crash at 50 s. Preset
 * {@code small} is ten nations; {@code measured} takes answers at their measured latency.
 */
public final class NationsPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "nations";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "nations buying and selling goods on a world market, deciding every 30 s through a decider (rules " +
            "or an LLM); interest, price moves and a market crash as engine rules and a scheduled event";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            ModelParameter.ofDouble("decision_interval", 30, 1e-6, 1e9, "sim seconds between a nation's decisions"),
            ModelParameter.ofDouble("interest_interval", 10, 1e-6, 1e9, "sim seconds between interest payments"),
            ModelParameter.ofDouble("interest_rate", 0.001, 0, 1, "interest on strength at each payment"),
            ModelParameter.ofDouble("price_interval", 5, 1e-6, 1e9, "sim seconds between price moves"),
            ModelParameter.ofDouble("price_sensitivity", 0.2, 0, 1, "how far the price moves when every nation " +
                "bought (or sold) all it may in a decision: 0.2 is 20 %"),
            ModelParameter.ofDouble("reversion", 0.05, 0, 1, "share of the gap to the start price a move closes"),
            ModelParameter.ofDouble("crash_time", 50, 0, 1e12, "sim time of the market crash"),
            ModelParameter.ofDouble("crash_depth", 0.3, 0, NationModel.MAX_DEPTH, "share of the price the crash " +
                "takes; 0 for none"),
            ModelParameter.ofDouble("start_price", 100, 1e-3, 1e12, "price of a unit of goods at the start"),
            ModelParameter.ofDouble("start_strength", 10_000, 0, 1e15, "a nation's mean strength at the start"),
            ModelParameter.ofDouble("max_trade", 20, 0, 1e12, "most units a decision trades"),
            ModelParameter.ofDouble("threshold", 0.05, 0, 1, "how far from the start price the rules wait " +
                "before they trade"),
            ModelParameter.ofDouble("staleness", 15, 0, 1e12, "sim seconds after which an answer is re-validated " +
                "against the nation's state"),
            new ModelParameter("decision_mode", ParameterType.STRING, "modelled", 0, 0, "when answers take " +
                "effect: modelled (after the latency below, sim time waiting for them) or measured (after the " +
                "wall time they took, times the time scale)"),
            new ModelParameter("latency_policy", ParameterType.STRING, "fixed", 0, 0, "modelled latency: fixed, " +
                "exponential (of mean latency) or uniform (from 0 to twice latency)"),
            ModelParameter.ofDouble("latency", 2, 0, 1e9, "modelled sim seconds from question to answer"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("small", Map.of("agents", 10L));
        presets.put("measured", Map.of("agents", 10L, "decision_mode", "measured"));
        return presets;
    }

    @Override
    public int defaultAgents()
    {
        return 100;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        final String modeName = config.stringValue("decision_mode");
        final DecisionMode mode = switch (modeName)
        {
            case "modelled" -> DecisionMode.MODELLED;
            case "measured" -> DecisionMode.MEASURED;
            default -> throw new InvalidConfigException(ModelConfig.PARAMETERS + "decision_mode", "is " + modeName +
                "; it must be modelled or measured");
        };
        final double latency = config.doubleValue("latency");
        final String policy = config.stringValue("latency_policy").toLowerCase(Locale.ROOT);
        if (latency == 0 && !policy.equals("fixed"))
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "latency", "is 0; an " + policy +
                " latency needs a positive mean");
        }
        final NextDecision delay = switch (policy)
        {
            case "fixed" -> (now, key, sequence, agent) -> now + latency;
            case "exponential" -> NextDecision.exponential(latency);
            case "uniform" -> NextDecision.uniform(0, 2 * latency);
            default -> throw new InvalidConfigException(ModelConfig.PARAMETERS + "latency_policy", "is " + policy +
                "; it must be fixed, exponential or uniform");
        };
        return new NationModel(new NationSettings(config.agents(), config.doubleValue("decision_interval"),
            config.doubleValue("interest_interval"), config.doubleValue("interest_rate"),
            config.doubleValue("price_interval"), config.doubleValue("price_sensitivity"),
            config.doubleValue("reversion"), config.doubleValue("crash_time"), config.doubleValue("crash_depth"),
            config.doubleValue("start_price"), config.doubleValue("start_strength"), config.doubleValue("max_trade"),
            config.doubleValue("threshold"), config.doubleValue("staleness"), mode, delay));
    }
}
