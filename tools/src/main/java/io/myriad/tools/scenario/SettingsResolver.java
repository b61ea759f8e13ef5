package io.myriad.tools.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import io.myriad.kernel.Configuration;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.layouts.Layout;

/**
 * Reads and checks every setting of a run from its {@link SettingsLayers}, taking the built-in default for what
 * neither layer gives, and builds the {@link RunSettings}.
 * <p>
 * Settings are checked in a fixed order, so that of several bad ones the same one is always reported: the model and
 * what it is given ({@link ModelSettings}); the ticks, threads, seed and batch size; the layout and the wait
 * strategy; the journal and the metrics; the checkpoints; the model's own rules for its configuration; and last
 * whether the agents fit the layout, when the plugin names its schema.
 */
final class SettingsResolver
{
    private SettingsResolver()
    {
    }

    /**
     * @param file        the scenario file's settings, or {@link Scenario#empty()}.
     * @param commandLine the command line's settings, which override the file's.
     * @param processors  processors the run may use.
     * @return the settings.
     * @throws ScenarioException naming the first bad setting, where it was given and how to fix it.
     * @see RunSettings#resolve(Scenario, Scenario, int)
     */
    static RunSettings resolve(final Scenario file, final Scenario commandLine, final int processors)
    {
        final SettingsLayers layers = new SettingsLayers(file, commandLine);
        final Map<String, String> origins = new LinkedHashMap<>();
        final ModelSettings model = ModelSettings.resolve(layers, origins);

        final double maxSimTime = layers.doubleSetting(Scenario.MAX_SIM_TIME, Double.POSITIVE_INFINITY);
        final double timeScale = layers.doubleSetting(Scenario.TIME_SCALE, 0.0);
        if (layers.pick(Scenario.MAX_SIM_TIME) != null)
        {
            origins.put(Scenario.MAX_SIM_TIME, layers.pick(Scenario.MAX_SIM_TIME).origin());
        }
        // a run bounded in sim time is not bounded in steps unless it says so
        final long ticks = layers.longSetting(Scenario.TICKS, 1, Long.MAX_VALUE,
            maxSimTime < Double.POSITIVE_INFINITY ? Long.MAX_VALUE : RunSettings.DEFAULT_TICKS);
        final int threads = (int)layers.longSetting(Scenario.THREADS, 1, Short.MAX_VALUE, Math.max(1, processors));
        final long seed = layers.longSetting(Scenario.SEED, Long.MIN_VALUE, Long.MAX_VALUE, RunSettings.DEFAULT_SEED);
        final int batchSize = (int)layers.longSetting(
            Scenario.BATCH_SIZE, 1, Integer.MAX_VALUE, Configuration.batchSize());

        final Value layoutValue = layers.pick(Scenario.LAYOUT);
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

        final Value waitValue = layers.pick(Scenario.WAIT_STRATEGY);
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

        final Value journalValue = layers.pick(Scenario.JOURNAL);
        final boolean journal = journalValue == null || journalValue.asBoolean();
        final Value levelValue = layers.pick(Scenario.JOURNAL_LEVEL);
        final JournalLevel journalLevel = levelValue == null ? JournalLevel.INPUTS :
            JournalLevel.ofLabel(levelValue.asString());
        if (journalLevel == null)
        {
            throw levelValue.problem("must be inputs or events");
        }
        for (final String key : new String[]{ Scenario.HASH_EVERY, Scenario.METRICS_EVERY })
        {
            if (layers.pick(key) != null)
            {
                origins.put(key, layers.pick(key).origin());
            }
        }
        final long hashEvery = layers.longSetting(
            Scenario.HASH_EVERY, 1, Long.MAX_VALUE, RunSettings.DEFAULT_HASH_EVERY);
        final int metricsEvery = (int)layers.longSetting(
            Scenario.METRICS_EVERY, 0, Integer.MAX_VALUE, RunSettings.DEFAULT_METRICS_EVERY);

        final CheckpointPolicy checkpointPolicy = checkpointPolicy(layers);
        final Value nameValue = layers.pick(Scenario.NAME);
        final String name = nameValue == null ? null : nameValue.asString();
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"))
        {
            throw nameValue.problem("must be a name for the run's directory: letters, digits, '.', '_' and '-', " +
                "at most 64, starting with a letter or digit");
        }
        final Value clockValue = layers.pick(Scenario.CLOCK);
        final String clock = clockValue == null ? null : clockValue.asString();
        if (clock != null && !clock.equals("ticks") && !clock.equals("events"))
        {
            throw clockValue.problem("must be ticks or events");
        }
        if (clock != null)
        {
            origins.put(Scenario.CLOCK, clockValue.origin());
        }
        final ModelConfig modelConfig = model.config(seed);

        final RunSettings settings = new RunSettings(
            model.plugin(), model.preset(), modelConfig, ticks, maxSimTime, timeScale, threads, layout, batchSize,
            waitStrategy, journal, journalLevel, hashEvery, metricsEvery, checkpointPolicy,
            DeciderSettings.resolve(layers), name, clock, file.source(), origins);
        if (model.plugin().schema() != null)
        {
            // before the model is created: it may size arrays of its own for every agent
            settings.requireCapacity(model.plugin().schema(), model.agents());
        }
        return settings;
    }

    private static CheckpointPolicy checkpointPolicy(final SettingsLayers layers)
    {
        final long everyTicks = layers.longSetting(Scenario.CHECKPOINT_EVERY_TICKS, 0, Long.MAX_VALUE, 0);
        final long everyEvents = layers.longSetting(Scenario.CHECKPOINT_EVERY_EVENTS, 0, Long.MAX_VALUE, 0);
        final double everySimSeconds = layers.doubleSetting(Scenario.CHECKPOINT_EVERY_SIM_SECONDS, 0.0);
        final double secondsPerTick = layers.doubleSetting(Scenario.SECONDS_PER_TICK, 1.0);
        if (!(secondsPerTick > 0))
        {
            throw layers.pick(Scenario.SECONDS_PER_TICK).problem("must be more than 0");
        }
        final int keep = (int)layers.longSetting(Scenario.KEEP_CHECKPOINTS, 1, 1_000_000, 3);
        return new CheckpointPolicy(everyTicks, everyEvents, everySimSeconds, secondsPerTick, keep);
    }
}
