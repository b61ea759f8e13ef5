package io.myriad.kernel.channel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.myriad.kernel.world.World;

/**
 * Which agents may do something with a channel (send to it, receive from it, read or write a region): whole agent
 * types, or single agents of a type by index. Declared by name before the run, bound to the world's type ids when
 * the channel joins it.
 * <pre>{@code
 * Access.of().type("Greeter").agent("Keeper", 0)
 * }</pre>
 * Immutable once bound; asked from any thread.
 */
public final class Access
{
    private final List<String> typeNames = new ArrayList<>();
    private final List<String> agentTypeNames = new ArrayList<>();
    private final List<Integer> agentIndices = new ArrayList<>();
    private boolean[] allOfType = new boolean[0];
    private BitSet[] someOfType = new BitSet[0];

    private Access()
    {
    }

    /**
     * @return an access that allows no one, to add types and agents to.
     */
    public static Access of()
    {
        return new Access();
    }

    /**
     * @param typeNames agent types every agent of which is allowed.
     * @return an access that allows those types.
     */
    public static Access types(final String... typeNames)
    {
        final Access access = new Access();
        for (final String name : typeNames)
        {
            access.type(name);
        }
        return access;
    }

    /**
     * @param typeName an agent type every agent of which is allowed.
     * @return this access.
     */
    public Access type(final String typeName)
    {
        typeNames.add(typeName);
        return this;
    }

    /**
     * @param typeName an agent type.
     * @param index    the index of one agent of it that is allowed.
     * @return this access.
     */
    public Access agent(final String typeName, final int index)
    {
        if (index < 0)
        {
            throw new IllegalArgumentException("agent index " + index + " of " + typeName + " is negative");
        }
        agentTypeNames.add(typeName);
        agentIndices.add(index);
        return this;
    }

    /**
     * Resolves the names against the world's types.
     *
     * @param world   the world the channel joins.
     * @param channel the channel's name, for errors.
     * @param what    what this access is for, e.g. {@code senders}, for errors.
     * @throws IllegalArgumentException if a name is no type of the world.
     */
    void bind(final World world, final String channel, final String what)
    {
        allOfType = new boolean[world.typeCount()];
        someOfType = new BitSet[world.typeCount()];
        for (final String name : typeNames)
        {
            allOfType[typeId(world, name, channel, what)] = true;
        }
        for (int i = 0; i < agentTypeNames.size(); i++)
        {
            final int type = typeId(world, agentTypeNames.get(i), channel, what);
            if (someOfType[type] == null)
            {
                someOfType[type] = new BitSet();
            }
            someOfType[type].set(agentIndices.get(i));
        }
    }

    /**
     * @param type  an agent's type id.
     * @param index its index.
     * @return true if that agent is allowed.
     */
    public boolean allows(final int type, final int index)
    {
        if (type < 0 || type >= allOfType.length || index < 0)
        {
            return false;
        }
        return allOfType[type] || (someOfType[type] != null && someOfType[type].get(index));
    }

    /**
     * @param type an agent type's id.
     * @return true if some agent of that type may be allowed.
     */
    public boolean mentions(final int type)
    {
        return type >= 0 && type < allOfType.length && (allOfType[type] || someOfType[type] != null);
    }

    /**
     * @return true if nothing is allowed.
     */
    public boolean isEmpty()
    {
        return typeNames.isEmpty() && agentTypeNames.isEmpty();
    }

    /**
     * @return the access as a person reads it, e.g. {@code Greeter, Keeper#0}.
     */
    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        for (final String name : typeNames)
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(name);
        }
        for (int i = 0; i < agentTypeNames.size(); i++)
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(agentTypeNames.get(i)).append('#')
                .append(agentIndices.get(i));
        }
        return sb.length() == 0 ? "no one" : sb.toString();
    }

    private static int typeId(final World world, final String name, final String channel, final String what)
    {
        if (world.type(name) == null)
        {
            throw new IllegalArgumentException("channel " + channel + " names agent type " + name + " among its " +
                what + ", which the world does not have");
        }
        return world.type(name).id();
    }
}
