package io.myriad.plugins.exchange;

import io.myriad.layouts.Command;

/**
 * A transfer of money to the command's target from its source, the giver.
 *
 * @param amount units given.
 */
@Command(id = 1)
public record Transfer(long amount)
{
}
