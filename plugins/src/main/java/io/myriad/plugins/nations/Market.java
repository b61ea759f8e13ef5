package io.myriad.plugins.nations;

import io.myriad.layouts.AgentSchema;

/**
 * The world market, one agent: the price of goods, the net units bought since the last price update, and the
 * trades and crashes so far.
 *
 * @param price   the price of a unit of goods.
 * @param demand  units bought less units sold since the price last moved.
 * @param trades  trades so far.
 * @param crashes market crashes so far.
 */
@AgentSchema
public record Market(double price, double demand, long trades, long crashes)
{
}
