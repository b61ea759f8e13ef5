package io.myriad.kernel.decide;

import java.util.List;
import java.util.Locale;

/**
 * One agent's question to a decider: what it observes (its deliberation's facts, by name), when (sim time) and
 * when it last decided. Built by the kernel off the simulation threads' hot path, once per decision; immutable (its
 * prompt is written on first use).
 */
public final class DecisionRequest
{
    private final long id;
    private final int agent;
    private final double time;
    private final double lastDecision;
    private final double[] facts;
    private final Deliberation deliberation;
    private String prompt;

    /**
     * @param id           the decision's id, unique in the run.
     * @param agent        the agent's index.
     * @param time         the sim time it asked at.
     * @param lastDecision the sim time of its last decision, NaN for none.
     * @param facts        what it observes, one value per {@link Deliberation#facts()}; not copied.
     * @param deliberation the model's side of deciding.
     */
    public DecisionRequest(
        final long id,
        final int agent,
        final double time,
        final double lastDecision,
        final double[] facts,
        final Deliberation deliberation)
    {
        this.id = id;
        this.agent = agent;
        this.time = time;
        this.lastDecision = lastDecision;
        this.facts = facts;
        this.deliberation = deliberation;
    }

    /**
     * @return the decision's id, unique in the run.
     */
    public long id()
    {
        return id;
    }

    /**
     * @return the agent's index.
     */
    public int agent()
    {
        return agent;
    }

    /**
     * @return the sim time it asked at.
     */
    public double time()
    {
        return time;
    }

    /**
     * @return the sim time of its last decision, NaN if it has none.
     */
    public double lastDecision()
    {
        return lastDecision;
    }

    /**
     * @param index a fact's index in {@link Deliberation#facts()}.
     * @return its value.
     */
    public double fact(final int index)
    {
        return facts[index];
    }

    /**
     * @param name a fact's name.
     * @return its value.
     * @throws IllegalArgumentException if the deliberation has no such fact.
     */
    public double fact(final String name)
    {
        final int index = deliberation.facts().indexOf(name);
        if (index < 0)
        {
            throw new IllegalArgumentException("no fact " + name + "; the facts are " + deliberation.facts());
        }
        return facts[index];
    }

    /**
     * @return the model's side of deciding: the facts' names, the actions.
     */
    public Deliberation deliberation()
    {
        return deliberation;
    }

    /**
     * The request as a prompt: the time context, what the agent knows, the actions and the form of the answer.
     * <pre>
     * It is t = 127.5 s; your last decision was 30 s ago.
     * What you know:
     * - strength: 103.2
     * ...
     * </pre>
     *
     * @return the text; the same for equal requests. Written once: the runner journals it and a decider sends it.
     */
    public String prompt()
    {
        // racy but safe: a String is immutable, and two threads that both write it write equal ones
        String written = prompt;
        if (written == null)
        {
            written = write();
            prompt = written;
        }
        return written;
    }

    private String write()
    {
        final StringBuilder text = new StringBuilder(256);
        text.append("It is t = ").append(seconds(time)).append(" s; ");
        if (Double.isNaN(lastDecision))
        {
            text.append("this is your first decision.\n");
        }
        else
        {
            text.append("your last decision was ").append(seconds(time - lastDecision)).append(" s ago.\n");
        }
        text.append("What you know:\n");
        final List<String> names = deliberation.facts();
        for (int i = 0; i < names.size(); i++)
        {
            text.append("- ").append(names.get(i)).append(": ").append(seconds(facts[i])).append('\n');
        }
        text.append("Choose one action:\n");
        for (final DecisionAction action : deliberation.actions())
        {
            text.append("- ").append(action.name()).append(": ").append(action.description());
            if (action.min() < action.max())
            {
                text.append(" (amount ").append(seconds(action.min())).append(" to ").append(seconds(action.max()))
                    .append(')');
            }
            text.append('\n');
        }
        text.append("Answer with JSON only: {\"action\": \"<one of the actions>\", \"amount\": <a number>, " +
            "\"reason\": \"<a few words>\"}");
        return text.toString();
    }

    /**
     * @return a short description for messages.
     */
    @Override
    public String toString()
    {
        return "decision " + id + " of agent " + agent + " at t = " + seconds(time);
    }

    private static String seconds(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
