package io.myriad.plugins.sir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.ParameterType;
import io.myriad.kernel.space.network.BarabasiAlbertGenerator;
import io.myriad.kernel.space.network.ErdosRenyiGenerator;
import io.myriad.kernel.space.network.NetworkGenerator;
import io.myriad.kernel.space.network.WattsStrogatzGenerator;

/**
 * The SIR model's plugin. The defaults (preset {@code mean-field}) are 100,000 people on an Erdős–Rényi network of
 * mean degree 20 with {@code beta} 0.1 and {@code gamma} 0.8: R0 = beta k / gamma = 2.5, and an epidemic that the
 * homogeneous mean-field recursion predicts to within 1-2 %. Preset {@code slow} recovers at 0.1 a step, where the
 * network's own structure shows; {@code large} is the defaults with a million people.
 */
public final class SirPlugin implements ModelPlugin
{
    /** Name of the model. */
    public static final String NAME = "sir";

    /**
     * Input kind that makes everybody susceptible again but the people infected at the start, who are infected
     * again: a fresh epidemic on the same network, the tick going on. No target (-1) and no data.
     */
    public static final int INPUT_NEW_EPIDEMIC = 1;

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "discrete-time SIR epidemic on a generated contact network (Erdos-Renyi, Watts-Strogatz or " +
            "Barabasi-Albert)";
    }

    @Override
    public List<ModelParameter> parameters()
    {
        return List.of(
            new ModelParameter("network", ParameterType.STRING, "erdos-renyi", 0, 0,
                "the contact network: erdos-renyi, watts-strogatz or barabasi-albert"),
            ModelParameter.ofDouble("mean_degree", 20, 1, 1000, "contacts per person on average"),
            ModelParameter.ofDouble("rewiring", 0.1, 0, 1, "share of links rewired, for watts-strogatz"),
            ModelParameter.ofDouble("beta", 0.1, 0, 1, "chance an infected person infects a contact in a step"),
            ModelParameter.ofDouble("gamma", 0.8, 0, 1, "chance an infected person recovers in a step"),
            ModelParameter.ofDouble("initially_infected", 0.001, 0, 1, "chance each person starts infected"));
    }

    @Override
    public Map<String, Map<String, Object>> presets()
    {
        final Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("mean-field", Map.of("agents", 100_000L, "mean_degree", 20.0, "beta", 0.1, "gamma", 0.8));
        presets.put("slow", Map.of("agents", 100_000L, "mean_degree", 20.0, "beta", 0.0125, "gamma", 0.1));
        presets.put("large", Map.of("agents", 1_000_000L, "mean_degree", 20.0, "beta", 0.1, "gamma", 0.8));
        return presets;
    }

    @Override
    public int defaultAgents()
    {
        return 100_000;
    }

    @Override
    public Model create(final ModelConfig config)
    {
        final int n = config.agents();
        final double k = config.doubleValue("mean_degree");
        if (k > n - 1)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "mean_degree", "a person of " + n +
                " has at most " + (n - 1) + " contacts, not " + k + " on average; lower mean_degree");
        }
        final String network = config.stringValue("network");
        final NetworkGenerator generator;
        try
        {
            generator = switch (network)
            {
                case "erdos-renyi" -> new ErdosRenyiGenerator(n, k / Math.max(1, n - 1), false);
                case "watts-strogatz" -> new WattsStrogatzGenerator(n, 2 * (int)Math.round(k / 2),
                    config.doubleValue("rewiring"));
                case "barabasi-albert" -> new BarabasiAlbertGenerator(n, (int)Math.max(1, Math.round(k / 2)));
                default -> throw new InvalidConfigException(ModelConfig.PARAMETERS + "network", "is " + network +
                    "; it must be erdos-renyi, watts-strogatz or barabasi-albert");
            };
        }
        catch (final InvalidConfigException ex)
        {
            throw ex;
        }
        catch (final IllegalArgumentException ex)
        {
            throw new InvalidConfigException(ModelConfig.PARAMETERS + "mean_degree", "cannot build a " + network +
                " network of " + n + " people and mean degree " + k + ": " + ex.getMessage());
        }
        return new SirModel(generator, config.doubleValue("beta"), config.doubleValue("gamma"),
            config.doubleValue("initially_infected"));
    }
}
