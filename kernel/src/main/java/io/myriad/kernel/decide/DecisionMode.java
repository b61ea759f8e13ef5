package io.myriad.kernel.decide;

/**
 * When a decider's answer takes effect, in sim time.
 */
public enum DecisionMode
{
    /**
     * At {@code t + wall latency x time scale}, where t is the sim time of the request: realistic in a paced run,
     * and exact on replay, which reads the times from the journal. A run's result depends on how fast the decider
     * answered.
     */
    MEASURED,
    /**
     * At {@code t + L}, L fixed or drawn per request from the counter-based generator; sim time does not pass a
     * decision that is due until its answer has arrived, so a run's result depends on the answers alone.
     */
    MODELLED
}
