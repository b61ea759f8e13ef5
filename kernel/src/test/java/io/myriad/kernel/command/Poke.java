package io.myriad.kernel.command;

import io.myriad.layouts.Command;

/**
 * A test command with no fields.
 */
@Command(id = 22)
record Poke()
{
}
