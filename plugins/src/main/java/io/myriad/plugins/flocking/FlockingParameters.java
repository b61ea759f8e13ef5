package io.myriad.plugins.flocking;

import io.myriad.kernel.model.ModelConfig;

/**
 * The flocking model's settings, validated and resolved (an extent of 0 becomes the side of the square that holds
 * the birds at the given density).
 *
 * @param birds      number of birds.
 * @param width      extent of the space along x.
 * @param height     extent of the space along y.
 * @param vision     radius within which a bird sees others.
 * @param speed      distance a bird moves each tick.
 * @param cohere     weight of the pull towards neighbours' mean offset.
 * @param separation distance under which a neighbour repels.
 * @param separate   weight of the push away from neighbours that are too close.
 * @param match      weight of the pull towards neighbours' mean heading.
 */
public record FlockingParameters(
    int birds,
    double width,
    double height,
    double vision,
    double speed,
    double cohere,
    double separation,
    double separate,
    double match)
{
    /** Birds per unit area in the large preset: 400 birds in 150 x 150. */
    public static final double LARGE_PRESET_DENSITY = 400.0 / (150.0 * 150.0);

    /**
     * @param config validated model configuration.
     * @return the parameters, with an extent of 0 resolved from the number of birds and the density.
     */
    public static FlockingParameters from(final ModelConfig config)
    {
        double extent = config.doubleValue("extent");
        if (extent == 0.0)
        {
            extent = Math.sqrt(config.agents() / config.doubleValue("density"));
        }
        return new FlockingParameters(
            config.agents(),
            extent,
            extent,
            config.doubleValue("vision"),
            config.doubleValue("speed"),
            config.doubleValue("cohere"),
            config.doubleValue("separation"),
            config.doubleValue("separate"),
            config.doubleValue("match"));
    }
}
