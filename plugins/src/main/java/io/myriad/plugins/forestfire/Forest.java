package io.myriad.plugins.forestfire;

import io.myriad.layouts.AgentSchema;

/**
 * The forest as a whole, a singleton agent: it remembers the last step after which some cell was still burning, so a
 * run can tell when its fire went out.
 *
 * @param lastBurningStep the last step after which a cell burned; one less than the step the forest was planted at
 *                        (-1 at the start) if its fire died in its first step.
 */
@AgentSchema
public record Forest(long lastBurningStep)
{
}
