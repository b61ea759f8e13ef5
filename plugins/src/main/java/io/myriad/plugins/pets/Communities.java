package io.myriad.plugins.pets;

/**
 * The social network's figures, over the ties above a strength: how many there are, how many communities they
 * make (connected groups of two pets or more, found by union-find), and the mean clustering coefficient of the
 * pets with two such ties or more (the share of their partners' pairs who are tied too). Worked out once, after a
 * run: time linear in the pets, times the square of the ties a pet keeps.
 */
final class Communities
{
    private final SocialTies ties;
    private final double threshold;
    private final int[] parent;

    Communities(final SocialTies ties, final double threshold)
    {
        this.ties = ties;
        this.threshold = threshold;
        this.parent = new int[ties.pets()];
        for (int i = 0; i < parent.length; i++)
        {
            parent[i] = i;
        }
        for (int pet = 0; pet < parent.length; pet++)
        {
            for (int slot = 0; slot < SocialTies.SLOTS; slot++)
            {
                if (isStrong(pet, slot))
                {
                    union(pet, ties.partner(pet, slot));
                }
            }
        }
    }

    /**
     * @return ties above the threshold, each counted once.
     */
    long ties()
    {
        long count = 0;
        for (int pet = 0; pet < parent.length; pet++)
        {
            for (int slot = 0; slot < SocialTies.SLOTS; slot++)
            {
                if (isStrong(pet, slot) && ties.partner(pet, slot) > pet)
                {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * @return connected groups of two pets or more.
     */
    int communities()
    {
        final int[] size = new int[parent.length];
        int groups = 0;
        for (int pet = 0; pet < parent.length; pet++)
        {
            if (++size[find(pet)] == 2)
            {
                groups++;
            }
        }
        return groups;
    }

    /**
     * @return the mean local clustering coefficient of pets with two strong ties or more, 0 if none has.
     */
    double clustering()
    {
        double total = 0;
        int counted = 0;
        final int[] partners = new int[SocialTies.SLOTS];
        for (int pet = 0; pet < parent.length; pet++)
        {
            int degree = 0;
            for (int slot = 0; slot < SocialTies.SLOTS; slot++)
            {
                if (isStrong(pet, slot))
                {
                    partners[degree++] = ties.partner(pet, slot);
                }
            }
            if (degree < 2)
            {
                continue;
            }
            int closed = 0;
            for (int a = 0; a < degree; a++)
            {
                for (int b = a + 1; b < degree; b++)
                {
                    if (ties.strength(partners[a], partners[b]) > threshold)
                    {
                        closed++;
                    }
                }
            }
            total += 2.0 * closed / (degree * (degree - 1));
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }

    private boolean isStrong(final int pet, final int slot)
    {
        return ties.partner(pet, slot) >= 0 && ties.slotStrength(pet, slot) > threshold;
    }

    private int find(final int pet)
    {
        int root = pet;
        while (parent[root] != root)
        {
            root = parent[root];
        }
        for (int at = pet; parent[at] != root; )
        {
            final int next = parent[at];
            parent[at] = root;
            at = next;
        }
        return root;
    }

    private void union(final int a, final int b)
    {
        final int ra = find(a);
        final int rb = find(b);
        if (ra != rb)
        {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
