package io.myriad.tools.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.myriad.kernel.Configuration;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.layouts.Layout;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

/**
 * A run's settings, resolved and validated: which model with which {@link ModelConfig}, for how many ticks, on
 * how many threads, with which seed, layout, batch size and wait strategy.
 * <p>
 * Settings come in layers, each overriding the ones before it:
 * <ul>
 *   <li>model parameters: the model's defaults &lt; the preset &lt; the scenario's {@code parameters} &lt;
 *   {@code --param};</li>
 *   <li>agents: the model's default &lt; the preset's {@code agents} &lt; the scenario &lt; {@code --agents};</li>
 *   <li>everything else: the built-in default &lt; the scenario &lt; the flag.</li>
 * </ul>
 */
public final class RunSettings
{
    /** Ticks when neither the scenario nor the command line says. */
    public static final long DEFAULT_TICKS = 200;

    /** Seed when neither the scenario nor the command line says: runs are reproducible unless asked otherwise. */
    public static final long DEFAULT_SEED = 42;

    /** Ticks between journaled state hashes unless the scenario or --hash-every says. */
    public static final long DEFAULT_HASH_EVERY = 100;
    /** Ticks between metrics rows when the scenario does not say. */
    public static final int DEFAULT_METRICS_EVERY = 10;

    /** Key of a preset's agent count, as {@link ModelPlugin#presets()} documents. */
    public static final String PRESET_AGENTS = "agents";

    private final ModelPlugin plugin;
    private final String preset;
    private final ModelConfig modelConfig;
    private final long ticks;
    private final int threads;
    private final Layout layout;
    private final int batchSize;
    private final String waitStrategy;
    private final boolean journal;
    private final JournalLevel journalLevel;
    private final long hashEvery;
    private final int metricsEvery;
    private final CheckpointPolicy checkpointPolicy;
    private final String scenario;
    private final Map<String, String> origins;

    private RunSettings(
        final ModelPlugin plugin,
        final String preset,
        final ModelConfig modelConfig,
        final long ticks,
        final int threads,
        final Layout layout,
        final int batchSize,
        final String waitStrategy,
        final boolean journal,
        final JournalLevel journalLevel,
        final long hashEvery,
        final int metricsEvery,
        final CheckpointPolicy checkpointPolicy,
        final String scenario,
        final Map<String, String> origins)
    {
        this.checkpointPolicy = checkpointPolicy;
        this.journal = journal;
        this.journalLevel = journalLevel;
        this.hashEvery = hashEvery;
        this.metricsEvery = metricsEvery;
        this.plugin = plugin;
        this.preset = preset;
        this.modelConfig = modelConfig;
        this.ticks = ticks;
        this.threads = threads;
        this.layout = layout;
        this.batchSize = batchSize;
        this.waitStrategy = waitStrategy;
        this.scenario = scenario;
        this.origins = origins;
    }

    /**
     * Resolves a run's settings from a scenario and the command line, checking every value.
     *
     * @param file           the scenario file's settings, or {@link Scenario#empty()}.
     * @param commandLine    the command line's settings, which override the file's.
     * @param processors     processors the run may use: the threads when neither says, and what decides the
     *                       wait strategy when neither names one ({@link WaitStrategies#defaultFor(int, int)}).
     * @return the settings.
     * @throws ScenarioException naming the first bad setting, where it was given and how to fix it.
     */
    public static RunSettings resolve(final Scenario file, final Scenario commandLine, final int processors)
    {
        final Value modelValue = pick(Scenario.MODEL, commandLine, file);
        if (modelValue == null)
        {
            throw new ScenarioException((file.source() == null ? "" : file.source() + ": ") + "no model to run; " +
                "add 'model: NAME' to the scenario or pass --model NAME ('myriad models' lists them)");
        }
        final ModelPlugin plugin = plugin(modelValue);

        final Value presetValue = pick(Scenario.PRESET, commandLine, file);
        final String presetName = presetValue == null ? null : presetValue.asString();
        final Map<String, Object> preset = presetName == null ? Map.of() : preset(plugin, presetValue);

        final Map<String, Object> given = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> entry : preset.entrySet())
        {
            if (!PRESET_AGENTS.equals(entry.getKey()))
            {
                given.put(entry.getKey(), presetValue(plugin, presetName, entry.getKey(), entry.getValue()));
            }
        }
        final Map<String, String> origins = new LinkedHashMap<>();
        typeParameters(plugin, file, given, origins);
        typeParameters(plugin, commandLine, given, origins);

        final Value agentsValue = pick(Scenario.AGENTS, commandLine, file);
        final int agents;
        if (agentsValue != null)
        {
            agents = (int)agentsValue.asLong(1, Integer.MAX_VALUE);
            origins.put(Scenario.AGENTS, agentsValue.origin());
        }
        else if (preset.get(PRESET_AGENTS) instanceof Number)
        {
            agents = ((Number)preset.get(PRESET_AGENTS)).intValue();
        }
        else
        {
            agents = plugin.defaultAgents();
        }

        final long ticks = longSetting(Scenario.TICKS, commandLine, file, 1, Long.MAX_VALUE, DEFAULT_TICKS);
        final int threads = (int)longSetting(
            Scenario.THREADS, commandLine, file, 1, Short.MAX_VALUE, Math.max(1, processors));
        final long seed = longSetting(
            Scenario.SEED, commandLine, file, Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_SEED);
        final int batchSize = (int)longSetting(
            Scenario.BATCH_SIZE, commandLine, file, 1, Integer.MAX_VALUE, Configuration.batchSize());

        final Value layoutValue = pick(Scenario.LAYOUT, commandLine, file);
        final Layout layout;
        try
        {
            layout = Layout.named(layoutValue == null ? Configuration.layout() : layoutValue.asString());
        }
        catch (final IllegalArgumentException ex)
        {
            final String origin = layoutValue == null ?
                "system property " + Configuration.LAYOUT_PROP_NAME : layoutValue.origin();
            throw new ScenarioException(origin + ": " + ex.getMessage());
        }

        final Value waitValue = pick(Scenario.WAIT_STRATEGY, commandLine, file);
        final String namedWaitStrategy = waitValue == null ?
            System.getProperty(Configuration.WAIT_STRATEGY_PROP_NAME) : waitValue.asString();
        final String waitStrategy = namedWaitStrategy == null ?
            WaitStrategies.defaultFor(threads, Math.max(1, processors)) : namedWaitStrategy;
        if (namedWaitStrategy != null)
        {
            origins.put(Scenario.WAIT_STRATEGY, waitValue != null ? waitValue.origin() :
                "system property " + Configuration.WAIT_STRATEGY_PROP_NAME);
        }
        try
        {
            WaitStrategies.named(waitStrategy);
        }
        catch (final IllegalArgumentException ex)
        {
            final String origin = waitValue == null ?
                "system property " + Configuration.WAIT_STRATEGY_PROP_NAME : waitValue.origin();
            throw new ScenarioException(origin + ": " + ex.getMessage());
        }

        if (layoutValue != null)
        {
            origins.put(Scenario.LAYOUT, layoutValue.origin());
        }

        final Value journalValue = pick(Scenario.JOURNAL, commandLine, file);
        final boolean journal = journalValue == null || journalValue.asBoolean();
        final Value levelValue = pick(Scenario.JOURNAL_LEVEL, commandLine, file);
        final JournalLevel journalLevel = levelValue == null ? JournalLevel.INPUTS :
            JournalLevel.ofLabel(levelValue.asString());
        if (journalLevel == null)
        {
            throw levelValue.problem("must be inputs or events");
        }
        final long hashEvery = longSetting(
            Scenario.HASH_EVERY, commandLine, file, 1, Long.MAX_VALUE, DEFAULT_HASH_EVERY);
        final int metricsEvery = (int)longSetting(
            Scenario.METRICS_EVERY, commandLine, file, 0, Integer.MAX_VALUE, DEFAULT_METRICS_EVERY);

        final long everyTicks = longSetting(Scenario.CHECKPOINT_EVERY_TICKS, commandLine, file, 0, Long.MAX_VALUE, 0);
        final long everyEvents = longSetting(
            Scenario.CHECKPOINT_EVERY_EVENTS, commandLine, file, 0, Long.MAX_VALUE, 0);
        final double everySimSeconds = doubleSetting(Scenario.CHECKPOINT_EVERY_SIM_SECONDS, commandLine, file, 0.0);
        final double secondsPerTick = doubleSetting(Scenario.SECONDS_PER_TICK, commandLine, file, 1.0);
        if (!(secondsPerTick > 0))
        {
            throw pick(Scenario.SECONDS_PER_TICK, commandLine, file).problem("must be more than 0");
        }
        final int keep = (int)longSetting(Scenario.KEEP_CHECKPOINTS, commandLine, file, 1, 1_000_000, 3);
        final CheckpointPolicy checkpointPolicy =
            new CheckpointPolicy(everyTicks, everyEvents, everySimSeconds, secondsPerTick, keep);

        final ModelConfig modelConfig;
        try
        {
            modelConfig = ModelConfig.of(plugin, agents, seed, given);
        }
        catch (final InvalidConfigException ex)
        {
            throw new ScenarioException("model " + plugin.name() + ": " + ex.getMessage());
        }

        final RunSettings settings = new RunSettings(
            plugin, presetName, modelConfig, ticks, threads, layout, batchSize, waitStrategy, journal, journalLevel,
            hashEvery, metricsEvery, checkpointPolicy, file.source(), origins);
        if (plugin.schema() != null)
        {
            // before the model is created: it may size arrays of its own for every agent
            settings.requireCapacity(plugin.schema(), agents);
        }
        return settings;
    }

    /**
     * Checks that the store a run needs fits its layout: a capacity no layout region can hold is bad input, not a
     * failure of the run.
     *
     * @param schema   the model's agents.
     * @param capacity the store's capacity: the model's, or the agents asked for when the model is not yet created.
     * @throws ScenarioException naming where the agents were given, the most the layout holds and, if another
     *                           layout holds more, that one.
     */
    public void requireCapacity(final Schema schema, final long capacity)
    {
        final int most = layout.maxCapacity(schema);
        if (capacity <= most)
        {
            return;
        }
        final String agentsOrigin = originOf(Scenario.AGENTS);
        final String layoutOrigin = origins.get(Scenario.LAYOUT);
        final StringBuilder problem = new StringBuilder()
            .append(agentsOrigin != null ? agentsOrigin : "model " + model() + "'s agents").append(": ")
            .append(String.format(Locale.ROOT, "%,d %s agents do not fit the %s layout, which holds at most %,d " +
                "of them (a store's memory regions are each at most 2 GiB); ", capacity, model(), layout.name(), most));
        final int soaMost = SoaLayout.INSTANCE.maxCapacity(schema);
        if (capacity <= soaMost && !SoaLayout.INSTANCE.name().equals(layout.name()))
        {
            problem.append(String.format(Locale.ROOT, "use the soa layout (%s), which holds up to %,d, or ",
                layoutOrigin != null && layoutOrigin.startsWith("--layout") ? "--layout soa" : "layout: soa",
                soaMost));
        }
        problem.append(String.format(Locale.ROOT, "run at most %,d agents", most));
        throw new ScenarioException(problem.toString());
    }

    /**
     * @return true if the run writes a journal.
     */
    public boolean journal()
    {
        return journal;
    }

    /**
     * @return what the journal records.
     */
    public JournalLevel journalLevel()
    {
        return journalLevel;
    }

    /**
     * @return when checkpoints are taken and how many are kept.
     */
    public CheckpointPolicy checkpointPolicy()
    {
        return checkpointPolicy;
    }

    /**
     * @return ticks between the rows of metrics.csv, 0 for none.
     */
    public int metricsEvery()
    {
        return metricsEvery;
    }

    /**
     * @return ticks between journaled state hashes.
     */
    public long hashEvery()
    {
        return hashEvery;
    }

    /**
     * @return the model's plugin.
     */
    public ModelPlugin plugin()
    {
        return plugin;
    }

    /**
     * @return the preset applied, or null.
     */
    public String preset()
    {
        return preset;
    }

    /**
     * @return the model's validated configuration: agents, seed and every parameter's value.
     */
    public ModelConfig modelConfig()
    {
        return modelConfig;
    }

    /**
     * @return the model's name.
     */
    public String model()
    {
        return plugin.name();
    }

    /**
     * @return agents at the start.
     */
    public int agents()
    {
        return modelConfig.agents();
    }

    /**
     * @return the run's seed.
     */
    public long seed()
    {
        return modelConfig.seed();
    }

    /**
     * @return ticks to run.
     */
    public long ticks()
    {
        return ticks;
    }

    /**
     * @return compute threads, the driving thread included.
     */
    public int threads()
    {
        return threads;
    }

    /**
     * @return memory layout of the agent store.
     */
    public Layout layout()
    {
        return layout;
    }

    /**
     * @return agents per batch.
     */
    public int batchSize()
    {
        return batchSize;
    }

    /**
     * @return how workers wait between batches.
     */
    public String waitStrategy()
    {
        return waitStrategy;
    }

    /**
     * @return the scenario file as the user named it, or null when the run had none.
     */
    public String scenario()
    {
        return scenario;
    }

    /**
     * @return every parameter's value by name, in the model's declaration order.
     */
    public Map<String, Object> parameters()
    {
        return modelConfig.values();
    }

    /**
     * Where a setting's value was given, to point at it when the model rejects it.
     *
     * @param path {@code agents}, or a parameter as {@code parameters.NAME} or {@code NAME}.
     * @return the origin of the value in a scenario file or on the command line, or null if it came from a preset
     * or a default.
     */
    public String originOf(final String path)
    {
        final String origin = origins.get(path);
        return origin != null ? origin : origins.get(Scenario.PARAMETERS + "." + path);
    }

    private static Value pick(final String key, final Scenario commandLine, final Scenario file)
    {
        final Value value = commandLine.get(key);
        return value != null ? value : file.get(key);
    }

    private static long longSetting(
        final String key,
        final Scenario commandLine,
        final Scenario file,
        final long min,
        final long max,
        final long defaultValue)
    {
        final Value value = pick(key, commandLine, file);
        return value == null ? defaultValue : value.asLong(min, max);
    }

    private static double doubleSetting(
        final String key, final Scenario commandLine, final Scenario file, final double defaultValue)
    {
        final Value value = pick(key, commandLine, file);
        if (value == null)
        {
            return defaultValue;
        }
        final double number = value.asDouble();
        if (number < 0 || Double.isNaN(number) || Double.isInfinite(number))
        {
            throw value.problem("must be a finite number, 0 or more");
        }
        return number;
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
