package io.myriad.kernel;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.myriad.kernel.decide.Decider;

/**
 * How a {@link Simulation} asks its model's decider (see {@code io.myriad.kernel.decide}): the decider, how many
 * requests may be at it at once, how many a minute (requests and tokens), how long an answer may take before the
 * model's fallback stands in, and where answers are cached. None of it changes a replay, which takes every outcome
 * from the journal ({@link #replaying(boolean)}).
 */
public final class DecisionsContext
{
    private Decider decider;
    private int concurrency = 16;
    private double requestsPerMinute;
    private double tokensPerMinute;
    private long timeoutNs = TimeUnit.SECONDS.toNanos(60);
    private Path cache;
    private boolean replaying;

    /**
     * Checks the settings.
     *
     * @return this context.
     * @throws IllegalArgumentException naming the first setting out of range.
     */
    public DecisionsContext conclude()
    {
        if (concurrency < 1)
        {
            throw new IllegalArgumentException("decision concurrency must be at least 1: " + concurrency);
        }
        if (!(requestsPerMinute >= 0) || !(tokensPerMinute >= 0))
        {
            throw new IllegalArgumentException("rate limits are 0 (none) or a positive number a minute: requests " +
                requestsPerMinute + ", tokens " + tokensPerMinute);
        }
        if (timeoutNs <= 0)
        {
            throw new IllegalArgumentException("the decision timeout must be positive: " + timeoutNs + " ns");
        }
        return this;
    }

    /**
     * @param decider what decides for the model's agents; null (the default) for none.
     * @return this context.
     */
    public DecisionsContext decider(final Decider decider)
    {
        this.decider = decider;
        return this;
    }

    /** @return what decides for the model's agents, or null. */
    public Decider decider()
    {
        return decider;
    }

    /**
     * @param concurrency most requests at the decider at once; 16 by default.
     * @return this context.
     */
    public DecisionsContext concurrency(final int concurrency)
    {
        this.concurrency = concurrency;
        return this;
    }

    /** @return most requests at the decider at once. */
    public int concurrency()
    {
        return concurrency;
    }

    /**
     * @param requestsPerMinute most requests sent a minute, 0 (the default) for no limit.
     * @return this context.
     */
    public DecisionsContext requestsPerMinute(final double requestsPerMinute)
    {
        this.requestsPerMinute = requestsPerMinute;
        return this;
    }

    /** @return most requests sent a minute, 0 for no limit. */
    public double requestsPerMinute()
    {
        return requestsPerMinute;
    }

    /**
     * @param tokensPerMinute most tokens used a minute, as answers report them, 0 (the default) for no limit.
     * @return this context.
     */
    public DecisionsContext tokensPerMinute(final double tokensPerMinute)
    {
        this.tokensPerMinute = tokensPerMinute;
        return this;
    }

    /** @return most tokens used a minute, 0 for no limit. */
    public double tokensPerMinute()
    {
        return tokensPerMinute;
    }

    /**
     * @param timeout   the longest a decision may take, wall time, before the model's fallback stands in; 60 s by
     *                  default.
     * @param unit      its unit.
     * @return this context.
     */
    public DecisionsContext timeout(final long timeout, final TimeUnit unit)
    {
        this.timeoutNs = unit.toNanos(timeout);
        return this;
    }

    /** @return the longest a decision may take, in wall nanoseconds. */
    public long timeoutNs()
    {
        return timeoutNs;
    }

    /**
     * @param cache a file of answers keyed by the request's content and the decider's identity: a request found
     *              there is answered from it without calling the decider, and new answers are added; null (the
     *              default) for none.
     * @return this context.
     */
    public DecisionsContext cache(final Path cache)
    {
        this.cache = cache;
        return this;
    }

    /** @return the answer cache's file, or null. */
    public Path cache()
    {
        return cache;
    }

    /**
     * @param replaying true when every outcome comes from a journal (a replay): no decider is then needed. A live
     *                  run of a model that decides through a decider is refused without one.
     * @return this context.
     */
    public DecisionsContext replaying(final boolean replaying)
    {
        this.replaying = replaying;
        return this;
    }

    /** @return true when every outcome comes from a journal. */
    public boolean isReplaying()
    {
        return replaying;
    }
}
