package io.myriad.kernel.model;

/**
 * Something a model takes from outside its run, as a person steering it would send it (a dashboard's button, an
 * API call): either an input, applied between steps through {@link Model#applyInput}, or, on the event clock, an
 * event scheduled in the world's queue through {@code Simulation.control().inject}. Either is journaled before it
 * takes effect, so it replays.
 *
 * @param name        what it is called, a word: {@code scatter}, {@code feed}.
 * @param description what it does, a sentence.
 * @param kind        the input's or the event's kind, as the model takes it.
 * @param scheduled   true for an event on the event clock, false for an input.
 * @param priority    an event's priority; 0 for an input.
 * @param agentType   the agent type whose agent it is for, or null when it is for the world.
 * @param argument    the name of its one number (an event's data holds the double's bits, an input's bytes the
 *                    little-endian double), or null when it takes none.
 */
public record ExternalEvent(
    String name, String description, int kind, boolean scheduled, int priority, String agentType, String argument)
{
    /**
     * @param name        its name.
     * @param description what it does.
     * @param kind        the model's input kind.
     * @return an input for the world, with no argument.
     */
    public static ExternalEvent input(final String name, final String description, final int kind)
    {
        return new ExternalEvent(name, description, kind, false, 0, null, null);
    }

    /**
     * @param agentType the type of the agent it is for, or null.
     * @return this, for an agent of that type.
     */
    public ExternalEvent forAgent(final String agentType)
    {
        return new ExternalEvent(name, description, kind, scheduled, priority, agentType, argument);
    }

    /**
     * @param argumentName the name of its number.
     * @return this, taking a number.
     */
    public ExternalEvent withArgument(final String argumentName)
    {
        return new ExternalEvent(name, description, kind, scheduled, priority, agentType, argumentName);
    }

    /**
     * @param name        its name.
     * @param description what it does.
     * @param kind        the event's kind.
     * @param priority    its priority.
     * @return an event on the event clock for the world, with no argument.
     */
    public static ExternalEvent event(final String name, final String description, final int kind, final int priority)
    {
        return new ExternalEvent(name, description, kind, true, priority, null, null);
    }
}
