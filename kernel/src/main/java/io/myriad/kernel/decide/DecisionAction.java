package io.myriad.kernel.decide;

/**
 * One action an answer may name: scheduled, when the answer takes effect, as an event of {@code kind} for the
 * agent, its data the answer's amount as a double's raw bits ({@link Double#doubleToRawLongBits}).
 *
 * @param name        what a decider calls it, e.g. {@code buy}: lower case, no spaces.
 * @param kind        the model's event kind it is scheduled as.
 * @param description what it does, for a prompt.
 * @param min         the least amount it takes.
 * @param max         the most; an answer's amount is clamped into {@code [min, max]}.
 */
public record DecisionAction(String name, int kind, String description, double min, double max)
{
    /**
     * @throws IllegalArgumentException if the name is not a word or the range is empty.
     */
    public DecisionAction
    {
        if (name == null || !name.matches("[a-z][a-z0-9_]*"))
        {
            throw new IllegalArgumentException("an action's name is a lower-case word (a-z, 0-9, _): " + name);
        }
        if (!(min <= max))
        {
            throw new IllegalArgumentException("action " + name + " takes amounts from " + min + " to " + max +
                ": the least must not be more than the most");
        }
    }

    /**
     * @param amount an answer's amount.
     * @return it within {@code [min, max]}; {@code min} for NaN.
     */
    public double clamp(final double amount)
    {
        return Double.isNaN(amount) ? min : Math.max(min, Math.min(max, amount));
    }
}
