package io.myriad.layouts;

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
