package io.myriad.plugins.declared;

/**
 * What the names of an expression mean where it is: the agent's fields, the declaration's symbols, and the
 * messages the agent reads.
 */
interface Names
{
    /**
     * @return the index of the agent's field of that name, or -1.
     */
    int field(String name);

    /**
     * @return the symbol's number.
     */
    int symbol(String text);

    /**
     * Registers an aggregate of the messages an agent reads.
     *
     * @param function count, sum, mean, min, max, last or has.
     * @param channel  the channel's name.
     * @param field    the message field's name, or null for count.
     * @param value    for has, the value looked for; else null.
     * @param column   where the call starts, for errors.
     * @return an expression reading the aggregate.
     * @throws SpecException if the channel or field is unknown here.
     */
    Expr aggregate(String function, String channel, String field, Expr value, int column);
}
