package io.myriad.kernel.model;

import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;

/**
 * One pass of a step over one agent type: the work items {@code [0, workItems)} are cut into fixed-size batches,
 * the batches are processed by the compute workers in parallel, then the commands they emitted are applied and
 * their metrics combined, in batch order. Batch boundaries depend only on the batch size, never on the number of
 * threads.
 * <p>
 * Work items are indices of the swept type's agents unless the phase says otherwise (it may sweep agents sorted by
 * cell, or the cells of a grid). A batch sees the whole world.
 */
public interface Phase
{
    /**
     * @return the phase's name, for reports.
     */
    String name();

    /**
     * @return the agent type the phase sweeps; its store is {@link BatchContext#store()}.
     */
    AgentType sweeps();

    /**
     * @param world the world.
     * @return number of work items this step; by default every index of the swept type below its high-water mark.
     */
    default int workItems(final World world)
    {
        return world.store(sweeps()).highWaterMark();
    }

    /**
     * Creates the state one compute worker needs (flyweights, scratch arrays). Called once per worker before the
     * first step; the worker is then used by one thread at a time.
     *
     * @param world the world.
     * @return a worker.
     */
    PhaseWorker newWorker(World world);

    /**
     * Serial work before the batches are published, on the driving thread.
     *
     * @param world the world.
     * @param step  the step being computed, from 0.
     */
    default void beforeBatches(final World world, final long step)
    {
    }

    /**
     * Serial work after every batch has been processed and applied, on the driving thread.
     *
     * @param world the world.
     * @param step  the step being computed, from 0.
     */
    default void afterBatches(final World world, final long step)
    {
    }
}
