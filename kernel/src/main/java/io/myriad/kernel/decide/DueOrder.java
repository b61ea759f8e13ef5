package io.myriad.kernel.decide;

import java.util.Arrays;

/**
 * The decisions in flight of a {@link DecisionMode#MODELLED} table in the order they fall due: a binary min-heap of
 * table slots by (due time, id), with each slot's place in it, so that any slot can leave. Primitive arrays that
 * grow with the table and are then reused.
 */
final class DueOrder
{
    private int[] slots = new int[16];
    private double[] dues = new double[16];
    private long[] ids = new long[16];
    private int[] places = new int[16];
    private int size;

    int size()
    {
        return size;
    }

    /**
     * @return the slot due first; the heap must not be empty.
     */
    int first()
    {
        return slots[0];
    }

    double firstDue()
    {
        return dues[0];
    }

    void clear()
    {
        size = 0;
    }

    void add(final int slot, final double due, final long id)
    {
        if (size == slots.length)
        {
            final int capacity = size * 2;
            slots = Arrays.copyOf(slots, capacity);
            dues = Arrays.copyOf(dues, capacity);
            ids = Arrays.copyOf(ids, capacity);
        }
        if (slot >= places.length)
        {
            places = Arrays.copyOf(places, Math.max(slot + 1, places.length * 2));
        }
        set(size, slot, due, id);
        size++;
        up(size - 1);
    }

    /**
     * @param slot a slot in the heap.
     */
    void remove(final int slot)
    {
        final int place = places[slot];
        size--;
        if (place != size)
        {
            set(place, slots[size], dues[size], ids[size]);
            if (place > 0 && before(place, (place - 1) >>> 1))
            {
                up(place);
            }
            else
            {
                down(place);
            }
        }
    }

    private void up(final int from)
    {
        int place = from;
        while (place > 0)
        {
            final int parent = (place - 1) >>> 1;
            if (!before(place, parent))
            {
                return;
            }
            swap(place, parent);
            place = parent;
        }
    }

    private void down(final int from)
    {
        int place = from;
        while (true)
        {
            final int left = 2 * place + 1;
            if (left >= size)
            {
                return;
            }
            final int right = left + 1;
            final int child = right < size && before(right, left) ? right : left;
            if (!before(child, place))
            {
                return;
            }
            swap(place, child);
            place = child;
        }
    }

    private boolean before(final int a, final int b)
    {
        return dues[a] < dues[b] || (dues[a] == dues[b] && ids[a] < ids[b]);
    }

    private void swap(final int a, final int b)
    {
        final int slot = slots[a];
        final double due = dues[a];
        final long id = ids[a];
        set(a, slots[b], dues[b], ids[b]);
        set(b, slot, due, id);
    }

    private void set(final int place, final int slot, final double due, final long id)
    {
        slots[place] = slot;
        dues[place] = due;
        ids[place] = id;
        places[slot] = place;
    }
}
