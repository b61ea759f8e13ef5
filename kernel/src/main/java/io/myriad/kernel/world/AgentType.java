package io.myriad.kernel.world;

import java.util.Objects;

import io.myriad.layouts.Schema;

/**
 * A kind of agent a model declares: its name, its schema, the capacity its store starts with and the most it may
 * grow to. Wolves and sheep are two types; a singleton (a market, a company) is a type of capacity one. Agents are
 * addressed by (type, index): {@link #id()} is the type's place in its world's declaration order.
 * <p>
 * A type whose maximum exceeds its capacity grows at a step boundary when births need the room, doubling up to the
 * maximum; a birth beyond the maximum is refused and counted, and the run goes on.
 */
public final class AgentType
{
    private final String name;
    private final Schema schema;
    private final int capacity;
    private final int maxCapacity;
    private int id = -1;

    private AgentType(final String name, final Schema schema, final int capacity, final int maxCapacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("agent type " + name + ": capacity must be at least 1, was " + capacity);
        }
        if (maxCapacity < capacity)
        {
            throw new IllegalArgumentException("agent type " + name + ": maximum capacity " + maxCapacity +
                " is below its capacity " + capacity);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.capacity = capacity;
        this.maxCapacity = maxCapacity;
    }

    /**
     * A type whose store never grows.
     *
     * @param name     the type's name, unique in its world.
     * @param schema   its agents' fields.
     * @param capacity the most agents alive at once, at least 1.
     * @return the type.
     */
    public static AgentType of(final String name, final Schema schema, final int capacity)
    {
        return new AgentType(name, schema, capacity, capacity);
    }

    /**
     * A type whose store starts at {@code capacity} and grows when births need it, up to {@code maxCapacity}.
     *
     * @param name        the type's name, unique in its world.
     * @param schema      its agents' fields.
     * @param capacity    the store's first capacity, at least 1.
     * @param maxCapacity the most it may grow to.
     * @return the type.
     */
    public static AgentType growing(final String name, final Schema schema, final int capacity, final int maxCapacity)
    {
        return new AgentType(name, schema, capacity, maxCapacity);
    }

    /**
     * @return the type's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return its agents' fields.
     */
    public Schema schema()
    {
        return schema;
    }

    /**
     * @return the capacity its store starts with.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return the most agents its store may grow to hold.
     */
    public int maxCapacity()
    {
        return maxCapacity;
    }

    /**
     * @return the type's place in its world's declaration order, from 0; -1 before a world holds it.
     */
    public int id()
    {
        return id;
    }

    void bind(final int id)
    {
        if (this.id != -1 && this.id != id)
        {
            throw new IllegalStateException("agent type " + name + " is type " + this.id + " of another world and " +
                "cannot be type " + id + " of this one: declare the types in the same order");
        }
        this.id = id;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name + "(" + schema.name() + ", capacity " + capacity +
            (maxCapacity > capacity ? " growing to " + maxCapacity : "") + ")";
    }
}
