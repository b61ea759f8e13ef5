package io.myriad.kernel.decide;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A rule-based decider: answers with the model's own rules ({@link Deliberation#script}), after an optional wall
 * delay that stands in for a slow service (an LLM's seconds), so that a run can be tried out, paced and timed
 * without one. Deterministic: the answer is a function of the request alone.
 */
public final class ScriptedDecider implements Decider
{
    private final long thinkNs;
    private final Executor later;

    /**
     * @param thinkNs wall nanoseconds each answer takes, 0 to answer at once.
     */
    public ScriptedDecider(final long thinkNs)
    {
        if (thinkNs < 0)
        {
            throw new IllegalArgumentException("a scripted decider's think time must not be negative: " + thinkNs);
        }
        this.thinkNs = thinkNs;
        this.later = thinkNs == 0 ? Runnable::run : CompletableFuture.delayedExecutor(thinkNs, TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletableFuture<Answer> decide(final DecisionRequest request)
    {
        return CompletableFuture.supplyAsync(() -> request.deliberation().script(request), later);
    }

    @Override
    public String identity()
    {
        return "scripted";
    }

    @Override
    public String toString()
    {
        return "scripted decider, " + TimeUnit.NANOSECONDS.toMillis(thinkNs) + " ms an answer";
    }
}
