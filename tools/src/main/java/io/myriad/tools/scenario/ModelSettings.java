package io.myriad.tools.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;

/**
 * The model a run's settings name and what it is given: its plugin, the preset applied, the agents at the start and
 * the parameters, each typed as the model declares it.
 * <p>
 * Parameters are layered the model's defaults &lt; the preset &lt; the scenario's {@code parameters} &lt;
 * {@code --param}; agents the model's default &lt; the preset's {@code agents} &lt; the scenario &lt;
 * {@code --agents}. The seed, which is one of the run's own settings, joins them in {@link #config(long)}.
 */
final class ModelSettings
{
    private final ModelPlugin plugin;
    private final String preset;
    private final int agents;
    private final Map<String, Object> given;

    private ModelSettings(
        final ModelPlugin plugin, final String preset, final int agents, final Map<String, Object> given)
    {
        this.plugin = plugin;
        this.preset = preset;
        this.agents = agents;
        this.given = given;
    }

    /**
     * Finds the model the layers name and types what they give it.
     *
     * @param layers  the scenario file and the command line.
     * @param origins where each value was given, to add the agents' and the parameters' to.
     * @return the model and what it is given.
     * @throws ScenarioException for no model or an unknown one, an unknown preset, an unknown parameter or a value
     *                           that is not of the parameter's type, or agents out of range.
     */
    static ModelSettings resolve(final SettingsLayers layers, final Map<String, String> origins)
    {
        final Value modelValue = layers.pick(Scenario.MODEL);
        if (modelValue == null)
        {
            final String source = layers.file().source();
            throw new ScenarioException((source == null ? "" : source + ": ") + "no model to run; " +
                "add 'model: NAME' to the scenario or pass --model NAME ('myriad models' lists them)");
        }
        final ModelPlugin plugin = plugin(modelValue);

        final Value presetValue = layers.pick(Scenario.PRESET);
        final String presetName = presetValue == null ? null : presetValue.asString();
        final Map<String, Object> preset = presetName == null ? Map.of() : preset(plugin, presetValue);

        final Map<String, Object> given = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> entry : preset.entrySet())
        {
            if (!RunSettings.PRESET_AGENTS.equals(entry.getKey()))
            {
                given.put(entry.getKey(), presetValue(plugin, presetName, entry.getKey(), entry.getValue()));
            }
        }
        typeParameters(plugin, layers.file(), given, origins);
        typeParameters(plugin, layers.commandLine(), given, origins);

        final Value agentsValue = layers.pick(Scenario.AGENTS);
        final int agents;
        if (agentsValue != null)
        {
            agents = (int)agentsValue.asLong(1, Integer.MAX_VALUE);
            origins.put(Scenario.AGENTS, agentsValue.origin());
        }
        else if (preset.get(RunSettings.PRESET_AGENTS) instanceof Number)
        {
            agents = ((Number)preset.get(RunSettings.PRESET_AGENTS)).intValue();
        }
        else
        {
            agents = plugin.defaultAgents();
        }
        return new ModelSettings(plugin, presetName, agents, given);
    }

    /**
     * @param seed the run's seed.
     * @return the model's configuration, checked by the model's own rules.
     * @throws ScenarioException if the model rejects it.
     */
    ModelConfig config(final long seed)
    {
        try
        {
            return ModelConfig.of(plugin, agents, seed, given);
        }
        catch (final InvalidConfigException ex)
        {
            throw new ScenarioException("model " + plugin.name() + ": " + ex.getMessage());
        }
    }

    /**
     * @return the model's plugin.
     */
    ModelPlugin plugin()
    {
        return plugin;
    }

    /**
     * @return the preset applied, or null.
     */
    String preset()
    {
        return preset;
    }

    /**
     * @return agents at the start.
     */
    int agents()
    {
        return agents;
    }

    private static ModelPlugin plugin(final Value modelValue)
    {
        final String name = modelValue.asString();
        try
        {
            return Models.named(name);
        }
        catch (final InvalidConfigException ex)
        {
            throw new ScenarioException(modelValue.origin() + ": " + ex.problem() + "; 'myriad models' describes them");
        }
    }

    private static Map<String, Object> preset(final ModelPlugin plugin, final Value presetValue)
    {
        final String name = presetValue.asString();
        final Map<String, Map<String, Object>> presets = plugin.presets();
        final Map<String, Object> preset = presets.get(name);
        if (preset == null)
        {
            final List<String> names = new ArrayList<>(presets.keySet());
            throw new ScenarioException(presetValue.origin() + ": model " + plugin.name() + " has no preset '" +
                name + "'" + ScenarioParser.suggestion(name, names) + (names.isEmpty() ? "; it has no presets" :
                "; its presets are " + String.join(", ", names)));
        }
        return preset;
    }

    private static Object presetValue(
        final ModelPlugin plugin, final String preset, final String name, final Object value)
    {
        final ModelParameter parameter = declared(plugin, name);
        final String problem = parameter == null ? "is not a parameter of the model" : parameter.problemWith(value);
        if (problem != null)
        {
            throw new IllegalStateException(
                "model " + plugin.name() + ", preset " + preset + ": " + name + " " + problem + ", was " + value);
        }
        return parameter.canonical(value);
    }

    private static void typeParameters(
        final ModelPlugin plugin,
        final Scenario layer,
        final Map<String, Object> given,
        final Map<String, String> origins)
    {
        for (final Map.Entry<String, Value> entry : layer.parameters().entrySet())
        {
            final String name = entry.getKey();
            final Value value = entry.getValue();
            final ModelParameter parameter = declared(plugin, name);
            if (parameter == null)
            {
                final List<String> names = new ArrayList<>();
                for (final ModelParameter declared : plugin.parameters())
                {
                    names.add(declared.name());
                }
                throw new ScenarioException(value.keyOrigin() + ": not a parameter of model " + plugin.name() +
                    ScenarioParser.suggestion(name, names) +
                    (names.isEmpty() ? "; it has none" : "; its parameters are " + String.join(", ", names)));
            }
            given.put(name, value.as(parameter));
            origins.put(Scenario.PARAMETERS + "." + name, value.origin());
        }
    }

    private static ModelParameter declared(final ModelPlugin plugin, final String name)
    {
        for (final ModelParameter parameter : plugin.parameters())
        {
            if (parameter.name().equals(name))
            {
                return parameter;
            }
        }
        return null;
    }
}
