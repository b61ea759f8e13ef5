package io.myriad.plugins.schelling;

import io.myriad.layouts.AgentSchema;

/**
 * A resident: where it lives and which of the two groups it belongs to. Only the apply stage changes its cell, after
 * every resident has decided, so nothing is double buffered.
 *
 * @param cell  the grid cell it lives in.
 * @param group 1 or 2.
 */
@AgentSchema
public record Resident(int cell, byte group)
{
}
