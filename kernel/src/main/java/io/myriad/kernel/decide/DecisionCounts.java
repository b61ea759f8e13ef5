package io.myriad.kernel.decide;

import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

/**
 * Running counts of a run's decisions, kept in its {@link DecisionTable} and checkpointed with it, so a resumed run
 * reports the whole run's: functions of the journaled outcomes alone, the same on replay. Not hashed: where an
 * answer came from (the decider or the cache) does not change the state.
 */
public final class DecisionCounts
{
    long requested;
    long refused;
    long answered;
    long cached;
    long timedOut;
    long failed;
    long staleDropped;
    long revalidated;
    long orphaned;
    long promptTokens;
    long completionTokens;

    void count(final int outcome, final int prompt, final int completion)
    {
        switch (outcome)
        {
            case AnswerDescriptor.ANSWERED -> answered++;
            case AnswerDescriptor.CACHED -> cached++;
            case AnswerDescriptor.TIMED_OUT -> timedOut++;
            case AnswerDescriptor.FAILED -> failed++;
            default -> throw new IllegalStateException("unknown decision outcome " + outcome);
        }
        promptTokens += prompt;
        completionTokens += completion;
    }

    /** @return requests taken. */
    public long requested()
    {
        return requested;
    }

    /** @return requests refused because the agent was thinking already. */
    public long refused()
    {
        return refused;
    }

    /** @return outcomes applied: answered, cached, timed out or failed. */
    public long completed()
    {
        return answered + cached + timedOut + failed;
    }

    /** @return answers from the decider. */
    public long answered()
    {
        return answered;
    }

    /** @return answers from the cache. */
    public long cached()
    {
        return cached;
    }

    /** @return decisions that timed out: the fallback took effect. */
    public long timedOut()
    {
        return timedOut;
    }

    /** @return decisions whose decider failed: the fallback took effect. */
    public long failed()
    {
        return failed;
    }

    /** @return stale answers dropped by re-validation. */
    public long staleDropped()
    {
        return staleDropped;
    }

    /** @return stale answers that re-validation kept. */
    public long revalidated()
    {
        return revalidated;
    }

    /** @return outcomes for agents that died while thinking. */
    public long orphaned()
    {
        return orphaned;
    }

    /** @return tokens of the requests, as deciders reported them. */
    public long promptTokens()
    {
        return promptTokens;
    }

    /** @return tokens of the answers. */
    public long completionTokens()
    {
        return completionTokens;
    }

    void write(final PartWriter out)
    {
        out.putLong(requested).putLong(refused).putLong(answered).putLong(cached).putLong(timedOut).putLong(failed)
            .putLong(staleDropped).putLong(revalidated).putLong(orphaned).putLong(promptTokens)
            .putLong(completionTokens);
    }

    void read(final PartReader in)
    {
        requested = in.getLong();
        refused = in.getLong();
        answered = in.getLong();
        cached = in.getLong();
        timedOut = in.getLong();
        failed = in.getLong();
        staleDropped = in.getLong();
        revalidated = in.getLong();
        orphaned = in.getLong();
        promptTokens = in.getLong();
        completionTokens = in.getLong();
    }
}
