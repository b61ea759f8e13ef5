package io.myriad.kernel.model;

import java.util.List;
import java.util.Map;

import io.myriad.layouts.Schema;

/**
 * A model the kernel can run, found through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.myriad.kernel.model.ModelPlugin}. Implementations are stateless factories.
 */
public interface ModelPlugin
{
    /**
     * @return the name scenarios and the command line use, lower case, e.g. {@code flocking}.
     */
    String name();

    /**
     * @return one line saying what the model is.
     */
    String description();

    /**
     * @return the parameters the model accepts, in the order to document them.
     */
    List<ModelParameter> parameters();

    /**
     * @return named sets of parameter values (and, under the key {@code agents}, an agent count) that reproduce
     * a published setup; empty when the model has none.
     */
    default Map<String, Map<String, Object>> presets()
    {
        return Map.of();
    }

    /**
     * @return agents to run when none are asked for.
     */
    int defaultAgents();

    /**
     * The schema of the agent type whose count the run's {@code agents} sets, known before the model is created: a
     * tool checks with it that the agents asked for fit a layout ({@link io.myriad.layouts.Layout#maxCapacity})
     * before creating a model that would size its own arrays for them.
     *
     * @return the agents' schema, or null if the plugin does not say (the default), when the check waits for the
     * model to be created.
     */
    default Schema schema()
    {
        return null;
    }

    /**
     * Creates the model for one run.
     *
     * @param config validated settings.
     * @return a model ready to initialise a store.
     */
    Model create(ModelConfig config);
}
