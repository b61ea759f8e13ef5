package io.myriad.kernel.event;

import io.myriad.kernel.rng.CounterRng;

/**
 * When an agent decides next, given when it decides now: a ready policy for agents on the event clock. Random
 * policies draw from the counter-based generator, keyed by the run's stream key, the event being handled (its
 * sequence, unique in the run) and the agent, so the time is the same on any number of threads, after a resume and
 * on replay. Policies are immutable and allocate nothing.
 * <pre>{@code
 * NextDecision policy = NextDecision.exponential(30.0);           // a Poisson process, 30 s apart on average
 * double next = policy.next(due.time(), key, due.sequence(k), due.agent(k));
 * if (next != NextDecision.NEVER) outbox.schedule(next, 0, DECIDE, type, due.agent(k), 0);
 * }</pre>
 */
public interface NextDecision
{
    /** The time a reactive agent's next decision is at: never by itself, only when something schedules it. */
    double NEVER = Double.POSITIVE_INFINITY;

    /**
     * @param now      the time of the decision being made.
     * @param key      the stream key, {@code CounterRng.key(seed, stream)}.
     * @param sequence the sequence of the event being handled.
     * @param agent    the agent deciding.
     * @return when it decides next, {@code now} or later, or {@link #NEVER}.
     */
    double next(double now, long key, long sequence, int agent);

    /**
     * @param period seconds between decisions, more than 0.
     * @return a policy deciding every {@code period} seconds.
     */
    static NextDecision periodic(final double period)
    {
        requirePositive("period", period);
        return (now, key, sequence, agent) -> now + period;
    }

    /**
     * @param mean seconds between decisions on average, more than 0.
     * @return a policy deciding after exponentially distributed delays: a Poisson process of rate {@code 1 / mean}.
     */
    static NextDecision exponential(final double mean)
    {
        requirePositive("mean", mean);
        return (now, key, sequence, agent) ->
            now - mean * StrictMath.log(1.0 - CounterRng.uniform(key, sequence, agent, 0));
    }

    /**
     * @param min the shortest delay, 0 or more.
     * @param max the longest, at least {@code min}.
     * @return a policy deciding after delays uniform in {@code [min, max)}.
     */
    static NextDecision uniform(final double min, final double max)
    {
        if (!(min >= 0) || !(max >= min) || max == Double.POSITIVE_INFINITY)
        {
            throw new IllegalArgumentException("uniform delays need 0 <= min <= max < infinity: min " + min +
                ", max " + max);
        }
        return (now, key, sequence, agent) -> now + min + (max - min) * CounterRng.uniform(key, sequence, agent, 0);
    }

    /**
     * @return a policy that never decides by itself: the agent decides when the model schedules it, on a message
     *         or a change.
     */
    static NextDecision reactive()
    {
        return (now, key, sequence, agent) -> NEVER;
    }

    private static void requirePositive(final String name, final double value)
    {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY)
        {
            throw new IllegalArgumentException(name + " must be a positive number of seconds: " + value);
        }
    }
}
