package io.myriad.plugins.forestfire;

import io.myriad.layouts.AgentSchema;

/**
 * The forest as a whole, a singleton agent: it remembers the last step after which some cell was still burning, so a
 * run can tell when its fire went out.
 *
 * @param lastBurningStep the last step after which a cell burned; -1 if the fire died in the first step.
 */
@AgentSchema
public record Forest(long lastBurningStep)
{
}
