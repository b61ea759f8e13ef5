package io.myriad.plugins.nations;

import io.myriad.layouts.Command;

/**
 * A nation's decision taking effect, in the apply stage: buy or sell {@code amount} units at the market's price,
 * or hold.
 *
 * @param action  the action's index in the deliberation: buy, sell or hold.
 * @param amount  units.
 * @param time    the sim time it takes effect.
 */
@Command(id = 31)
public record Trade(int action, double amount, double time)
{
}
