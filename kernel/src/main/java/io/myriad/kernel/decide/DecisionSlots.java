package io.myriad.kernel.decide;

import java.util.Arrays;

/**
 * The columns of a {@link DecisionTable}'s decisions in flight, one slot each, and the slots free for reuse: the
 * table reads and writes the columns by slot. They grow by doubling and are then reused, so a steady run allocates
 * nothing here.
 */
final class DecisionSlots
{
    /** The id of a free slot. */
    static final long FREE = -1;

    private final int factCount;
    long[] ids = new long[16];
    int[] types = new int[16];
    int[] agents = new int[16];
    double[] issued = new double[16];
    double[] since = new double[16];
    double[] dues = new double[16];
    double[] facts;
    private long[] scratch = new long[16];
    private int[] free = new int[16];
    private int freeCount;
    private int used;

    DecisionSlots(final int factCount)
    {
        this.factCount = factCount;
        this.facts = new double[16 * factCount];
    }

    /**
     * @return slots ever taken, free or not: the ones to look at.
     */
    int used()
    {
        return used;
    }

    /**
     * @return a slot for a new decision, its columns to be written.
     */
    int take()
    {
        if (freeCount > 0)
        {
            return free[--freeCount];
        }
        if (used == ids.length)
        {
            final int capacity = used * 2;
            ids = Arrays.copyOf(ids, capacity);
            types = Arrays.copyOf(types, capacity);
            agents = Arrays.copyOf(agents, capacity);
            issued = Arrays.copyOf(issued, capacity);
            since = Arrays.copyOf(since, capacity);
            dues = Arrays.copyOf(dues, capacity);
            facts = Arrays.copyOf(facts, capacity * factCount);
        }
        return used++;
    }

    /**
     * @param slot a slot whose decision is done.
     */
    void release(final int slot)
    {
        ids[slot] = FREE;
        if (freeCount == free.length)
        {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    /**
     * @param size slots in use.
     * @return the ids of the slots in use, in increasing order, from index 0 of a reused array.
     */
    long[] sortedIds(final int size)
    {
        if (scratch.length < size)
        {
            scratch = new long[Math.max(size, scratch.length * 2)];
        }
        int n = 0;
        for (int slot = 0; slot < used; slot++)
        {
            if (ids[slot] != FREE)
            {
                scratch[n++] = ids[slot];
            }
        }
        Arrays.sort(scratch, 0, n);
        return scratch;
    }

    /**
     * Frees every slot.
     */
    void clear()
    {
        used = 0;
        freeCount = 0;
    }
}
