package io.myriad.kernel.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;

/**
 * The compute stage's Disruptor ring: slots carrying references to a phase's batches, worker 0 polled by the
 * driving thread, workers 1..W-1 {@code BatchEventProcessor}s on their own threads, each computing the batches that
 * are its share. A slot is free again once every worker has passed it. Used by one driving thread, which publishes
 * a phase's batches as the ring has room and knows the phase is computed once every worker has passed its last
 * slot.
 */
final class ComputeRing implements AutoCloseable
{
    private static final long JOIN_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);

    private final RingBuffer<BatchTask> ring;
    private final ComputeHandler[] handlers;
    private final BatchEventProcessor<BatchTask>[] processors;
    private final Thread[] threads;
    private final EventPoller<BatchTask> driverPoller;
    private final EventPoller.Handler<BatchTask> driverShare;
    private final Sequence[] sequences;
    private int published;
    private long phaseLastSequence;

    /**
     * Builds the ring and starts the worker threads, which wait for batches.
     *
     * @param handlers      one per worker, the driving thread's first.
     * @param ringSize      slots, a power of two.
     * @param waitStrategy  how workers 1..W-1 wait.
     * @param threadFactory makes their threads.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    ComputeRing(
        final ComputeHandler[] handlers,
        final int ringSize,
        final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory)
    {
        final int workers = handlers.length;
        this.handlers = handlers;
        this.ring = RingBuffer.createSingleProducer(BatchTask::new, ringSize, waitStrategy);
        final ComputeHandler driver = handlers[0];
        this.driverShare = (task, sequence, endOfBatch) ->
        {
            driver.compute(task);
            return true;
        };
        this.driverPoller = ring.newPoller();
        this.processors = new BatchEventProcessor[workers - 1];
        this.threads = new Thread[workers - 1];
        this.sequences = new Sequence[workers];
        sequences[0] = driverPoller.getSequence();
        final BatchEventProcessorBuilder builder = new BatchEventProcessorBuilder();
        for (int w = 1; w < workers; w++)
        {
            final BatchEventProcessor<BatchTask> processor = builder.build(ring, ring.newBarrier(), handlers[w]);
            processors[w - 1] = processor;
            sequences[w] = processor.getSequence();
        }
        ring.addGatingSequences(sequences);
        for (int w = 1; w < workers; w++)
        {
            final Thread thread = threadFactory.newThread(processors[w - 1]);
            threads[w - 1] = thread;
            thread.start();
        }
    }

    /**
     * Starts a phase of {@code batchCount} batches, none published yet.
     */
    void startPhase(final int batchCount)
    {
        published = 0;
        phaseLastSequence = ring.getCursor() + batchCount;
    }

    /**
     * Publishes as many of the phase's batches as the ring has room for.
     *
     * @param batches    the phase's batches, ranges filled in.
     * @param batchCount how many the phase has.
     * @return how many were published now.
     */
    int publish(final Batch[] batches, final int batchCount)
    {
        final int n = (int)Math.min(batchCount - published, ring.remainingCapacity());
        if (n <= 0)
        {
            return 0;
        }
        final long hi = ring.next(n);
        final long lo = hi - n + 1;
        for (long sequence = lo; sequence <= hi; sequence++)
        {
            ring.get(sequence).batch = batches[published++];
        }
        ring.publish(lo, hi);
        return n;
    }

    /**
     * Computes the next published batch that is the driving thread's share, if there is one.
     *
     * @return true if a slot was processed.
     * @throws Exception as the poller does; batch failures are handed to the pipeline instead.
     */
    boolean pollDriverShare() throws Exception
    {
        return driverPoller.poll(driverShare) == EventPoller.PollState.PROCESSING;
    }

    /**
     * @param batchCount how many batches the phase has.
     * @return true once all are published and every worker has passed the last.
     */
    boolean isPhaseComputed(final int batchCount)
    {
        if (published < batchCount)
        {
            return false;
        }
        for (final Sequence sequence : sequences)
        {
            if (sequence.get() < phaseLastSequence)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops and joins the worker threads.
     */
    public void close()
    {
        for (final BatchEventProcessor<BatchTask> processor : processors)
        {
            processor.halt();
        }
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(JOIN_TIMEOUT_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /**
     * @return bytes the phase workers allocated on threads that count theirs.
     */
    long allocatedBytes()
    {
        long total = 0;
        for (final ComputeHandler handler : handlers)
        {
            total += handler.allocatedBytes();
        }
        return total;
    }
}
