package io.myriad.kernel;

/**
 * What a step is. A model runs on one clock, which it declares ({@code Model.clock()}).
 */
public enum Clock
{
    /** Step k is tick k: every phase sweeps the live agents of its type. */
    TICKS,

    /**
     * A step takes every event due at the earliest (time, priority) from the world's event queue
     * ({@code World.due()}), and its phases run over those events; sim time jumps from one step's time to the
     * next's.
     */
    EVENTS;

    /**
     * @return the name scenarios and summaries use: {@code ticks} or {@code events}.
     */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
