package io.myriad.kernel.decide;

/**
 * What a decider answered: one of the deliberation's actions, with an amount, and what it said.
 *
 * @param action           the index of the action in {@link Deliberation#actions()}.
 * @param amount           its amount, clamped into the action's range when it takes effect.
 * @param text             the answer as the decider gave it (an LLM's reply, a rule's name), for the journal.
 * @param promptTokens     tokens the request used, 0 when not counted.
 * @param completionTokens tokens the answer used, 0 when not counted.
 */
public record Answer(int action, double amount, String text, int promptTokens, int completionTokens)
{
    /**
     * @param action the action's index.
     * @param amount its amount.
     * @param text   what was said.
     * @return an answer that used no tokens.
     */
    public static Answer of(final int action, final double amount, final String text)
    {
        return new Answer(action, amount, text, 0, 0);
    }
}
