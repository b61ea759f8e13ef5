package io.myriad.layouts;

import java.util.Locale;

/**
 * A way of placing a schema's slots in memory. Each layout reduces to an {@link Addressing}, so accessors work
 * unchanged whatever the layout.
 */
public interface Layout
{
    /**
     * @return short name used in scenarios and reports: {@code soa}, {@code aosoa16}, {@code aos}.
     */
    String name();

    /**
     * Plans where every slot of every agent lives.
     *
     * @param schema   the agent type.
     * @param capacity the number of agents to hold.
     * @return the addressing for the store to allocate.
     */
    Addressing plan(Schema schema, int capacity);

    /**
     * The most agents of a schema this layout can hold. Every region of a store is one buffer of at most 2 GiB
     * ({@link Addressing#alignedRegionBytes(long, String)}), so a column (SoA) or the whole array of records or
     * blocks (AoS, AoSoA) must fit in one: SoA holds the most, about {@code 2^31 / 8} agents of a schema with a
     * {@code double} or {@code long} field. Found by asking {@link #plan(Schema, int)}, so it is exact for any
     * layout; it allocates nothing but the plans.
     *
     * @param schema the agent type.
     * @return the largest capacity {@link #plan(Schema, int)} accepts, or 0 if it accepts none.
     */
    default int maxCapacity(final Schema schema)
    {
        if (fits(this, schema, Integer.MAX_VALUE))
        {
            return Integer.MAX_VALUE;
        }
        int fits = 0;
        int fitsNot = Integer.MAX_VALUE;
        while (fitsNot - fits > 1)
        {
            final int capacity = fits + ((fitsNot - fits) >>> 1);
            if (fits(this, schema, capacity))
            {
                fits = capacity;
            }
            else
            {
                fitsNot = capacity;
            }
        }
        return fits;
    }

    /**
     * Says why a capacity does not fit a layout, and what would: the most agents the layout holds and, when it
     * is not the layout that holds the most, the SoA layout's limit.
     *
     * @param layout   the layout.
     * @param schema   the agent type.
     * @param capacity the agents to hold.
     * @return null if {@code capacity} agents fit, else one sentence of what is wrong and how to fix it.
     */
    static String capacityProblem(final Layout layout, final Schema schema, final long capacity)
    {
        final int most = layout.maxCapacity(schema);
        if (capacity <= most)
        {
            return null;
        }
        final StringBuilder problem = new StringBuilder(String.format(Locale.ROOT,
            "%,d agents of %s do not fit the %s layout, which holds at most %,d of them (each memory region of a " +
            "store is one buffer of at most 2 GiB); use a capacity of at most %,d",
            capacity, schema.name(), layout.name(), most, most));
        final int soaMost = SoaLayout.INSTANCE.maxCapacity(schema);
        if (capacity <= soaMost && !SoaLayout.INSTANCE.name().equals(layout.name()))
        {
            problem.append(String.format(Locale.ROOT, ", or the soa layout, which holds up to %,d", soaMost));
        }
        return problem.toString();
    }

    private static boolean fits(final Layout layout, final Schema schema, final int capacity)
    {
        try
        {
            layout.plan(schema, capacity);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    /**
     * Finds a layout by the name {@link #name()} gives.
     *
     * @param name {@code soa}, {@code aos} or {@code aosoa<N>} with N a power of two from 2 to 1024.
     * @return the layout.
     * @throws IllegalArgumentException naming the choices if the name is not one of them.
     */
    static Layout named(final String name)
    {
        if ("soa".equals(name))
        {
            return SoaLayout.INSTANCE;
        }
        if ("aos".equals(name))
        {
            return AosLayout.INSTANCE;
        }
        if (name != null && name.startsWith("aosoa"))
        {
            try
            {
                return new AosoaLayout(Integer.parseInt(name.substring("aosoa".length())));
            }
            catch (final IllegalArgumentException ignore)
            {
                // fall through to the error that lists the choices
            }
        }
        throw new IllegalArgumentException(
            "unknown layout '" + name + "': use soa, aos or aosoa<N> with N a power of two from 2 to 1024");
    }
}
