package io.myriad.tools.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of a run's settings as written, untyped: a scenario file, or the command line's flags. Settings are
 * keyed by their scenario key ({@code max_ticks} is stored as {@link #TICKS}); model parameters are kept apart,
 * in the order written, and typed only once the model, and so their declarations, is known.
 */
public final class Scenario
{
    /** Name of the model to run, as {@code myriad models} lists them. */
    public static final String MODEL = "model";

    /** A named set of parameter values (and agents) the model offers. */
    public static final String PRESET = "preset";

    /** Number of agents at the start, at least 1. */
    public static final String AGENTS = "agents";

    /** Ticks to run, at least 1. */
    public static final String TICKS = "ticks";

    /** Another name for {@link #TICKS}, as the design's scenarios write it. */
    public static final String MAX_TICKS = "max_ticks";

    /**
     * On the event clock, the latest sim time a step may take events at, in seconds; unbounded by default. When it
     * is given and {@link #TICKS} is not, the steps are unbounded too.
     */
    public static final String MAX_SIM_TIME = "max_sim_time";

    /** Sim seconds a wall second: 0 (the default) as fast as possible, 1 real time. */
    public static final String TIME_SCALE = "time_scale";

    /** Compute threads, the driving thread included, at least 1. */
    public static final String THREADS = "threads";

    /** The run's seed, any 64-bit integer. */
    public static final String SEED = "seed";

    /** Memory layout of the agent store: soa, aos or aosoa&lt;N&gt;. */
    public static final String LAYOUT = "layout";

    /** Agents per batch of work, at least 1. */
    public static final String BATCH_SIZE = "batch_size";

    /** How workers wait between batches: backoff, sleeping, yielding, busy-spin or blocking. */
    public static final String WAIT_STRATEGY = "wait_strategy";

    /** Whether the run writes a journal: true (the default) or false. */
    public static final String JOURNAL = "journal";

    /** What the journal records: inputs (the default) or events. */
    public static final String JOURNAL_LEVEL = "journal_level";

    /** Ticks between the state hashes the journal records, at least 1. */
    public static final String HASH_EVERY = "hash_every";

    /** Ticks between the rows of the run's metrics.csv, 0 for none; default 10. */
    public static final String METRICS_EVERY = "metrics_every";

    /** Ticks between checkpoints, 0 (the default) for none. */
    public static final String CHECKPOINT_EVERY_TICKS = "checkpoint_every_ticks";

    /** Emitted events between checkpoints, 0 (the default) for none. */
    public static final String CHECKPOINT_EVERY_EVENTS = "checkpoint_every_events";

    /** Simulated seconds between checkpoints, 0 (the default) for none. */
    public static final String CHECKPOINT_EVERY_SIM_SECONDS = "checkpoint_every_sim_seconds";

    /** Newest checkpoints kept, at least 1; default 3. */
    public static final String KEEP_CHECKPOINTS = "keep_checkpoints";

    /** Simulated seconds one tick stands for; default 1. */
    public static final String SECONDS_PER_TICK = "seconds_per_tick";

    /** The run's name, which names its directory; the model's name by default. */
    public static final String NAME = "name";

    /** The clock the model runs on, ticks or events: checked against the model's when given. */
    public static final String CLOCK = "clock";

    /** Mapping of the run's settings ({@link #RUN_KEYS}), which may also be written at the top level. */
    public static final String SIMULATION = "simulation";

    /** Mapping of model parameter names to values. */
    public static final String PARAMETERS = "parameters";

    /**
     * Mapping of how the run asks its model's decider, for models that decide through one ({@link #DECIDER_KEYS});
     * each is kept as a setting keyed {@code decider.KEY}.
     */
    public static final String DECIDER = "decider";

    /** The keys of the {@link #DECIDER} mapping, in the order to document them. */
    public static final List<String> DECIDER_KEYS = List.of(DeciderSettings.TYPE, DeciderSettings.THINK_MS,
        DeciderSettings.CONCURRENCY, DeciderSettings.REQUESTS_PER_MINUTE, DeciderSettings.TOKENS_PER_MINUTE,
        DeciderSettings.TIMEOUT, DeciderSettings.CACHE, DeciderSettings.BASE_URL, DeciderSettings.MODEL,
        DeciderSettings.API_KEY, DeciderSettings.MAX_TOKENS, DeciderSettings.TEMPERATURE, DeciderSettings.RETRIES);

    /** The keys of the run's settings: the {@link #SIMULATION} block's, in the order to document them. */
    public static final List<String> RUN_KEYS = List.of(
        NAME, MODEL, PRESET, CLOCK, TICKS, MAX_TICKS, MAX_SIM_TIME, TIME_SCALE, THREADS, SEED, LAYOUT, BATCH_SIZE,
        WAIT_STRATEGY, JOURNAL, JOURNAL_LEVEL, HASH_EVERY, METRICS_EVERY, CHECKPOINT_EVERY_TICKS,
        CHECKPOINT_EVERY_EVENTS, CHECKPOINT_EVERY_SIM_SECONDS, KEEP_CHECKPOINTS, SECONDS_PER_TICK);

    /** Every key a scenario may have at its top level, in the order to document them. */
    public static final List<String> KEYS = List.of(
        SIMULATION, AGENTS, PARAMETERS, DECIDER, "space", "channels", "connections", "rules", "events", "metrics",
        NAME, MODEL, PRESET, CLOCK, TICKS, MAX_TICKS, MAX_SIM_TIME, TIME_SCALE, THREADS, SEED, LAYOUT, BATCH_SIZE,
        WAIT_STRATEGY, JOURNAL, JOURNAL_LEVEL, HASH_EVERY, METRICS_EVERY, CHECKPOINT_EVERY_TICKS,
        CHECKPOINT_EVERY_EVENTS, CHECKPOINT_EVERY_SIM_SECONDS, KEEP_CHECKPOINTS, SECONDS_PER_TICK);

    private static final Scenario EMPTY = new Scenario(null, Map.of(), Map.of());

    private final String source;
    private final Map<String, Value> settings;
    private final Map<String, Value> parameters;

    /**
     * @param source     the file as the user named it, or null when the settings come from elsewhere.
     * @param settings   settings by scenario key, without parameters.
     * @param parameters model parameters by name, in the order written.
     */
    public Scenario(final String source, final Map<String, Value> settings, final Map<String, Value> parameters)
    {
        this.source = source;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * @return a layer with no settings.
     */
    public static Scenario empty()
    {
        return EMPTY;
    }

    /**
     * @return the file as the user named it, or null when these settings did not come from a file.
     */
    public String source()
    {
        return source;
    }

    /**
     * @param key a scenario key, e.g. {@link #AGENTS}.
     * @return the value written for it, or null if none was.
     */
    public Value get(final String key)
    {
        return settings.get(key);
    }

    /**
     * @return settings by scenario key, without parameters.
     */
    public Map<String, Value> settings()
    {
        return settings;
    }

    /**
     * @return model parameters by name, in the order written.
     */
    public Map<String, Value> parameters()
    {
        return parameters;
    }
}
