package io.myriad.kernel.journal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;

/**
 * What a journal's {@link RecordType#RUN_START} record says: enough to rebuild the run (the model's validated
 * configuration, the seed), how the journal was written, and the scenario text for people to read.
 *
 * @param model            the model's name.
 * @param agents           agents at the start.
 * @param seed             the run's seed.
 * @param parameters       every model parameter's value (Long, Double, Boolean or String), in declared order.
 * @param level            what the journal records.
 * @param hashEvery        ticks between state-hash records.
 * @param maxTicks         ticks the run was asked for, 0 if unbounded.
 * @param stateHashVersion the {@link io.myriad.kernel.hash.StateHash#VERSION} the hashes were computed with.
 * @param scenario         the resolved scenario, as the tool that started the run wrote it; may be empty.
 */
public record RunHeader(
    String model,
    int agents,
    long seed,
    Map<String, Object> parameters,
    JournalLevel level,
    long hashEvery,
    long maxTicks,
    int stateHashVersion,
    String scenario)
{
    /**
     * Checks and copies the fields.
     */
    public RunHeader
    {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(scenario, "scenario");
        if (hashEvery < 1)
        {
            throw new IllegalArgumentException("hashEvery must be at least 1, was " + hashEvery);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Builds the run's model again, as replay and resume do: the plugin of that name with these agents, seed and
     * parameters.
     *
     * @param journal the journal the header came from, for the message.
     * @return the model.
     * @throws JournalException if this build has no such model, its parameters no longer validate, or the
     *                          journal's state hashes are of another version.
     */
    public Model createModel(final Path journal)
    {
        if (stateHashVersion != StateHash.VERSION)
        {
            throw new JournalException("journal " + journal + " holds state hashes of version " + stateHashVersion +
                "; this build computes version " + StateHash.VERSION + ", so it cannot verify them");
        }
        try
        {
            final ModelPlugin plugin = Models.named(model);
            return plugin.create(ModelConfig.of(plugin, agents, seed, parameters));
        }
        catch (final InvalidConfigException ex)
        {
            throw new JournalException("journal " + journal + " describes a run this build cannot rebuild: " +
                ex.getMessage(), ex);
        }
    }

    /**
     * The header of a run of {@code config}.
     *
     * @param config           the model's validated configuration.
     * @param level            what the journal records.
     * @param hashEvery        ticks between state-hash records, at least 1.
     * @param maxTicks         ticks the run is asked for, 0 if unbounded.
     * @param stateHashVersion the state hash's version.
     * @param scenario         the resolved scenario's text, or "".
     * @return the header.
     */
    public static RunHeader of(
        final ModelConfig config,
        final JournalLevel level,
        final long hashEvery,
        final long maxTicks,
        final int stateHashVersion,
        final String scenario)
    {
        return new RunHeader(config.model(), config.agents(), config.seed(), config.values(), level, hashEvery,
            maxTicks, stateHashVersion, scenario);
    }
}
