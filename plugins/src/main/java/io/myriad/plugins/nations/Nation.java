package io.myriad.plugins.nations;

import io.myriad.layouts.AgentSchema;

/**
 * A nation: its economic strength (what it has to spend), the goods it holds, when it last decided, and how many
 * trades it made.
 *
 * @param strength     economic strength, in money.
 * @param goods        units of goods held.
 * @param lastDecision sim time its last decision took effect, NaN before the first.
 * @param trades       trades made.
 */
@AgentSchema
public record Nation(double strength, double goods, double lastDecision, long trades)
{
}
