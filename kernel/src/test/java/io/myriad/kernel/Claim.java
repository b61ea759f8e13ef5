package io.myriad.kernel;

import io.myriad.layouts.Command;

/**
 * A claim of a ring cell by the command's source, in a tick.
 *
 * @param tick the tick the claim was made in.
 */
@Command(id = 1)
record Claim(long tick)
{
}
