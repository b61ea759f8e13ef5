package io.myriad.plugins.pets;

import java.util.Arrays;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

/**
 * The pets' social network, as a part of the world: each pet keeps up to {@link #SLOTS} ties, each a partner and a
 * strength. A tie grows when the two play ({@link #strengthen}, in the apply stage, both ways at once) and decays
 * every step ({@link #decay}, by the pet whose row it is, in its own turn). A new tie takes a free slot, or the
 * weakest one if it would be stronger.
 */
final class SocialTies implements Part
{
    /** Ties a pet keeps at most. */
    static final int SLOTS = 8;

    private final int pets;
    private final int[] partners;
    private final double[] strengths;

    SocialTies(final int pets)
    {
        this.pets = pets;
        this.partners = new int[pets * SLOTS];
        this.strengths = new double[pets * SLOTS];
        Arrays.fill(partners, -1);
    }

    public String name()
    {
        return "ties";
    }

    int pets()
    {
        return pets;
    }

    /**
     * @return the partner in a pet's slot, or -1.
     */
    int partner(final int pet, final int slot)
    {
        return partners[pet * SLOTS + slot];
    }

    /**
     * @return the strength of the tie in a pet's slot.
     */
    double slotStrength(final int pet, final int slot)
    {
        return strengths[pet * SLOTS + slot];
    }

    /**
     * @return the strength of the tie between two pets, 0 if they have none.
     */
    double strength(final int pet, final int partner)
    {
        final int at = find(pet, partner);
        return at < 0 ? 0 : strengths[at];
    }

    /**
     * Changes the tie between two pets by {@code amount} both ways, keeping it from 0 to 1; a tie that falls to 0
     * frees its slot. On the driving thread.
     */
    void strengthen(final int a, final int b, final double amount)
    {
        adjust(a, b, amount);
        adjust(b, a, amount);
    }

    private void adjust(final int pet, final int partner, final double amount)
    {
        int at = find(pet, partner);
        if (at < 0)
        {
            if (amount <= 0)
            {
                return;
            }
            at = weakest(pet);
            if (partners[at] >= 0 && strengths[at] >= amount)
            {
                return;
            }
            partners[at] = partner;
            strengths[at] = 0;
        }
        final double next = Math.min(1, strengths[at] + amount);
        if (next <= 0)
        {
            partners[at] = -1;
            strengths[at] = 0;
        }
        else
        {
            strengths[at] = next;
        }
    }

    /**
     * Weakens a pet's ties by a share, and counts those above a strength to pets of a higher index; in the pet's
     * own turn (its row is its own).
     *
     * @return its strong ties to pets of a higher index.
     */
    int decay(final int pet, final double share, final double threshold)
    {
        int strong = 0;
        for (int at = pet * SLOTS, end = at + SLOTS; at < end; at++)
        {
            if (partners[at] >= 0)
            {
                strengths[at] *= 1 - share;
                if (strengths[at] > threshold && partners[at] > pet)
                {
                    strong++;
                }
            }
        }
        return strong;
    }

    private int find(final int pet, final int partner)
    {
        for (int at = pet * SLOTS, end = at + SLOTS; at < end; at++)
        {
            if (partners[at] == partner)
            {
                return at;
            }
        }
        return -1;
    }

    private int weakest(final int pet)
    {
        int weakest = pet * SLOTS;
        for (int at = weakest, end = at + SLOTS; at < end; at++)
        {
            if (partners[at] < 0)
            {
                return at;
            }
            if (strengths[at] < strengths[weakest])
            {
                weakest = at;
            }
        }
        return weakest;
    }

    public void hash(final StateHasher hasher)
    {
        hasher.ints(partners, partners.length);
        for (final double strength : strengths)
        {
            hasher.doubleValue(strength);
        }
    }

    public void write(final PartWriter out)
    {
        out.putInt(pets).putInts(partners, partners.length);
        for (final double strength : strengths)
        {
            out.putDouble(strength);
        }
    }

    public void read(final PartReader in)
    {
        in.expectInt("pets", pets);
        in.getInts(partners, partners.length);
        for (int i = 0; i < strengths.length; i++)
        {
            strengths[i] = in.getDouble();
        }
        in.expectEnd();
    }
}
