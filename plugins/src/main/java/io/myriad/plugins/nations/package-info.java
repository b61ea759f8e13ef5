/**
 * The nation economy: nations that decide through a decider (the model's rules, or an LLM) whether to buy or sell
 * goods, on the event clock, with interest and price moves as engine rules and a market crash as a scheduled
 * external event. The example of {@code io.myriad.kernel.decide}.
 */
package io.myriad.plugins.nations;
