package io.myriad.plugins.sir;

import io.myriad.layouts.AgentSchema;
import io.myriad.layouts.DoubleBuffered;

/**
 * A node of the contact network: susceptible, infected or recovered. Its neighbours read its state, so the state
 * is double buffered: a step reads everybody's current state and writes the next.
 *
 * @param state {@link SirModel#SUSCEPTIBLE}, {@link SirModel#INFECTED} or {@link SirModel#RECOVERED}.
 */
@AgentSchema
public record Person(@DoubleBuffered byte state)
{
}
