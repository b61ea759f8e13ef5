package io.myriad.kernel.model;

import java.util.List;
import java.util.Map;

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
     * Creates the model for one run.
     *
     * @param config validated settings.
     * @return a model ready to initialise a store.
     */
    Model create(ModelConfig config);
}
