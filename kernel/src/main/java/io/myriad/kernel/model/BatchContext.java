package io.myriad.kernel.model;

import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * What a {@link PhaseWorker} sees of one batch: its range, the step, the run's seed, the world, an outbox and
 * metric accumulators. Valid only during {@link PhaseWorker#process(BatchContext)}.
 */
public interface BatchContext
{
    /**
     * @return the step being computed, from 0.
     */
    long step();

    /**
     * @return the run's seed.
     */
    long seed();

    /**
     * @return index of the batch within its phase this step.
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
     * @return the world; read any store or part, write only what the batch owns.
     */
    World world();

    /**
     * @return the store of the type the phase sweeps, as it is this step.
     */
    AgentStore store();

    /**
     * @return where the batch appends its commands, applied in batch order after the phase's batches.
     */
    Outbox outbox();

    /**
     * Adds to one of the model's per-step sums; batches' contributions are combined in batch order.
     *
     * @param metric index into {@link Model#metricNames()}.
     * @param value  amount to add.
     */
    void addMetric(int metric, double value);
}
