package io.myriad.kernel.model;

import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Schema;

/**
 * One run's model: the agents' schema, their initial state, and the phases of a tick.
 * <p>
 * Created by a {@link ModelPlugin}; owned by one {@code Simulation}, which calls {@link #initialise} once on the
 * thread that drives it, then runs the {@link #phases()} every tick.
 */
public interface Model
{
    /**
     * @return the agents' fields.
     */
    Schema schema();

    /**
     * @return the most agents alive at once, the store's capacity.
     */
    int capacity();

    /**
     * Spawns the initial agents and sets their state. Randomness must come from the counter-based generator, so
     * the initial state is a function of the seed alone.
     *
     * @param store an empty store of {@link #capacity()} agents.
     * @param seed  the run's seed.
     */
    void initialise(AgentStore store, long seed);

    /**
     * @return the passes of a tick, in order, with a barrier between each; at least one.
     */
    List<Phase> phases();

    /**
     * @return names of the per-tick sums batches add to with {@link BatchContext#addMetric(int, double)}, by index.
     */
    default List<String> metricNames()
    {
        return List.of();
    }

    /**
     * Derived figures to report, from the last tick's metric sums, e.g. a mean or an order parameter.
     *
     * @param metricSums the last tick's sums, indexed as {@link #metricNames()}.
     * @param liveAgents agents alive after the tick.
     * @return figures by name, in the order to show them; not called on the hot path.
     */
    default Map<String, Double> observe(final double[] metricSums, final int liveAgents)
    {
        return Map.of();
    }

    /**
     * Applies one entry a batch emitted with a model-defined kind, in batch order on one thread. Conflicts are
     * resolved by that order: return false to reject a claim that an earlier entry made invalid.
     *
     * @param store  the agents, with the current tick's next values written.
     * @param kind   the model's entry kind, 0 or more.
     * @param target the agent the entry is for.
     * @param a      first payload word.
     * @param b      second payload word.
     * @return true if applied, false if rejected.
     */
    default boolean apply(final AgentStore store, final int kind, final int target, final long a, final long b)
    {
        throw new UnsupportedOperationException("model emits entries of kind " + kind + " but does not apply them");
    }

    /**
     * Initialises an agent spawned by an {@link Outbox#spawn(long, long)} entry.
     *
     * @param store the agents.
     * @param index the new agent's index; its fields are zero.
     * @param a     first payload word of the spawn entry.
     * @param b     second payload word of the spawn entry.
     */
    default void onSpawn(final AgentStore store, final int index, final long a, final long b)
    {
    }

    /**
     * Applies an input from outside the run (a control command, a decider's answer), between ticks, on the
     * driving thread, before the tick it takes effect at. The simulation journals it first; a replay applies the
     * journaled copy at the same point, so an input must change state only through its arguments.
     *
     * @param store  the agents, between ticks: write the current values.
     * @param tick   the tick about to be computed.
     * @param kind   the model's input kind.
     * @param target the agent it is for, or -1.
     * @param data   its bytes.
     * @param offset where they start.
     * @param length how many.
     */
    default void applyInput(
        final AgentStore store,
        final long tick,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        throw new UnsupportedOperationException("this model takes no inputs (kind " + kind + ")");
    }
}
