package io.myriad.kernel.event;

import java.util.Arrays;

/**
 * The events one step takes: every pending event at the earliest (time, priority), in the order they were
 * scheduled. Filled by {@link EventQueue#take(DueEvents)} and read by index until the next take; kept from step to
 * step, so its arrays grow only when a step takes more events than any before it.
 */
public final class DueEvents
{
    private double time;
    private int priority;
    private int count;
    private int[] kinds;
    private int[] agents;
    private long[] data;
    private long[] sequences;

    /**
     * @param initialCapacity events held before the arrays first grow.
     */
    public DueEvents(final int initialCapacity)
    {
        final int capacity = Math.max(1, initialCapacity);
        kinds = new int[capacity];
        agents = new int[capacity];
        data = new long[capacity];
        sequences = new long[capacity];
    }

    /**
     * @return the sim time the events are due at.
     */
    public double time()
    {
        return time;
    }

    /**
     * @return their priority.
     */
    public int priority()
    {
        return priority;
    }

    /**
     * @return how many there are; 0 after a take from an empty queue.
     */
    public int count()
    {
        return count;
    }

    /**
     * @param k an event's position, below {@link #count()}.
     * @return its kind.
     */
    public int kind(final int k)
    {
        return kinds[k];
    }

    /**
     * @param k an event's position, below {@link #count()}.
     * @return its agent index, or {@link EventDescriptor#NO_AGENT}.
     */
    public int agent(final int k)
    {
        return agents[k];
    }

    /**
     * @param k an event's position, below {@link #count()}.
     * @return its data.
     */
    public long data(final int k)
    {
        return data[k];
    }

    /**
     * @param k an event's position, below {@link #count()}.
     * @return its sequence: events are in increasing sequence.
     */
    public long sequence(final int k)
    {
        return sequences[k];
    }

    void start(final double dueTime, final int duePriority)
    {
        time = dueTime;
        priority = duePriority;
        count = 0;
    }

    void add(final long sequence, final long meta, final long value)
    {
        if (count == sequences.length)
        {
            grow();
        }
        kinds[count] = EventDescriptor.kind(meta);
        agents[count] = EventDescriptor.agent(meta);
        data[count] = value;
        sequences[count++] = sequence;
    }

    private void grow()
    {
        final int capacity = sequences.length * 2;
        kinds = Arrays.copyOf(kinds, capacity);
        agents = Arrays.copyOf(agents, capacity);
        data = Arrays.copyOf(data, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
    }
}
