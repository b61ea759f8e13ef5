package io.myriad.tools.report;

import org.HdrHistogram.Histogram;

import io.myriad.kernel.Decisions;
import io.myriad.kernel.decide.DecisionCounts;

/**
 * What a run's decisions came to, for its summary: the counts of outcomes (the whole run's, a resumed one's too),
 * the tokens, and the wall latency from request to answer (this process's).
 *
 * @param requested        requests taken.
 * @param completed        outcomes applied: answered, cached, timed out or failed.
 * @param answered         answers from the decider.
 * @param cached           answers from the cache.
 * @param timedOut         decisions that timed out (the fallback took effect).
 * @param failed           decisions whose decider failed (the fallback took effect).
 * @param staleDropped     stale answers that re-validation dropped.
 * @param revalidated      stale answers that re-validation kept.
 * @param refused          requests refused because the agent was already thinking.
 * @param inFlight         decisions still in flight at the end.
 * @param promptTokens     tokens of the requests.
 * @param completionTokens tokens of the answers.
 * @param latencyP50Ms     median wall milliseconds from dispatch to answer.
 * @param latencyP90Ms     90th percentile.
 * @param latencyP99Ms     99th percentile.
 * @param latencyMaxMs     the most.
 * @param lastError        why the last decision that timed out or failed did, or null.
 */
public record DecisionFigures(
    long requested,
    long completed,
    long answered,
    long cached,
    long timedOut,
    long failed,
    long staleDropped,
    long revalidated,
    long refused,
    long inFlight,
    long promptTokens,
    long completionTokens,
    long latencyP50Ms,
    long latencyP90Ms,
    long latencyP99Ms,
    long latencyMaxMs,
    String lastError)
{
    /**
     * @param decisions a simulation's decisions, after its last step.
     * @return their figures, or null if its model decides through no decider.
     */
    public static DecisionFigures of(final Decisions decisions)
    {
        final DecisionCounts counts = decisions.counts();
        if (counts == null)
        {
            return null;
        }
        final Histogram latency = decisions.latencyMs();
        return new DecisionFigures(counts.requested(), counts.completed(), counts.answered(), counts.cached(),
            counts.timedOut(), counts.failed(), counts.staleDropped(), counts.revalidated(), counts.refused(),
            decisions.thinking(), counts.promptTokens(), counts.completionTokens(),
            latency.getValueAtPercentile(50), latency.getValueAtPercentile(90), latency.getValueAtPercentile(99),
            latency.getMaxValue(), decisions.lastError());
    }

    /**
     * @return tokens of requests and answers together.
     */
    public long tokens()
    {
        return promptTokens + completionTokens;
    }
}
