/**
 * Asynchronous deciders: agents that ask a slow outside service (an LLM, a rule script) what to do, and act on the
 * answer later, in sim time, without stopping the world.
 * <p>
 * A model that decides this way declares a {@link io.myriad.kernel.decide.DecisionTable} among its parts, built
 * from its {@link io.myriad.kernel.decide.Deliberation} (what an agent observes, which actions an answer may name,
 * the fallback, the latency mode). A phase asks with {@code Outbox.decide}; the apply stage puts the request in the
 * table (the agent is thinking); after the step the kernel hands it to the run's
 * {@link io.myriad.kernel.decide.Decider} off the simulation threads, within a concurrency bound and a
 * {@link io.myriad.kernel.decide.RateLimit}. The answer comes back through a lock-free queue, is journaled
 * ({@link io.myriad.kernel.decide.AnswerDescriptor}) and scheduled as the agent's action event: at
 * {@code t + wall latency x time scale} ({@link io.myriad.kernel.decide.DecisionMode#MEASURED}) or at
 * {@code t + L} ({@link io.myriad.kernel.decide.DecisionMode#MODELLED}, where sim time waits for the answer, so a
 * run's result depends on the answers alone). Replay and a resume's catch-up take answers from the journal and
 * never call the decider.
 */
package io.myriad.kernel.decide;
