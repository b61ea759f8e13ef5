package io.myriad.tools.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import io.myriad.kernel.checkpoint.CheckpointPolicy;

/**
 * Writes resolved settings back as a scenario, with every value explicit (the preset's and the defaults'
 * included), so that running it again reproduces the run whatever the defaults become.
 */
public final class ScenarioWriter
{
    private ScenarioWriter()
    {
    }

    /**
     * @param settings resolved settings.
     * @return a scenario file's text that resolves to the same settings.
     */
    public static String toYaml(final RunSettings settings)
    {
        final Map<String, Object> scenario = new LinkedHashMap<>();
        if (!settings.name().equals(settings.model()))
        {
            scenario.put(Scenario.NAME, settings.name());
        }
        scenario.put(Scenario.MODEL, settings.model());
        if (settings.clock() != null)
        {
            scenario.put(Scenario.CLOCK, settings.clock());
        }
        scenario.put(Scenario.TICKS, settings.ticks());
        if (settings.timeScale() > 0)
        {
            scenario.put(Scenario.TIME_SCALE, settings.timeScale());
        }
        if (settings.maxSimTime() < Double.POSITIVE_INFINITY)
        {
            scenario.put(Scenario.MAX_SIM_TIME, settings.maxSimTime());
        }
        scenario.put(Scenario.THREADS, settings.threads());
        scenario.put(Scenario.SEED, settings.seed());
        scenario.put(Scenario.LAYOUT, settings.layout().name());
        scenario.put(Scenario.BATCH_SIZE, settings.batchSize());
        scenario.put(Scenario.WAIT_STRATEGY, settings.waitStrategy());
        scenario.put(Scenario.JOURNAL, settings.journal());
        scenario.put(Scenario.JOURNAL_LEVEL, settings.journalLevel().label());
        scenario.put(Scenario.HASH_EVERY, settings.hashEvery());
        scenario.put(Scenario.METRICS_EVERY, settings.metricsEvery());
        final CheckpointPolicy checkpoints = settings.checkpointPolicy();
        scenario.put(Scenario.CHECKPOINT_EVERY_TICKS, checkpoints.everyTicks());
        scenario.put(Scenario.CHECKPOINT_EVERY_EVENTS, checkpoints.everyEvents());
        scenario.put(Scenario.CHECKPOINT_EVERY_SIM_SECONDS, checkpoints.everySimSeconds());
        scenario.put(Scenario.KEEP_CHECKPOINTS, checkpoints.keep());
        scenario.put(Scenario.SECONDS_PER_TICK, checkpoints.secondsPerTick());
        final Map<String, Object> file = new LinkedHashMap<>();
        file.put(Scenario.SIMULATION, scenario);
        file.put(Scenario.AGENTS, settings.agents());
        if (!settings.parameters().isEmpty())
        {
            file.put(Scenario.PARAMETERS, new LinkedHashMap<>(settings.parameters()));
        }
        if (settings.decider().given())
        {
            file.put(Scenario.DECIDER, settings.decider().toYaml());
        }

        final DumpSettings dumpSettings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        final StringBuilder header = new StringBuilder()
            .append("# The run's settings, resolved: every value explicit")
            .append(settings.preset() == null ? "" : ", preset " + settings.preset() + " applied")
            .append(".\n")
            .append("# Run it again with: myriad run scenario.yaml\n");
        return header + new Dump(dumpSettings).dumpToString(file);
    }
}
