package io.myriad.plugins.poisson;

import io.myriad.layouts.Command;

/**
 * A nudge from outside the run to an agent's wealth, applied in the apply stage, after the step's own decisions, so
 * that an agent nudged in a step where it also decides is changed in one order whatever the threads.
 *
 * @param amount added to the agent's wealth.
 */
@Command(id = 30)
public record Nudge(double amount)
{
}
