package io.myriad.kernel;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.layouts.Layout;

/**
 * Configuration of a {@link Simulation}: fluent setters, defaults from {@link Configuration}, checked by
 * {@link #conclude()}.
 */
public final class SimulationContext
{
    private boolean concluded;
    private Model model;
    private long seed;
    private int workers = Configuration.workers();
    private int batchSize = Configuration.batchSize();
    private int ringSize = Configuration.ringSize();
    private String waitStrategy;
    private Layout layout;
    private long maxTicks = Long.MAX_VALUE;
    private int warmupTicks = Configuration.warmupTicks();
    private IdleStrategy idleStrategy;
    private ThreadFactory threadFactory;
    private JournalWriter journal;
    private Path checkpointDirectory;
    private CheckpointPolicy checkpointPolicy = CheckpointPolicy.NONE;
    private Checkpoint restoreFrom;
    private String modelName;
    private Path metricsFile;
    private int metricsEvery;

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
            final AtomicInteger count = new AtomicInteger();
            threadFactory = (runnable) ->
            {
                final Thread thread = new Thread(runnable, "myriad-worker-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
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

    /**
     * @return the model to run.
     */
    public Model model()
    {
        return model;
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

    /**
     * @return the run's seed.
     */
    public long seed()
    {
        return seed;
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

    /**
     * @return compute workers, the driving thread included.
     */
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

    /**
     * @return work items per batch.
     */
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

    /**
     * @return slots in the pipeline's ring.
     */
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

    /**
     * @return how workers wait.
     */
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

    /**
     * @return memory layout of the agent store.
     */
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

    /**
     * @return ticks after which {@link Simulation#doWork()} stops starting new ones.
     */
    public long maxTicks()
    {
        return maxTicks;
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

    /**
     * @return ticks left out of the steady-state allocation figure.
     */
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

    /**
     * @return how {@link Simulation#run(long)} waits for workers.
     */
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

    /**
     * @return makes the worker threads.
     */
    public ThreadFactory threadFactory()
    {
        return threadFactory;
    }

    private static void requireAtLeast(final String name, final long value, final long min)
    {
        if (value < min)
        {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    /**
     * Journals the run: its state hash at tick 0 and every {@link JournalWriter#hashEvery()} ticks, every outbox
     * entry at level {@link JournalLevel#EVENTS}, and its end when the simulation closes. The caller owns the
     * writer and closes it after the simulation.
     *
     * @param journal the run's journal, or null for none (the default).
     * @return this context.
     */
    public SimulationContext journal(final JournalWriter journal)
    {
        this.journal = journal;
        return this;
    }

    /**
     * @return the run's journal, or null.
     */
    public JournalWriter journal()
    {
        return journal;
    }

    /**
     * Where checkpoints go and when they are taken; {@link Simulation#checkpoint()} also writes one on demand.
     *
     * @param directory the run's checkpoint directory, or null for none (the default).
     * @param policy    when to take them and how many to keep.
     * @return this context.
     */
    public SimulationContext checkpoints(final Path directory, final CheckpointPolicy policy)
    {
        this.checkpointDirectory = directory;
        this.checkpointPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @return the checkpoint directory, or null.
     */
    public Path checkpointDirectory()
    {
        return checkpointDirectory;
    }

    /**
     * @return when checkpoints are taken.
     */
    public CheckpointPolicy checkpointPolicy()
    {
        return checkpointPolicy;
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

    /**
     * @return the checkpoint to start from, or null.
     */
    public Checkpoint restoreFrom()
    {
        return restoreFrom;
    }

    /**
     * Writes the model's {@link Model#metrics()} to a CSV file at the start, every {@code every} ticks and at the
     * end, from a thread of its own; the simulation creates the file and closes it.
     *
     * @param file  the CSV file, which must not exist, or null for none (the default).
     * @param every ticks between rows, at least 1.
     * @return this context.
     */
    public SimulationContext metrics(final Path file, final int every)
    {
        if (file != null && every < 1)
        {
            throw new IllegalArgumentException("metrics every must be at least 1 tick: " + every);
        }
        this.metricsFile = file;
        this.metricsEvery = every;
        return this;
    }

    /**
     * @return the metrics file, or null.
     */
    public Path metricsFile()
    {
        return metricsFile;
    }

    /**
     * @return ticks between metric rows.
     */
    public int metricsEvery()
    {
        return metricsEvery;
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

    /**
     * @return the model's name for checkpoints.
     */
    public String modelName()
    {
        return modelName != null ? modelName : model.agentTypes().get(0).name();
    }
}
