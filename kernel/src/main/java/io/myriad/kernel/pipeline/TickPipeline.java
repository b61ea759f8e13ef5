package io.myriad.kernel.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;

import org.agrona.BitUtil;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Outbox;
import io.myriad.kernel.model.OutboxDescriptor;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.layouts.AgentStore;

/**
 * Runs the phases of one tick through the Disruptor ring: publish, compute on W workers, apply and combine
 * metrics in batch order, barrier, next phase, swap.
 * <p>
 * Driven by one thread through {@link #startTick(long)} and repeated {@link #doWork()} calls, none of which
 * blocks: {@code doWork} publishes what the ring has room for, computes the driving thread's share, applies and
 * combines what is ready, and returns how much it did, so an idle strategy can back off when it did nothing.
 */
public final class TickPipeline implements AutoCloseable
{
    private static final long JOIN_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);

    private final AgentStore store;
    private final Model model;
    private final Phase[] phases;
    private final int workers;
    private final int batchSize;
    private final RingBuffer<BatchTask> ring;
    private final ComputeHandler[] computeHandlers;
    private final BatchEventProcessor<BatchTask>[] processors;
    private final Thread[] threads;
    private final EventPoller<BatchTask> computePoller;
    private final EventPoller<BatchTask> applyPoller;
    private final EventPoller<BatchTask> metricsPoller;
    private final EventPoller.Handler<BatchTask> computeHandler0;
    private final EventPoller.Handler<BatchTask> applyHandler;
    private final EventPoller.Handler<BatchTask> metricsHandler;
    private final Sequence[] computeSequences;
    private final double[] tickMetrics;
    private final double[] lastTickMetrics;

    private volatile Throwable failure;
    private boolean inTick;
    private long tick;
    private int phaseIndex;
    private int phaseBatches;
    private int phaseItems;
    private int published;
    private long phaseLastSequence;
    private long applied;
    private long rejected;
    private boolean closed;
    private JournalWriter eventJournal;
    private final ExpandableArrayBuffer outcomes = new ExpandableArrayBuffer(1024);

    /**
     * Builds the ring, the stages and the worker threads (started at once, waiting for work).
     *
     * @param store         the agents.
     * @param model         the model whose phases run each tick.
     * @param seed          the run's seed, handed to every batch.
     * @param workers       compute workers, the driving thread included; at least 1.
     * @param batchSize     work items per batch; at least 1.
     * @param ringSize      ring slots, a power of two; raised to hold every batch of a phase over the store's
     *                      capacity if smaller.
     * @param waitStrategy  how workers 1..W-1 wait for batches.
     * @param threadFactory makes the worker threads.
     * @param countAllocation true to count bytes allocated while computing batches on workers 1..W-1; the
     *                        driving thread's share is left to the caller, which sees it on its own thread.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public TickPipeline(
        final AgentStore store,
        final Model model,
        final long seed,
        final int workers,
        final int batchSize,
        final int ringSize,
        final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory,
        final boolean countAllocation)
    {
        if (workers < 1)
        {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (batchSize < 1)
        {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        this.store = store;
        this.model = model;
        final List<Phase> phaseList = model.phases();
        if (phaseList.isEmpty())
        {
            throw new IllegalArgumentException("model has no phases");
        }
        this.phases = phaseList.toArray(new Phase[0]);
        this.workers = workers;
        this.batchSize = batchSize;
        final int metricCount = model.metricNames().size();
        this.tickMetrics = new double[metricCount];
        this.lastTickMetrics = new double[metricCount];
        // A phase's outboxes stay in their ring slots until the whole phase is computed, so the ring must hold
        // every batch of a phase over the store's capacity: grow it to that if the configured size is smaller.
        final int batchesAtCapacity = (int)(((long)store.capacity() + batchSize - 1) / batchSize);
        final int slots = Math.max(ringSize, BitUtil.findNextPositivePowerOfTwo(Math.max(batchesAtCapacity, 2)));
        this.ring = RingBuffer.createSingleProducer(
            () -> new BatchTask(store, seed, metricCount), slots, waitStrategy);

        this.computeHandlers = new ComputeHandler[workers];
        for (int w = 0; w < workers; w++)
        {
            final PhaseWorker[] perPhase = new PhaseWorker[phases.length];
            for (int p = 0; p < phases.length; p++)
            {
                perPhase[p] = phases[p].newWorker(store);
            }
            // worker 0 is the driving thread, whose owner counts its bytes over the whole tick already
            computeHandlers[w] = new ComputeHandler(w, workers, perPhase, this, countAllocation && w > 0);
        }

        final ComputeHandler driverShare = computeHandlers[0];
        this.computeHandler0 = (task, sequence, endOfBatch) ->
        {
            driverShare.compute(task);
            return true;
        };
        this.applyHandler = (task, sequence, endOfBatch) ->
        {
            applyOutbox(task);
            return true;
        };
        this.metricsHandler = (task, sequence, endOfBatch) ->
        {
            combineMetrics(task.metrics());
            return true;
        };

        this.computePoller = ring.newPoller();
        this.processors = new BatchEventProcessor[workers - 1];
        this.threads = new Thread[workers - 1];
        this.computeSequences = new Sequence[workers];
        computeSequences[0] = computePoller.getSequence();
        final BatchEventProcessorBuilder builder = new BatchEventProcessorBuilder();
        for (int w = 1; w < workers; w++)
        {
            final BatchEventProcessor<BatchTask> processor =
                builder.build(ring, ring.newBarrier(), computeHandlers[w]);
            processors[w - 1] = processor;
            computeSequences[w] = processor.getSequence();
        }
        this.applyPoller = ring.newPoller(computeSequences);
        this.metricsPoller = ring.newPoller(applyPoller.getSequence());
        ring.addGatingSequences(metricsPoller.getSequence());

        for (int w = 1; w < workers; w++)
        {
            final Thread thread = threadFactory.newThread(processors[w - 1]);
            threads[w - 1] = thread;
            thread.start();
        }
    }

    /**
     * Journals every outbox entry the apply stage handles, in apply order, with its outcome.
     *
     * @param journal where to append them, or null to stop.
     */
    public void eventJournal(final JournalWriter journal)
    {
        this.eventJournal = journal;
    }

    /**
     * Starts computing a tick; then call {@link #doWork()} until {@link #isTickInProgress()} is false.
     *
     * @param tick the tick to compute, from 0.
     */
    public void startTick(final long tick)
    {
        if (inTick)
        {
            throw new IllegalStateException("tick " + this.tick + " is still in progress");
        }
        checkFailure();
        this.tick = tick;
        this.inTick = true;
        this.phaseIndex = 0;
        Arrays.fill(tickMetrics, 0.0);
        startPhase();
    }

    /**
     * @return true between {@link #startTick(long)} and the end of the tick's last phase.
     */
    public boolean isTickInProgress()
    {
        return inTick;
    }

    /**
     * Advances the tick as far as it can without waiting.
     *
     * @return amount of work done; 0 when waiting for other workers.
     * @throws PipelineException if a batch failed; the simulation cannot continue.
     */
    public int doWork()
    {
        if (!inTick)
        {
            return 0;
        }
        int work = publish();
        try
        {
            if (computePoller.poll(computeHandler0) == EventPoller.PollState.PROCESSING)
            {
                work++;
            }
            if (minimumComputeSequence() >= phaseLastSequence &&
                applyPoller.poll(applyHandler) == EventPoller.PollState.PROCESSING)
            {
                work++;
            }
            if (metricsPoller.poll(metricsHandler) == EventPoller.PollState.PROCESSING)
            {
                work++;
            }
        }
        catch (final Exception ex)
        {
            // Only the apply stage throws here, once every batch of the phase is computed: surface the failure now,
            // since retrying would re-apply the same outbox and fail again forever.
            fail(ex);
            checkFailure();
        }

        if (published == phaseBatches && metricsPoller.getSequence().get() >= phaseLastSequence)
        {
            checkFailure();
            phases[phaseIndex].afterBatches(store, tick);
            phaseIndex++;
            if (phaseIndex < phases.length)
            {
                startPhase();
            }
            else
            {
                System.arraycopy(tickMetrics, 0, lastTickMetrics, 0, tickMetrics.length);
                store.swap();
                inTick = false;
            }
            work++;
        }
        return work;
    }

    /**
     * @return the last completed tick's metric sums, indexed as the model's metric names; do not modify.
     */
    public double[] lastTickMetrics()
    {
        return lastTickMetrics;
    }

    /**
     * @return outbox entries applied since the pipeline started.
     */
    public long appliedEntries()
    {
        return applied;
    }

    /**
     * @return outbox entries rejected since the pipeline started: claims made invalid by earlier ones.
     */
    public long rejectedEntries()
    {
        return rejected;
    }

    /**
     * Bytes allocated while computing batches on the worker threads 1..W-1, not on the driving thread (its owner
     * counts that thread's bytes itself). Exact once a tick has completed.
     *
     * @return bytes allocated by phase workers on the worker threads since the pipeline started.
     */
    public long computeAllocatedBytes()
    {
        long total = 0;
        for (final ComputeHandler handler : computeHandlers)
        {
            total += handler.allocatedBytes();
        }
        return total;
    }

    /**
     * @return compute workers, the driving thread included.
     */
    public int workers()
    {
        return workers;
    }

    /**
     * @return work items per batch.
     */
    public int batchSize()
    {
        return batchSize;
    }

    /**
     * Stops and joins the worker threads. The store is not touched.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
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

    void fail(final Throwable ex)
    {
        if (failure == null)
        {
            failure = ex;
        }
    }

    private void checkFailure()
    {
        final Throwable ex = failure;
        if (ex != null)
        {
            inTick = false;
            throw new PipelineException(
                "tick " + tick + ", phase " + phases[phaseIndex].name() + " failed: " + ex, ex);
        }
    }

    private void startPhase()
    {
        final Phase phase = phases[phaseIndex];
        phase.beforeBatches(store, tick);
        final int items = phase.workItems(store);
        if (items < 0)
        {
            throw new IllegalStateException("phase " + phase.name() + " has negative work: " + items);
        }
        phaseItems = items;
        phaseBatches = (int)(((long)items + batchSize - 1) / batchSize);
        if (phaseBatches > ring.getBufferSize())
        {
            // Outboxes live in the ring slots until the whole phase is computed, so a phase must fit in the ring.
            fail(new IllegalStateException("phase " + phase.name() + " has " + phaseBatches + " batches of " +
                batchSize + " work items, more than the ring's " + ring.getBufferSize() + " slots (sized for the " +
                "store's capacity): a phase must not have more work items than the store has agents, or raise " +
                "the ring size or the batch size"));
            checkFailure();
        }
        published = 0;
        phaseLastSequence = ring.getCursor() + phaseBatches;
    }

    private int publish()
    {
        final int remaining = phaseBatches - published;
        if (remaining == 0)
        {
            return 0;
        }
        final int n = (int)Math.min(remaining, ring.remainingCapacity());
        if (n == 0)
        {
            return 0;
        }
        final long hi = ring.next(n);
        final long lo = hi - n + 1;
        for (long sequence = lo; sequence <= hi; sequence++)
        {
            final BatchTask task = ring.get(sequence);
            final int batch = published++;
            task.phase = phaseIndex;
            task.tick = tick;
            task.batchIndex = batch;
            task.from = batch * batchSize;
            task.to = (int)Math.min((long)task.from + batchSize, phaseItems);
        }
        ring.publish(lo, hi);
        return n;
    }

    private long minimumComputeSequence()
    {
        long min = Long.MAX_VALUE;
        for (final Sequence sequence : computeSequences)
        {
            min = Math.min(min, sequence.get());
        }
        return min;
    }

    private void applyOutbox(final BatchTask task)
    {
        final Outbox outbox = task.outbox();
        final int size = outbox.size();
        final JournalWriter journal = eventJournal;
        final MutableDirectBuffer outcomes = this.outcomes;
        if (journal != null)
        {
            final int bytes = (size + 7) >>> 3;
            outcomes.checkLimit(bytes);
            outcomes.setMemory(0, bytes, (byte)0);
        }
        for (int i = 0; i < size; i++)
        {
            final int kind = outbox.kind(i);
            final int target = outbox.target(i);
            final boolean accepted;
            if (kind == OutboxDescriptor.KIND_SPAWN)
            {
                accepted = store.liveCount() < store.capacity();
                if (accepted)
                {
                    model.onSpawn(store, store.spawn(), outbox.a(i), outbox.b(i));
                }
            }
            else if (kind == OutboxDescriptor.KIND_DESPAWN)
            {
                accepted = store.isAlive(target);
                if (accepted)
                {
                    store.despawn(target);
                }
            }
            else
            {
                accepted = model.apply(store, kind, target, outbox.a(i), outbox.b(i));
            }
            if (accepted)
            {
                applied++;
                if (journal != null)
                {
                    outcomes.putByte(i >>> 3, (byte)(outcomes.getByte(i >>> 3) | (1 << (i & 7))));
                }
            }
            else
            {
                rejected++;
            }
        }
        if (journal != null && size > 0)
        {
            journal.events(tick, task.phase(), task.batchIndex(), outbox.entries(), outcomes, size);
        }
        outbox.clear();
    }

    private void combineMetrics(final double[] batchMetrics)
    {
        for (int m = 0; m < batchMetrics.length; m++)
        {
            tickMetrics[m] += batchMetrics[m];
            batchMetrics[m] = 0.0;
        }
    }
}
