package io.myriad.kernel.channel;

/**
 * How long a message takes from its send to its delivery: a number of steps, or of sim seconds. A message is
 * delivered at the start of the first step after the one it was sent in that is that late, so at least one step
 * after its send: a phase reads the state as it was when its step began.
 *
 * @param amount  steps (a whole number, at least 1) or sim seconds (0 or more).
 * @param inSteps true for steps, false for sim seconds.
 */
public record Latency(double amount, boolean inSteps)
{
    /** The next step: what a channel has unless it says otherwise. */
    public static final Latency NEXT_STEP = new Latency(1, true);

    /**
     * @throws IllegalArgumentException if the amount is negative or not finite, or a number of steps is not a whole
     *                                  number of at least 1.
     */
    public Latency
    {
        if (!Double.isFinite(amount) || amount < 0)
        {
            throw new IllegalArgumentException("a latency of " + amount + (inSteps ? " steps" : " seconds") +
                "; it must be finite and 0 or more");
        }
        if (inSteps && (amount < 1 || amount != Math.rint(amount)))
        {
            throw new IllegalArgumentException("a latency of " + amount + " steps; in steps it must be a whole " +
                "number of at least 1 (a message is read the step after it is sent at the earliest)");
        }
    }

    /**
     * @param steps steps, at least 1.
     * @return that latency.
     */
    public static Latency steps(final long steps)
    {
        return new Latency(steps, true);
    }

    /**
     * @param seconds sim seconds, 0 or more.
     * @return that latency.
     */
    public static Latency seconds(final double seconds)
    {
        return new Latency(seconds, false);
    }

    /**
     * @return the latency as a person writes it, e.g. {@code 2 steps} or {@code 0.5 s}.
     */
    public String toString()
    {
        return inSteps ? (long)amount + (amount == 1 ? " step" : " steps") : amount + " s";
    }
}
