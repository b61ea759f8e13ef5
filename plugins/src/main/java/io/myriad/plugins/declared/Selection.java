package io.myriad.plugins.declared;

import java.util.BitSet;
import java.util.List;

import io.myriad.kernel.channel.Access;
import io.myriad.plugins.declared.DeclaredSpec.TypeSpec;

/**
 * The agents an id pattern names: {@code *} every agent; a type's name or {@code Prefix_*} every agent of that type;
 * {@code Prefix_N} the one agent of that id (agent N − 1 of its type).
 *
 * @param all  per type, true if every agent of it is named.
 * @param some per type, the indices named when not all, or null.
 */
record Selection(boolean[] all, BitSet[] some)
{
    /**
     * @param pattern an id pattern.
     * @param types   the declared types.
     * @param path    where the pattern is, for errors.
     * @return the agents it names.
     * @throws SpecException if it names none.
     */
    static Selection of(final String pattern, final List<TypeSpec> types, final String path)
    {
        final boolean[] all = new boolean[types.size()];
        final BitSet[] some = new BitSet[types.size()];
        boolean found = false;
        for (int t = 0; t < types.size(); t++)
        {
            final TypeSpec type = types.get(t);
            if (pattern.equals("*") || pattern.equals(type.name()) || pattern.equals(type.prefix() + "_*"))
            {
                all[t] = true;
                found = true;
            }
            else if (pattern.startsWith(type.prefix() + "_"))
            {
                final String number = pattern.substring(type.prefix().length() + 1);
                if (!number.isEmpty() && number.chars().allMatch(Character::isDigit) && number.length() < 10)
                {
                    final int n = Integer.parseInt(number);
                    if (n < 1 || n > type.count())
                    {
                        throw new SpecException(path, -1, pattern + " names no agent: " + type.name() + " has " +
                            type.prefix() + "_1 to " + type.prefix() + "_" + type.count());
                    }
                    some[t] = some[t] == null ? new BitSet() : some[t];
                    some[t].set(n - 1);
                    found = true;
                }
            }
        }
        if (!found)
        {
            throw new SpecException(path, -1, pattern + " names no agents; write a type's name, an id such as " +
                (types.isEmpty() ? "Greeter_1" : types.get(0).prefix() + "_1") + ", a prefix and * such as " +
                (types.isEmpty() ? "Greeter_*" : types.get(0).prefix() + "_*") + ", or * for every agent");
        }
        return new Selection(all, some);
    }

    /**
     * @param type a type's index.
     * @return true if the pattern names some agent of it.
     */
    boolean names(final int type)
    {
        return all[type] || some[type] != null;
    }

    /**
     * @param type a type's index.
     * @return the indices named, or null when every agent of the type is.
     */
    BitSet indices(final int type)
    {
        return all[type] ? null : some[type];
    }

    /**
     * Adds the agents named to an access.
     *
     * @param access the access.
     * @param types  the declared types.
     */
    void addTo(final Access access, final List<TypeSpec> types)
    {
        for (int t = 0; t < all.length; t++)
        {
            if (all[t])
            {
                access.type(types.get(t).name());
            }
            else if (some[t] != null)
            {
                for (int i = some[t].nextSetBit(0); i >= 0; i = some[t].nextSetBit(i + 1))
                {
                    access.agent(types.get(t).name(), i);
                }
            }
        }
    }
}
