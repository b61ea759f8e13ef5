package io.myriad.kernel.model;

import io.myriad.layouts.AgentStore;

/**
 * What a {@link PhaseWorker} sees of one batch: its range, the tick, the run's seed, an outbox and metric
 * accumulators. Valid only during {@link PhaseWorker#process(BatchContext)}.
 */
public interface BatchContext
{
    /**
     * @return the tick being computed, from 0.
     */
    long tick();

    /**
     * @return the run's seed.
     */
    long seed();

    /**
     * @return index of the batch within its phase this tick.
     */
    int batchIndex();

    /**
     * @return first work item of the batch, inclusive.
     */
    int from();

    /**
     * @return last work item of the batch, exclusive.
     */
    int to();

    /**
     * @return the agents.
     */
    AgentStore store();

    /**
     * @return where the batch appends what it emits, applied in batch order after the phase's batches.
     */
    Outbox outbox();

    /**
     * Adds to one of the model's per-tick sums; batches' contributions are combined in batch order.
     *
     * @param metric index into {@link Model#metricNames()}.
     * @param value  amount to add.
     */
    void addMetric(int metric, double value);
}
