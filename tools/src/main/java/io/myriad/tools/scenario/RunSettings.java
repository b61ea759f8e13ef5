package io.myriad.tools.scenario;

import java.util.Locale;
import java.util.Map;

import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelPlugin;
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
 * {@link #resolve(Scenario, Scenario, int)} makes one; an instance holds what was resolved and where each value came
 * from, and checks that the agents fit the layout.
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
    private final double maxSimTime;
    private final double timeScale;
    private final int threads;
    private final Layout layout;
    private final int batchSize;
    private final String waitStrategy;
    private final boolean journal;
    private final JournalLevel journalLevel;
    private final long hashEvery;
    private final int metricsEvery;
    private final CheckpointPolicy checkpointPolicy;
    private final DeciderSettings decider;
    private final String name;
    private final String clock;
    private final String scenario;
    private final Map<String, String> origins;

    RunSettings(
        final ModelPlugin plugin,
        final String preset,
        final ModelConfig modelConfig,
        final long ticks,
        final double maxSimTime,
        final double timeScale,
        final int threads,
        final Layout layout,
        final int batchSize,
        final String waitStrategy,
        final boolean journal,
        final JournalLevel journalLevel,
        final long hashEvery,
        final int metricsEvery,
        final CheckpointPolicy checkpointPolicy,
        final DeciderSettings decider,
        final String name,
        final String clock,
        final String scenario,
        final Map<String, String> origins)
    {
        this.decider = decider;
        this.name = name;
        this.clock = clock;
        this.checkpointPolicy = checkpointPolicy;
        this.journal = journal;
        this.journalLevel = journalLevel;
        this.hashEvery = hashEvery;
        this.metricsEvery = metricsEvery;
        this.plugin = plugin;
        this.preset = preset;
        this.modelConfig = modelConfig;
        this.ticks = ticks;
        this.maxSimTime = maxSimTime;
        this.timeScale = timeScale;
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
        return SettingsResolver.resolve(file, commandLine, processors);
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
     * @return how the run asks its model's decider, when the model decides through one.
     */
    public DeciderSettings decider()
    {
        return decider;
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
     * @return the run's name, which names its directory: the scenario's {@code name}, else the model's.
     */
    public String name()
    {
        return name != null ? name : model();
    }

    /**
     * @return the clock the scenario says the model runs on, {@code ticks} or {@code events}, or null if it says
     *         none.
     */
    public String clock()
    {
        return clock;
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
     * @return these settings for a model on the event clock, where a step is often a single event: unless given,
     *         the journal's state hashes and the rows of metrics.csv come every as many steps as there are agents
     *         at the start (about one event an agent) instead of every {@value #DEFAULT_HASH_EVERY} and
     *         {@value #DEFAULT_METRICS_EVERY} steps, which would hash and reduce the whole world a few events apart.
     */
    public RunSettings onEventClock()
    {
        final long agents = Math.max(1, agents());
        final long hashes = origins.containsKey(Scenario.HASH_EVERY) ? hashEvery : Math.max(hashEvery, agents);
        final int rows = origins.containsKey(Scenario.METRICS_EVERY) || metricsEvery == 0 ? metricsEvery :
            (int)Math.min(Integer.MAX_VALUE, Math.max(metricsEvery, agents));
        return new RunSettings(plugin, preset, modelConfig, ticks, maxSimTime, timeScale, threads, layout, batchSize,
            waitStrategy, journal, journalLevel, hashes, rows, checkpointPolicy, decider, name, clock, scenario,
            origins);
    }

    /**
     * @return sim seconds a wall second; 0 for as fast as possible.
     */
    public double timeScale()
    {
        return timeScale;
    }

    /**
     * @return on the event clock, the latest sim time a step may take events at; infinite when unbounded.
     */
    public double maxSimTime()
    {
        return maxSimTime;
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
}
