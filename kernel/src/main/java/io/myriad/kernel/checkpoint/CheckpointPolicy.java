package io.myriad.kernel.checkpoint;

/**
 * When a run takes a checkpoint, and how many it keeps: every {@code everyTicks} ticks (steps), every
 * {@code everyEvents} emitted events, or every {@code everySimSeconds} of simulated time, whichever comes first (0
 * turns a trigger off), keeping the newest {@code keep}. Simulated time is the event clock's on that clock, and
 * {@code secondsPerTick} a tick on the tick clock.
 *
 * @param everyTicks      ticks between checkpoints, 0 for no tick trigger.
 * @param everyEvents     emitted events (outbox entries, applied or rejected) between checkpoints, 0 for none.
 * @param everySimSeconds simulated seconds between checkpoints, 0 for none.
 * @param secondsPerTick  simulated seconds a tick stands for.
 * @param keep            newest checkpoints kept, at least 1.
 */
public record CheckpointPolicy(
    long everyTicks, long everyEvents, double everySimSeconds, double secondsPerTick, int keep)
{
    /** No checkpoints. */
    public static final CheckpointPolicy NONE = new CheckpointPolicy(0, 0, 0, 1, 1);

    /**
     * Checks the values.
     */
    public CheckpointPolicy
    {
        if (everyTicks < 0 || everyEvents < 0 || everySimSeconds < 0 || !(secondsPerTick > 0) || keep < 1)
        {
            throw new IllegalArgumentException("checkpoint policy out of range: every " + everyTicks + " ticks, " +
                everyEvents + " events, " + everySimSeconds + " sim seconds, " + secondsPerTick +
                " seconds per tick, keep " + keep);
        }
    }

    /**
     * @return true if any trigger is on.
     */
    public boolean isEnabled()
    {
        return everyTicks > 0 || everyEvents > 0 || everySimSeconds > 0;
    }

    /**
     * @param ticksSince      ticks since the last checkpoint (or the start).
     * @param eventsSince     events since then.
     * @param simSecondsSince sim seconds since then on the event clock; {@code NaN} on the tick clock, where they
     *                        are the ticks times {@code secondsPerTick}.
     * @return true if a checkpoint is due.
     */
    public boolean isDue(final long ticksSince, final long eventsSince, final double simSecondsSince)
    {
        final double seconds = Double.isNaN(simSecondsSince) ? ticksSince * secondsPerTick : simSecondsSince;
        return (everyTicks > 0 && ticksSince >= everyTicks) ||
            (everyEvents > 0 && eventsSince >= everyEvents) ||
            (everySimSeconds > 0 && seconds >= everySimSeconds);
    }
}
