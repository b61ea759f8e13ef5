package io.myriad.kernel.decide;

import java.util.concurrent.CompletableFuture;

/**
 * Something slow outside the simulation that decides for agents: an LLM behind an HTTP endpoint, a rule script.
 * Called off the simulation threads, by the run's dispatcher, at most the concurrency bound at a time; it answers
 * later by completing the future (exceptionally when it gives up). The kernel times out what takes too long and
 * uses the model's fallback then. An implementation must be safe to call from several threads.
 */
public interface Decider extends AutoCloseable
{
    /**
     * @param request what the agent observes, with the sim time and the time of its last decision.
     * @return the answer, later; must not block the caller for long.
     */
    CompletableFuture<Answer> decide(DecisionRequest request);

    /**
     * @return what the decider is, for cache keys and messages (e.g. {@code http llama3.2 at http://localhost:11434});
     *         never a secret.
     */
    String identity();

    /**
     * Releases threads and connections. Nothing by default.
     */
    @Override
    default void close()
    {
    }
}
