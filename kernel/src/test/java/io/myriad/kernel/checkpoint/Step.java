package io.myriad.kernel.checkpoint;

import io.myriad.layouts.Command;

/**
 * A walker's step to a neighbouring cell.
 *
 * @param toCell the cell it steps to.
 */
@Command(id = 31)
record Step(int toCell)
{
}
