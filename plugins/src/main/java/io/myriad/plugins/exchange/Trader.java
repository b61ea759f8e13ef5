package io.myriad.plugins.exchange;

import io.myriad.layouts.AgentSchema;

/**
 * A trader: only its money, in whole units. Transfers change it in the apply stage, one at a time, so it needs no
 * double buffering.
 *
 * @param money units held, never negative.
 */
@AgentSchema
public record Trader(long money)
{
}
