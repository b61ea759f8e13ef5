package io.myriad.kernel.checkpoint;

import io.myriad.layouts.Command;

/**
 * The birth of a walker, with the energy its parent gives it.
 *
 * @param energy the newborn's energy.
 */
@Command(id = 32)
record Hatch(double energy)
{
}
