package io.myriad.kernel.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import com.lmax.disruptor.WaitStrategy;

import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Runs the phases of one step: publish the phase's batches into the Disruptor ring ({@link ComputeRing}), compute
 * them on W workers, then, once every worker has passed the phase's last slot, apply their commands and combine
 * their metrics in batch order; barrier, next phase; swap.
 * <p>
 * Batches live in a pool indexed by batch number, not in the ring: a slot only carries a reference, and is free
 * again as soon as every worker has passed it, so a phase may have more batches than the ring has slots. A phase of
 * one batch (a small population, one event) never touches the ring: the driving thread computes it inline, as it
 * would have as worker 0, with no hand-over to other threads. Driven by one thread through
 * {@link #startStep(long)} and repeated {@link #doWork()} calls, none of which blocks: {@code doWork} publishes
 * what the ring has room for, computes the driving thread's share, applies when the phase is computed, and returns
 * how much it did, so an idle strategy can back off when it did nothing.
 */
public final class StepPipeline implements AutoCloseable
{
    private final World world;
    private final Phase[] phases;
    private final ApplyStage applyStage;
    private final int workers;
    private final int batchSize;
    private final int metricCount;
    private final ComputeHandler driver;
    private final ComputeRing ring;
    private final double[] stepMetrics;
    private final double[] lastStepMetrics;
    private Batch[] batches = new Batch[0];

    private volatile Throwable failure;
    private boolean inStep;
    private long step;
    private int phaseIndex;
    private int phaseBatches;
    private int phaseItems;
    private boolean closed;

    /**
     * Builds the ring and the worker threads (started at once, waiting for work).
     *
     * @param world           the world the phases sweep.
     * @param phases          the phases of a step, at least one.
     * @param metricCount     the model's per-step sums.
     * @param applier         carries out the commands batches emit.
     * @param workers         compute workers, the driving thread included; at least 1.
     * @param batchSize       work items per batch; at least 1.
     * @param ringSize        ring slots, a power of two.
     * @param waitStrategy    how workers 1..W-1 wait for batches.
     * @param threadFactory   makes the worker threads.
     * @param countAllocation true to count bytes allocated while computing batches on workers 1..W-1; the
     *                        driving thread's share is left to the caller, which sees it on its own thread.
     */
    public StepPipeline(
        final World world,
        final List<Phase> phases,
        final int metricCount,
        final CommandApplier applier,
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
        if (phases.isEmpty())
        {
            throw new IllegalArgumentException("model has no phases");
        }
        this.world = world;
        this.phases = phases.toArray(new Phase[0]);
        this.workers = workers;
        this.batchSize = batchSize;
        this.metricCount = metricCount;
        this.stepMetrics = new double[metricCount];
        this.lastStepMetrics = new double[metricCount];
        this.applyStage = new ApplyStage(applier, stepMetrics);
        final ComputeHandler[] handlers = new ComputeHandler[workers];
        for (int w = 0; w < workers; w++)
        {
            final PhaseWorker[] perPhase = new PhaseWorker[this.phases.length];
            for (int p = 0; p < this.phases.length; p++)
            {
                perPhase[p] = this.phases[p].newWorker(world);
            }
            // worker 0 is the driving thread, whose owner counts its bytes over the whole step already
            handlers[w] = new ComputeHandler(w, workers, perPhase, this, countAllocation && w > 0);
        }
        this.driver = handlers[0];
        this.ring = new ComputeRing(handlers, ringSize, waitStrategy, threadFactory);
    }

    /**
     * Journals every command the apply stage handles, per batch in apply order, with its outcome.
     *
     * @param journal where to append them, or null to stop.
     */
    public void eventJournal(final JournalWriter journal)
    {
        applyStage.eventJournal(journal);
    }

    /**
     * Starts computing a step; then call {@link #doWork()} until {@link #isStepInProgress()} is false.
     *
     * @param step the step to compute, from 0.
     */
    public void startStep(final long step)
    {
        if (inStep)
        {
            throw new IllegalStateException("step " + this.step + " is still in progress");
        }
        checkFailure();
        this.step = step;
        this.inStep = true;
        this.phaseIndex = 0;
        Arrays.fill(stepMetrics, 0.0);
        applyStage.deliver(world, step);
        startPhase();
    }

    /**
     * @return true between {@link #startStep(long)} and the end of the step's last phase.
     */
    public boolean isStepInProgress()
    {
        return inStep;
    }

    /**
     * Advances the step as far as it can without waiting.
     *
     * @return amount of work done; 0 when waiting for other workers.
     * @throws PipelineException if a batch or the apply stage failed; the simulation cannot continue.
     */
    public int doWork()
    {
        if (!inStep)
        {
            return 0;
        }
        int work = 0;
        if (phaseBatches == 1)
        {
            driver.process(batches[0]);
            work++;
        }
        else if (phaseBatches > 1)
        {
            work += ring.publish(batches, phaseBatches);
            try
            {
                if (ring.pollDriverShare())
                {
                    work++;
                }
            }
            catch (final Exception ex)
            {
                fail(ex);
            }
        }
        if (phaseBatches <= 1 || ring.isPhaseComputed(phaseBatches))
        {
            checkFailure();
            try
            {
                applyStage.apply(batches, phaseBatches, phaseIndex, step);
            }
            catch (final RuntimeException ex)
            {
                // retrying would re-apply the same commands and fail again forever
                fail(ex);
                checkFailure();
            }
            phases[phaseIndex].afterBatches(world, step);
            phaseIndex++;
            if (phaseIndex < phases.length)
            {
                startPhase();
            }
            else
            {
                System.arraycopy(stepMetrics, 0, lastStepMetrics, 0, metricCount);
                world.swap();
                inStep = false;
            }
            work++;
        }
        return work;
    }

    /**
     * @return the last completed step's metric sums, indexed as the model's metric names; do not modify.
     */
    public double[] lastStepMetrics()
    {
        return lastStepMetrics;
    }

    /**
     * Bytes allocated while computing batches on the worker threads 1..W-1, not on the driving thread (its owner
     * counts that thread's bytes itself). Exact once a step has completed.
     *
     * @return bytes allocated by phase workers on the worker threads since the pipeline started.
     */
    public long computeAllocatedBytes()
    {
        return ring.allocatedBytes();
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
     * Stops and joins the worker threads. The world is not touched.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        ring.close();
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
            inStep = false;
            throw new PipelineException(
                "step " + step + ", phase " + phases[phaseIndex].name() + " failed: " + ex, ex);
        }
    }

    private void startPhase()
    {
        final Phase phase = phases[phaseIndex];
        phase.beforeBatches(world, step);
        final int items = phase.workItems(world);
        if (items < 0)
        {
            throw new IllegalStateException("phase " + phase.name() + " has negative work: " + items);
        }
        phaseItems = items;
        // the swept type's store as it is for this phase: growth replaces it only in an apply stage
        final AgentStore store = phase.sweeps() == null ? null : world.store(phase.sweeps());
        phaseBatches = (int)(((long)items + batchSize - 1) / batchSize);
        if (phaseBatches > batches.length)
        {
            // grows while the run warms up, then stays: a steady state allocates nothing here
            final int from = batches.length;
            batches = Arrays.copyOf(batches, phaseBatches);
            for (int b = from; b < phaseBatches; b++)
            {
                batches[b] = new Batch(world, metricCount);
            }
        }
        for (int index = 0; index < phaseBatches; index++)
        {
            final Batch batch = batches[index];
            batch.phase = phaseIndex;
            batch.step = step;
            batch.batchIndex = index;
            batch.from = index * batchSize;
            batch.to = (int)Math.min((long)batch.from + batchSize, phaseItems);
            batch.store = store;
        }
        if (phaseBatches > 1)
        {
            ring.startPhase(phaseBatches);
        }
    }
}
