package io.myriad.plugins.nations;

import io.myriad.kernel.decide.DecisionMode;
import io.myriad.kernel.event.NextDecision;

/**
 * The nation economy's configuration, from its parameters.
 *
 * @param nations           how many nations.
 * @param decisionInterval  sim seconds between a nation's decisions.
 * @param interestInterval  sim seconds between interest payments.
 * @param interestRate      interest on strength at each payment.
 * @param priceInterval     sim seconds between price moves.
 * @param priceSensitivity  how far a move goes when every nation bought all it may.
 * @param reversion         share of the gap to the start price a move closes.
 * @param crashTime         when the market crashes.
 * @param crashDepth        the share of the price a crash takes, 0 for no crash.
 * @param startPrice        the price of goods at the start.
 * @param startStrength     a nation's mean strength at the start.
 * @param maxTrade          most units a decision trades.
 * @param threshold         how far from the start price the rules wait before trading.
 * @param staleness         sim seconds after which an answer is re-validated.
 * @param mode              when answers take effect.
 * @param latency           modelled sim seconds from question to answer.
 */
record NationSettings(
    int nations,
    double decisionInterval,
    double interestInterval,
    double interestRate,
    double priceInterval,
    double priceSensitivity,
    double reversion,
    double crashTime,
    double crashDepth,
    double startPrice,
    double startStrength,
    double maxTrade,
    double threshold,
    double staleness,
    DecisionMode mode,
    NextDecision latency)
{
}
