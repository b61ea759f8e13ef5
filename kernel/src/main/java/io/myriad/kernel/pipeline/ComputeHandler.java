package io.myriad.kernel.pipeline;

import com.lmax.disruptor.EventHandler;

import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.PhaseWorker;

/**
 * The compute stage for one worker: processes the batches that are its share ({@code batchIndex % workers ==
 * id}) with its own {@link PhaseWorker} per phase, and counts the bytes its thread allocates while doing so.
 * Sharing by batch index within the phase, rather than by ring sequence, gives batch 0 to worker 0, the driving
 * thread, so a phase of one batch (a small population) never waits for another thread to wake up.
 * A failure is handed to the pipeline rather than thrown, so the sequence still advances and the driving thread
 * sees the failure at the end of the phase instead of waiting forever.
 */
final class ComputeHandler implements EventHandler<BatchTask>
{
    private final int id;
    private final int workers;
    private final PhaseWorker[] phaseWorkers;
    private final StepPipeline pipeline;
    private final boolean countAllocation;
    private long allocatedBytes;

    ComputeHandler(
        final int id,
        final int workers,
        final PhaseWorker[] phaseWorkers,
        final StepPipeline pipeline,
        final boolean countAllocation)
    {
        this.id = id;
        this.workers = workers;
        this.phaseWorkers = phaseWorkers;
        this.pipeline = pipeline;
        this.countAllocation = countAllocation;
    }

    public void onEvent(final BatchTask task, final long sequence, final boolean endOfBatch)
    {
        compute(task);
    }

    long allocatedBytes()
    {
        return allocatedBytes;
    }

    void compute(final BatchTask task)
    {
        final Batch batch = task.batch;
        if (batch.batchIndex % workers == id)
        {
            process(batch);
        }
    }

    /**
     * Computes a batch on this thread, whoever's share it is.
     *
     * @param batch a batch whose range is filled in.
     */
    void process(final Batch batch)
    {
        final long before = countAllocation ? ThreadAllocation.currentThreadAllocatedBytes() : 0L;
        try
        {
            phaseWorkers[batch.phase].process(batch);
        }
        catch (final Throwable ex)
        {
            pipeline.fail(ex);
        }
        if (countAllocation)
        {
            allocatedBytes += ThreadAllocation.currentThreadAllocatedBytes() - before;
        }
    }
}
