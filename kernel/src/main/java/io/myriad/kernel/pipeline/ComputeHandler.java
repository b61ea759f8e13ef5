package io.myriad.kernel.pipeline;

import com.lmax.disruptor.EventHandler;

import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.PhaseWorker;

/**
 * The compute stage for one worker: processes the sequences that are its share ({@code sequence % workers ==
 * id}) with its own {@link PhaseWorker} per phase, and counts the bytes its thread allocates while doing so.
 * A failure is handed to the pipeline rather than thrown, so the sequence still advances and the driving thread
 * sees the failure at the end of the phase instead of waiting forever.
 */
final class ComputeHandler implements EventHandler<BatchTask>
{
    private final int id;
    private final int workers;
    private final PhaseWorker[] phaseWorkers;
    private final TickPipeline pipeline;
    private final boolean countAllocation;
    private long allocatedBytes;
    private long batchesProcessed;

    ComputeHandler(
        final int id,
        final int workers,
        final PhaseWorker[] phaseWorkers,
        final TickPipeline pipeline,
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
        compute(task, sequence);
    }

    long allocatedBytes()
    {
        return allocatedBytes;
    }

    long batchesProcessed()
    {
        return batchesProcessed;
    }

    void compute(final BatchTask task, final long sequence)
    {
        if (sequence % workers != id)
        {
            return;
        }
        final long before = countAllocation ? ThreadAllocation.currentThreadAllocatedBytes() : 0L;
        try
        {
            phaseWorkers[task.phase].process(task);
        }
        catch (final Throwable ex)
        {
            pipeline.fail(ex);
        }
        if (countAllocation)
        {
            allocatedBytes += ThreadAllocation.currentThreadAllocatedBytes() - before;
        }
        batchesProcessed++;
    }
}
