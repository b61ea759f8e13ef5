package io.myriad.kernel.world;

import io.myriad.kernel.hash.StateHasher;

/**
 * Lasting state of the world beside the agent stores: a grid and its layers, a network, RNG stream counters,
 * model globals; later channels, the event queue and decisions in flight. Whatever lasts from one step to the
 * next and is not an agent's field lives in a part, so that the state hash covers it and a checkpoint restores it.
 * <p>
 * A part is declared by its model, in a fixed order; the world hashes and checkpoints its parts in that order,
 * after its stores. Hashing, writing and reading happen between steps on the thread that drives the simulation.
 * A part whose state is derived afresh every step (an index of agents by cell) holds nothing lasting and is not a
 * part; it may still be a part to have its configuration checked on restore.
 */
public interface Part
{
    /**
     * @return the part's name, unique in its world: it names the part's checkpoint section and its errors.
     */
    String name();

    /**
     * Called once when the part joins its world, before the model initialises it or a checkpoint restores it:
     * the moment to take the run's seed or to size state by the world's agent types.
     *
     * @param world the world the part belongs to.
     */
    default void attach(final World world)
    {
    }

    /**
     * Hears of an agent born during the run, in the apply stage, before its birth command's handler runs.
     *
     * @param type  the agent's type id.
     * @param agent its index.
     */
    default void agentBorn(final int type, final int agent)
    {
    }

    /**
     * Hears of an agent's death, in the apply stage: a part that keeps something for an agent forgets it here.
     *
     * @param type  the agent's type id.
     * @param agent its index.
     */
    default void agentGone(final int type, final int agent)
    {
    }

    /**
     * Folds the part's whole lasting state into the hash: equal states give equal words, in the same order.
     *
     * @param hasher the world's hash, in progress.
     */
    void hash(StateHasher hasher);

    /**
     * Writes the part's lasting state, and enough of its configuration to refuse a restore into a part configured
     * otherwise, as one checkpoint section.
     *
     * @param out the section, from its start.
     */
    void write(PartWriter out);

    /**
     * Reads back what {@link #write(PartWriter)} wrote, replacing the part's state. The section's checksum has
     * been checked; what is left to check is that it fits this part as configured.
     *
     * @param in the section, from its start.
     * @throws PartFormatException if the section does not fit this part, naming what differs.
     */
    void read(PartReader in);
}
