package io.myriad.kernel;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.observe.RunObserver;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.layouts.Layout;

/**
 * Configuration of a {@link Simulation}: what it runs (model, seed, start), how (workers, batches, ring, wait strategy,
 * layout, limits, pace), what it records ({@link RecordsContext}) and how it asks deciders
 * ({@link DecisionsContext}). Defaults from {@link Configuration}.
 */
public final class SimulationContext
{
    private boolean concluded;
    private Model model;
    private String modelName;
    private long seed;
    private Checkpoint restoreFrom;
    private int workers = Configuration.workers();
    private int batchSize = Configuration.batchSize();
    private int ringSize = Configuration.ringSize();
    private String waitStrategy;
    private Layout layout;
    private long maxTicks = Long.MAX_VALUE;
    private double maxSimTime = Double.POSITIVE_INFINITY;
    private double timeScale;
    private int warmupTicks = Configuration.warmupTicks();
    private IdleStrategy idleStrategy;
    private ThreadFactory threadFactory;
    private RecordsContext records = new RecordsContext();
    private DecisionsContext decisions = new DecisionsContext();
    private RunObserver observer;

    /**
     * Checks the settings and fills in what was left unset.
     *
     * @return this context.
     * @throws IllegalArgumentException naming the first setting out of range.
     */
    public SimulationContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(model, "model must be set");
        requireAtLeast("workers", workers, 1);
        requireAtLeast("batch size", batchSize, 1);
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two, at least 2: " + ringSize);
        }
        if (!(maxSimTime >= 0) || !(timeScale >= 0) || timeScale == Double.POSITIVE_INFINITY)
        {
            throw new IllegalArgumentException("max sim time must be 0 or more (" + maxSimTime + "), time scale 0 " +
                "or a positive number (" + timeScale + ")");
        }
        if (maxTicks < 0)
        {
            throw new IllegalArgumentException("max ticks must not be negative: " + maxTicks);
        }
        requireAtLeast("warm-up ticks", warmupTicks, 0);
        if (waitStrategy == null)
        {
            // more workers than processors wait blocking: spinning ones would take the cores the others need
            waitStrategy = Configuration.waitStrategy(workers);
        }
        WaitStrategies.named(waitStrategy);
        records.conclude();
        decisions.conclude();
        if (layout == null)
        {
            layout = Layout.named(Configuration.layout());
        }
        if (idleStrategy == null)
        {
            idleStrategy = new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MICROSECONDS.toNanos(100));
        }
        if (threadFactory == null)
        {
            threadFactory = Configuration.daemonThreads("myriad-worker");
        }
        concluded = true;
        return this;
    }

    /**
     * @param model the model to run; required.
     * @return this context.
     */
    public SimulationContext model(final Model model)
    {
        this.model = model;
        return this;
    }

    /** @return the model to run. */
    public Model model()
    {
        return model;
    }

    /**
     * @param modelName the model's name, written into checkpoints; defaults to the schema's name.
     * @return this context.
     */
    public SimulationContext modelName(final String modelName)
    {
        this.modelName = modelName;
        return this;
    }

    /** @return the model's name for checkpoints. */
    public String modelName()
    {
        return modelName != null ? modelName : model.agentTypes().get(0).name();
    }

    /**
     * @param seed the run's seed; with the model's configuration it determines the whole run.
     * @return this context.
     */
    public SimulationContext seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /** @return the run's seed. */
    public long seed()
    {
        return seed;
    }

    /**
     * Starts the simulation from a checkpoint instead of the model's initial state: its store, its tick. The
     * model must be configured as it was for the checkpointed run.
     *
     * @param checkpoint the checkpoint, or null to start from tick 0 (the default).
     * @return this context.
     */
    public SimulationContext restoreFrom(final Checkpoint checkpoint)
    {
        this.restoreFrom = checkpoint;
        return this;
    }

    /** @return the checkpoint to start from, or null. */
    public Checkpoint restoreFrom()
    {
        return restoreFrom;
    }

    /**
     * @param workers compute workers, the driving thread included; at least 1.
     * @return this context.
     */
    public SimulationContext workers(final int workers)
    {
        this.workers = workers;
        return this;
    }

    /** @return compute workers, the driving thread included. */
    public int workers()
    {
        return workers;
    }

    /**
     * @param batchSize work items per batch; fixed so that results do not depend on the workers.
     * @return this context.
     */
    public SimulationContext batchSize(final int batchSize)
    {
        this.batchSize = batchSize;
        return this;
    }

    /** @return work items per batch. */
    public int batchSize()
    {
        return batchSize;
    }

    /**
     * @param ringSize slots in the pipeline's ring, a power of two; a phase may have more batches than slots, which
     *                 are reused as the workers pass them.
     * @return this context.
     */
    public SimulationContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /** @return slots in the pipeline's ring. */
    public int ringSize()
    {
        return ringSize;
    }

    /**
     * @param waitStrategy how workers wait: backoff, sleeping, yielding, busy-spin or blocking; by default backoff,
     *                     or blocking when the workers outnumber the processors.
     * @return this context.
     */
    public SimulationContext waitStrategy(final String waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    /** @return how workers wait. */
    public String waitStrategy()
    {
        return waitStrategy;
    }

    /**
     * @param layout memory layout of the agent store.
     * @return this context.
     */
    public SimulationContext layout(final Layout layout)
    {
        this.layout = layout;
        return this;
    }

    /** @return memory layout of the agent store. */
    public Layout layout()
    {
        return layout;
    }

    /**
     * @param maxTicks ticks after which {@link Simulation#doWork()} stops starting new ones.
     * @return this context.
     */
    public SimulationContext maxTicks(final long maxTicks)
    {
        this.maxTicks = maxTicks;
        return this;
    }

    /** @return ticks after which {@link Simulation#doWork()} stops starting new ones. */
    public long maxTicks()
    {
        return maxTicks;
    }

    /**
     * @param maxSimTime on the event clock, the latest time a step may take events at: the run is over once no
     *                   event is due at or before it. Unbounded by default.
     * @return this context.
     */
    public SimulationContext maxSimTime(final double maxSimTime)
    {
        this.maxSimTime = maxSimTime;
        return this;
    }

    /** @return on the event clock, the latest time a step may take events at. */
    public double maxSimTime()
    {
        return maxSimTime;
    }

    /**
     * @param timeScale sim seconds a wall second: 0 (the default) as fast as possible, 1 real time.
     * @return this context.
     */
    public SimulationContext timeScale(final double timeScale)
    {
        this.timeScale = timeScale;
        return this;
    }

    /** @return sim seconds a wall second, 0 for as fast as possible. */
    public double timeScale()
    {
        return timeScale;
    }

    /**
     * @param warmupTicks ticks left out of the steady-state allocation figure.
     * @return this context.
     */
    public SimulationContext warmupTicks(final int warmupTicks)
    {
        this.warmupTicks = warmupTicks;
        return this;
    }

    /** @return ticks left out of the steady-state allocation figure. */
    public int warmupTicks()
    {
        return warmupTicks;
    }

    /**
     * @param idleStrategy how {@link Simulation#run(long)} waits for workers.
     * @return this context.
     */
    public SimulationContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /** @return how {@link Simulation#run(long)} waits for workers. */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * @param threadFactory makes the worker threads; by default daemon threads named myriad-worker-N.
     * @return this context.
     */
    public SimulationContext threadFactory(final ThreadFactory threadFactory)
    {
        this.threadFactory = threadFactory;
        return this;
    }

    /** @return makes the worker threads. */
    public ThreadFactory threadFactory()
    {
        return threadFactory;
    }

    /**
     * @param observer told at every step boundary and of every metrics row, on the driving thread; null for none.
     * @return this context.
     */
    public SimulationContext observer(final RunObserver observer)
    {
        this.observer = observer;
        return this;
    }

    /** @return what watches the run, or null. */
    public RunObserver observer()
    {
        return observer;
    }

    /**
     * @param records what the run records as it goes: its journal, checkpoints and metrics file; by default
     *                nothing.
     * @return this context.
     */
    public SimulationContext records(final RecordsContext records)
    {
        this.records = Objects.requireNonNull(records, "records");
        return this;
    }

    /** @return what the run records as it goes. */
    public RecordsContext records()
    {
        return records;
    }

    /**
     * @param decisions how the run asks its model's decider, when the model decides through one; by default with
     *                  no decider: outcomes come from the journal alone, as in a replay.
     * @return this context.
     */
    public SimulationContext decisions(final DecisionsContext decisions)
    {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        return this;
    }

    /** @return how the run asks its model's decider. */
    public DecisionsContext decisions()
    {
        return decisions;
    }

    private static void requireAtLeast(final String name, final long value, final long min)
    {
        if (value < min)
        {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }
}
