package io.myriad.layouts;

/**
 * A command for the tests with every field type, boolean included, declared out of size order so that the codec
 * has to align and pad; the build generates {@code TestTradeCodec} from it.
 *
 * @param side     buy or sell.
 * @param urgent   whether the trade may not wait for the next tick.
 * @param quantity units traded.
 * @param price    price in ticks of the currency.
 * @param weight   the trade's weight in its market.
 * @param partner  index of the agent on the other side.
 * @param share    fraction of the agent's holding.
 */
@Command(id = 2)
record TestTrade(byte side, boolean urgent, short quantity, long price, float weight, int partner, double share)
{
}
