package io.myriad.plugins.wolfsheep;

import io.myriad.layouts.AgentSchema;

/**
 * A sheep or a wolf: the cell it stands on and its energy. Sheep and wolves are two agent types, each in its own
 * store, with the same fields. An animal's fields change in its own sweeps and in the commands aimed at it, never
 * while another reads them, so neither is double buffered.
 *
 * @param cell   its cell of the pasture.
 * @param energy what it has left; below 0 it dies.
 */
@AgentSchema
public record Animal(int cell, double energy)
{
}
