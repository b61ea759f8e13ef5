package io.myriad.kernel.model;

/**
 * Processes batches of one phase on one compute thread. Must not allocate, block, or touch state outside its
 * batch's range other than by reading values as they were at the start of the phase; what it needs to change
 * elsewhere goes to the batch's {@link io.myriad.kernel.command.Outbox}.
 */
@FunctionalInterface
public interface PhaseWorker
{
    /**
     * @param batch the range to process and where to put what it emits.
     */
    void process(BatchContext batch);
}
