package io.myriad.kernel.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's validated settings: the number of agents, the seed and every declared parameter's value.
 * Immutable. Built by {@link #of(ModelPlugin, int, long, Map)}, which fills defaults and rejects unknown names,
 * wrong types and values out of bounds.
 */
public final class ModelConfig
{
    /**
     * Prefix of the path an {@link InvalidConfigException} names for a model parameter, as in a scenario file:
     * {@code parameters.vision}. Models that reject a combination of parameters use the same form.
     */
    public static final String PARAMETERS = "parameters.";

    private final String model;
    private final int agents;
    private final long seed;
    private final Map<String, Object> values;

    private ModelConfig(final String model, final int agents, final long seed, final Map<String, Object> values)
    {
        this.model = model;
        this.agents = agents;
        this.seed = seed;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates settings for a model.
     *
     * @param plugin the model.
     * @param agents number of agents at the start, at least 1.
     * @param seed   the run's seed.
     * @param given  parameter values by name; missing ones take defaults. A number parameter takes any
     *               {@link Number} ({@code 1}, {@code 1L}, {@code 0.5f}, {@code 0.5}, a {@code BigDecimal}...), an
     *               integer parameter any {@link Number} whose value is whole ({@code 3}, {@code 3L}, {@code 3.0};
     *               not {@code 1.5}); a boolean a Boolean, text a String. They are held as Long, Double, Boolean
     *               or String (see {@link ModelParameter#canonical(Object)}).
     * @return the configuration.
     * @throws InvalidConfigException naming the first problem found.
     */
    public static ModelConfig of(
        final ModelPlugin plugin, final int agents, final long seed, final Map<String, ?> given)
    {
        if (agents < 1)
        {
            throw new InvalidConfigException("agents", "must be at least 1, was " + agents);
        }
        final List<ModelParameter> declared = plugin.parameters();
        final Map<String, Object> values = new LinkedHashMap<>();
        for (final ModelParameter parameter : declared)
        {
            values.put(parameter.name(), parameter.defaultValue());
        }
        for (final Map.Entry<String, ?> entry : given.entrySet())
        {
            final ModelParameter parameter = find(declared, entry.getKey());
            if (parameter == null)
            {
                throw new InvalidConfigException(PARAMETERS + entry.getKey(),
                    "is not a parameter of model " + plugin.name() + "; it has: " + names(declared));
            }
            final Object value = entry.getValue();
            final String problem = parameter.problemWith(value);
            if (problem != null)
            {
                throw new InvalidConfigException(PARAMETERS + entry.getKey(), problem + ", was " + value);
            }
            values.put(parameter.name(), parameter.canonical(value));
        }
        return new ModelConfig(plugin.name(), agents, seed, values);
    }

    /**
     * @return the model's name.
     */
    public String model()
    {
        return model;
    }

    /**
     * @return number of agents at the start.
     */
    public int agents()
    {
        return agents;
    }

    /**
     * @return the run's seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @param name a declared DOUBLE parameter.
     * @return its value.
     */
    public double doubleValue(final String name)
    {
        return (Double)require(name);
    }

    /**
     * @param name a declared INTEGER parameter.
     * @return its value.
     */
    public long longValue(final String name)
    {
        return (Long)require(name);
    }

    /**
     * @param name a declared BOOLEAN parameter.
     * @return its value.
     */
    public boolean booleanValue(final String name)
    {
        return (Boolean)require(name);
    }

    /**
     * @param name a declared STRING parameter.
     * @return its value.
     */
    public String stringValue(final String name)
    {
        return (String)require(name);
    }

    /**
     * @return every parameter's value by name, in declaration order.
     */
    public Map<String, Object> values()
    {
        return values;
    }

    private Object require(final String name)
    {
        final Object value = values.get(name);
        if (value == null)
        {
            throw new IllegalArgumentException("model " + model + " has no parameter " + name);
        }
        return value;
    }

    private static ModelParameter find(final List<ModelParameter> declared, final String name)
    {
        for (final ModelParameter parameter : declared)
        {
            if (parameter.name().equals(name))
            {
                return parameter;
            }
        }
        return null;
    }

    private static String names(final List<ModelParameter> declared)
    {
        final StringBuilder sb = new StringBuilder();
        for (final ModelParameter parameter : declared)
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(parameter.name());
        }
        return sb.length() == 0 ? "(none)" : sb.toString();
    }
}
