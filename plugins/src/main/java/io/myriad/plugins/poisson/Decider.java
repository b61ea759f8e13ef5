package io.myriad.plugins.poisson;

import io.myriad.layouts.AgentSchema;

/**
 * An agent that decides at its own times: what its decisions have made of its wealth, and how many it has made.
 * Only its own decision events change it, so it is not double buffered.
 *
 * @param wealth    a random walk, one step a decision.
 * @param decisions decisions made.
 */
@AgentSchema
public record Decider(double wealth, long decisions)
{
}
