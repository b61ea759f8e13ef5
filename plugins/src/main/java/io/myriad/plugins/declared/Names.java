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
     * @param axis {@code x} or {@code y}.
     * @return the agent's column or row on the model's grid.
     * @throws SpecException if the model has no space.
     */
    Expr position(String axis, int column);

    /**
     * @param type a type's name, or null for every type.
     * @return how many agents (of that type) are in the agent's cell and the eight around it, itself not counted.
     * @throws SpecException if the model has no space, or no such type.
     */
    Expr near(String type, int column);

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
