package io.myriad.tools;

import io.myriad.kernel.Clock;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.world.AgentType;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioException;

/**
 * Creates the model a run's settings describe, and tells bad input from a failure while doing so: a configuration
 * the model rejects, or agents more than the layout's stores can hold, is reported as bad input pointing at where it
 * was given; running out of memory for agents that do fit is a failed run.
 */
final class ModelCreation
{
    private ModelCreation()
    {
    }

    /**
     * @param settings the run's resolved settings.
     * @return the model, every agent type of which fits the layout.
     * @throws ScenarioException  if the model rejects its configuration or its agents do not fit the layout.
     * @throws RunFailedException if there is not memory enough to create it.
     */
    static Model create(final RunSettings settings)
    {
        final Model model;
        try
        {
            model = settings.plugin().create(settings.modelConfig());
        }
        catch (final InvalidConfigException ex)
        {
            final String origin = settings.originOf(ex.path());
            throw new ScenarioException(origin == null ?
                "model " + settings.model() + ": " + ex.getMessage() :
                origin + ": " + ex.problem() + " (model " + settings.model() + ")");
        }
        catch (final OutOfMemoryError ex)
        {
            requireCapacityOfSmallerModel(settings);
            throw RunFailedException.outOfMemory(settings, ex);
        }
        catch (final RuntimeException ex)
        {
            requireCapacityOfSmallerModel(settings);
            throw ex;
        }
        final String clock = model.clock() == Clock.TICKS ? "ticks" : "events";
        if (settings.clock() != null && !settings.clock().equals(clock))
        {
            throw new ScenarioException(settings.originOf(Scenario.CLOCK) + ": model " + settings.model() +
                " runs on the " + clock + " clock; write clock: " + clock + ", or leave it out");
        }
        if (model.clock() == Clock.TICKS && settings.maxSimTime() < Double.POSITIVE_INFINITY)
        {
            final String origin = settings.originOf(Scenario.MAX_SIM_TIME);
            throw new ScenarioException((origin == null ? Scenario.MAX_SIM_TIME : origin) + ": model " +
                settings.model() + " runs on the tick clock, and a maximum sim time bounds runs on the event " +
                "clock; give the ticks to run instead (--ticks N, scenario key ticks)");
        }
        // RunSettings checked the agents already if the plugin named its schema; the types' capacities are exact
        for (final AgentType type : model.agentTypes())
        {
            settings.requireCapacity(type.schema(), type.capacity());
        }
        return model;
    }

    /**
     * A model that failed to create itself for the agents asked for may have failed because they are more than
     * any store can hold (sizing its own arrays for them first). When its plugin does not name its schema, learn
     * the schema from the model at its default size, so that such a run is reported as the bad input it is.
     */
    private static void requireCapacityOfSmallerModel(final RunSettings settings)
    {
        if (settings.plugin().schema() != null)
        {
            return;
        }
        final Model smaller;
        try
        {
            final ModelConfig config = settings.modelConfig();
            smaller = settings.plugin().create(ModelConfig.of(settings.plugin(),
                Math.min(config.agents(), settings.plugin().defaultAgents()), config.seed(), config.values()));
        }
        catch (final RuntimeException | OutOfMemoryError ex)
        {
            return; // the original failure stands
        }
        for (final AgentType type : smaller.agentTypes())
        {
            settings.requireCapacity(type.schema(), settings.agents());
        }
    }
}
