package io.myriad.kernel.command;

import io.myriad.layouts.Command;

/**
 * A test command: food for the target.
 *
 * @param amount how much.
 */
@Command(id = 21)
record Feed(long amount)
{
}
