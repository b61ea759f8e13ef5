package io.myriad.kernel.model;

import io.myriad.layouts.AgentStore;

/**
 * One pass of a tick: the work items {@code [0, workItems)} are cut into fixed-size batches, the batches are
 * processed by the compute workers in parallel, then what they emitted is applied and their metrics combined,
 * in batch order. Batch boundaries depend only on the batch size, never on the number of threads.
 * <p>
 * Work items are agent indices unless the phase says otherwise (a phase may sweep agents sorted by cell, say).
 */
public interface Phase
{
    /**
     * @return the phase's name, for reports.
     */
    String name();

    /**
     * @param store the agents.
     * @return number of work items this tick; by default every index below the high-water mark.
     */
    default int workItems(final AgentStore store)
    {
        return store.highWaterMark();
    }

    /**
     * Creates the state one compute worker needs (flyweights, scratch arrays). Called once per worker before the
     * first tick; the worker is then used by one thread at a time.
     *
     * @param store the agents.
     * @return a worker.
     */
    PhaseWorker newWorker(AgentStore store);

    /**
     * Serial work before the batches are published, on the driving thread.
     *
     * @param store the agents.
     * @param tick  the tick being computed, from 0.
     */
    default void beforeBatches(final AgentStore store, final long tick)
    {
    }

    /**
     * Serial work after every batch has been processed and applied, on the driving thread.
     *
     * @param store the agents.
     * @param tick  the tick being computed, from 0.
     */
    default void afterBatches(final AgentStore store, final long tick)
    {
    }
}
