package io.myriad.kernel.world;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.hash.StateHasher;

/**
 * A model's global values, as a part: named 64-bit slots read and written by index, each holding a long or a
 * double's raw bits. Whatever a model keeps from one step to the next that is not an agent's field and not a
 * space (a price, a round counter, a running total) lives here, so it is hashed and checkpointed.
 * <p>
 * Declare every slot before the run starts; values are then read and written between the parallel stages or
 * by one worker at a time.
 */
public final class Globals implements Part
{
    private final String name;
    private final List<String> names = new ArrayList<>();
    private long[] values = new long[0];

    /**
     * @param name the part's name.
     */
    public Globals(final String name)
    {
        this.name = name;
    }

    /**
     * Declares a slot, zero at first.
     *
     * @param slotName the value's name.
     * @return its index.
     */
    public int declare(final String slotName)
    {
        if (names.contains(slotName))
        {
            throw new IllegalArgumentException("global " + slotName + " is declared twice in " + name);
        }
        names.add(slotName);
        values = java.util.Arrays.copyOf(values, names.size());
        return names.size() - 1;
    }

    /**
     * @return how many slots are declared.
     */
    public int size()
    {
        return values.length;
    }

    /**
     * @param slot a slot's index.
     * @return its name.
     */
    public String slotName(final int slot)
    {
        return names.get(slot);
    }

    /**
     * @param slot a slot's index.
     * @return its value as a long.
     */
    public long getLong(final int slot)
    {
        return values[slot];
    }

    /**
     * @param slot  a slot's index.
     * @param value its new value.
     */
    public void putLong(final int slot, final long value)
    {
        values[slot] = value;
    }

    /**
     * @param slot a slot's index.
     * @return its value as a double.
     */
    public double getDouble(final int slot)
    {
        return Double.longBitsToDouble(values[slot]);
    }

    /**
     * @param slot  a slot's index.
     * @param value its new value.
     */
    public void putDouble(final int slot, final double value)
    {
        values[slot] = Double.doubleToRawLongBits(value);
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * {@inheritDoc}
     */
    public void hash(final StateHasher hasher)
    {
        hasher.words(values, values.length);
    }

    /**
     * Writes the slot count, each slot's name and its 64 bits.
     */
    public void write(final PartWriter out)
    {
        out.putInt(values.length);
        for (int i = 0; i < values.length; i++)
        {
            out.putString(names.get(i)).putLong(values[i]);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void read(final PartReader in)
    {
        in.expectInt("global count", values.length);
        for (int i = 0; i < values.length; i++)
        {
            final String slotName = in.getString();
            if (!slotName.equals(names.get(i)))
            {
                throw in.fail("global " + i + " named " + slotName + ", this run's is " + names.get(i));
            }
            values[i] = in.getLong();
        }
        in.expectEnd();
    }
}
