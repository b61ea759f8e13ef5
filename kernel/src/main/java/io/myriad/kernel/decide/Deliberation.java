package io.myriad.kernel.decide;

import java.util.List;

import io.myriad.kernel.event.NextDecision;
import io.myriad.kernel.world.World;

/**
 * A model's side of deciding through a {@link Decider}: what an agent observes, which actions an answer may name,
 * when answers take effect, and what happens when none comes. Immutable, from the model's configuration: a replay
 * rebuilds it from the journal's run start.
 */
public interface Deliberation
{
    /**
     * @return who the agents are and what they want, for a prompt's opening (an LLM's system message).
     */
    String situation();

    /**
     * @return the names of what an agent observes, in the order a request carries their values.
     */
    List<String> facts();

    /**
     * @return the actions an answer may name, in order; at least one.
     */
    List<DecisionAction> actions();

    /**
     * @return when answers take effect.
     */
    DecisionMode mode();

    /**
     * @return for {@link DecisionMode#MODELLED}, the sim seconds from a request to its answer's effect: drawn per
     *         request as {@code latency().next(0, key, id, agent)}, e.g. {@code NextDecision.periodic(2.0)} for a
     *         fixed 2 s, {@code exponential(3.0)}, {@code uniform(1, 5)}. Unused when measured.
     */
    NextDecision latency();

    /**
     * @return what else the answers depend on besides the request (the rules' thresholds, a prompt's wording),
     *         for the answer cache's key: change it and answers cached before are not taken. Empty by default.
     */
    default String version()
    {
        return "";
    }

    /**
     * @return the priority of answers' action events: lower first among events due at one time.
     */
    default int actionPriority()
    {
        return 0;
    }

    /**
     * The answer when the decider times out or fails: a function of the request alone.
     *
     * @param request the request.
     * @return the fallback answer.
     */
    Answer fallback(DecisionRequest request);

    /**
     * The model's own rules, as a {@code ScriptedDecider} answers: a function of the request alone. The fallback by
     * default.
     *
     * @param request the request.
     * @return the answer.
     */
    default Answer script(final DecisionRequest request)
    {
        return fallback(request);
    }

    /**
     * @return the most sim seconds between a request and its answer's effect before the answer is stale and must
     *         be {@link #revalidate re-validated}; infinite by default.
     */
    default double stalenessBound()
    {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Re-validates a stale answer against the current state, between steps: true keeps it, false drops it. Drops
     * every stale answer by default.
     *
     * @param world  the world now.
     * @param agent  the agent.
     * @param action the answer's action index.
     * @param amount its amount, clamped.
     * @return true to take it.
     */
    default boolean revalidate(final World world, final int agent, final int action, final double amount)
    {
        return false;
    }
}
