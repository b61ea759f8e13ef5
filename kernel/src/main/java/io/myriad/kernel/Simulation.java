package io.myriad.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointException;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.checkpoint.Checkpoints;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.pipeline.TickPipeline;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Layout;

/**
 * A simulation: one model's agents in an off-heap store, advanced tick by tick through the Disruptor pipeline.
 * <p>
 * Drive it from one thread, either with {@link #step()} and {@link #run(long)}, which return when the ticks are
 * done, or as an Agrona {@link Agent}: {@link #doWork()} never blocks and returns 0 when it is waiting for other
 * workers, so an {@code AgentRunner} and its idle strategy can own the loop. As an agent it runs until
 * {@link Context#maxTicks(long)} ticks are done (unbounded by default), then reports {@link #isDone()}.
 * <p>
 * The state after N ticks is a function of the model, its configuration and the seed alone: {@link #stateHash()}
 * is the same for any number of workers and any layout.
 * <pre>{@code
 * try (Simulation sim = Simulation.launch(new Simulation.Context().model(model).seed(42).workers(2)))
 * {
 *     sim.run(200);
 *     System.out.println(StateHash.toHex(sim.stateHash()));
 * }
 * }</pre>
 */
public final class Simulation implements Agent, AutoCloseable
{
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.HOURS.toNanos(1);
    private static final long[] NO_RNG_COUNTERS = new long[0];

    private final Context ctx;
    private final Model model;
    private final AgentStore store;
    private final TickPipeline pipeline;
    private final Histogram tickLatency = new Histogram(1, HIGHEST_TRACKABLE_NS, 3);
    private final IdleStrategy idleStrategy;
    private final long maxTicks;
    private final int warmupTicks;
    private final JournalWriter journal;
    private final long hashEvery;

    private long tick;
    private long tickStartNs;
    private long driverBytesAtTickStart;
    private long steadyDriverBytes;
    private long workerBytesAtWarmupEnd;
    private long steadyTicks;
    private long ticksRun;
    private final CheckpointPolicy checkpointPolicy;
    private final Path checkpointDirectory;
    private long lastCheckpointTick;
    private long eventsAtLastCheckpoint;
    private Checkpoint lastCheckpoint;
    private boolean closed;

    private Simulation(final Context ctx)
    {
        this.ctx = ctx;
        this.model = ctx.model();
        this.maxTicks = ctx.maxTicks();
        this.warmupTicks = ctx.warmupTicks();
        this.idleStrategy = ctx.idleStrategy();
        this.journal = ctx.journal();
        this.hashEvery = journal == null ? 0 : journal.hashEvery();
        this.checkpointDirectory = ctx.checkpointDirectory();
        this.checkpointPolicy = checkpointDirectory == null ? CheckpointPolicy.NONE : ctx.checkpointPolicy();
        final Checkpoint restoreFrom = ctx.restoreFrom();
        final AgentStore newStore = new AgentStore(model.schema(), ctx.layout(), model.capacity());
        try
        {
            if (restoreFrom == null)
            {
                model.initialise(newStore, ctx.seed());
            }
            else
            {
                if (restoreFrom.seed() != ctx.seed())
                {
                    throw new CheckpointException("checkpoint " + restoreFrom.manifest() + " is of a run with seed " +
                        restoreFrom.seed() + ", not " + ctx.seed());
                }
                Checkpoints.restore(restoreFrom, newStore);
                this.tick = restoreFrom.tick();
                this.lastCheckpointTick = tick;
                this.lastCheckpoint = restoreFrom;
            }
            this.pipeline = new TickPipeline(
                newStore,
                model,
                ctx.seed(),
                ctx.workers(),
                ctx.batchSize(),
                ctx.ringSize(),
                WaitStrategies.named(ctx.waitStrategy()),
                ctx.threadFactory(),
                ThreadAllocation.isSupported());
        }
        catch (final RuntimeException | Error ex)
        {
            // an OutOfMemoryError while the model sizes its own arrays must not strand the store's direct memory
            newStore.close();
            throw ex;
        }
        this.store = newStore;
        final long restoredHash = restoreFrom == null ? 0 : stateHash();
        if (restoreFrom != null && restoredHash != restoreFrom.stateHash())
        {
            closed = true;
            pipeline.close();
            store.close();
            throw new CheckpointException("checkpoint " + restoreFrom.manifest() + " restores to state hash " +
                StateHash.toHex(restoredHash) + ", not the " + StateHash.toHex(restoreFrom.stateHash()) +
                " it recorded: the model keeps state outside its store, or its code or parameters changed since; " +
                "try an older checkpoint, or 'myriad replay' to see where the runs part");
        }
        if (journal != null)
        {
            if (journal.level() == JournalLevel.EVENTS)
            {
                pipeline.eventJournal(journal);
            }
            if (restoreFrom == null)
            {
                journal.stateHash(0, stateHash(), store.liveCount());
            }
        }
    }

    /**
     * Builds and initialises a simulation; worker threads start at once and wait for the first tick.
     *
     * @param ctx the configuration; concluded here if it was not already.
     * @return the simulation, at tick 0.
     */
    public static Simulation launch(final Context ctx)
    {
        return new Simulation(ctx.conclude());
    }

    /**
     * Advances one tick, returning when it is complete. Ignores {@link Context#maxTicks(long)}.
     */
    public void step()
    {
        run(1);
    }

    /**
     * Advances {@code ticks} ticks, returning when they are complete. Ignores {@link Context#maxTicks(long)}.
     *
     * @param ticks number of ticks, 0 or more.
     */
    public void run(final long ticks)
    {
        final long target = tick + ticks;
        final IdleStrategy idle = idleStrategy;
        while (tick < target)
        {
            if (pipeline.isTickInProgress())
            {
                idle.idle(advance());
            }
            else
            {
                beginTick();
            }
        }
    }

    /**
     * Advances the simulation as far as it can without waiting: starts a tick if none is running and fewer than
     * {@link Context#maxTicks(long)} are done, then publishes, computes, applies and combines what is ready.
     *
     * @return amount of work done; 0 when idle or waiting for other workers.
     */
    public int doWork()
    {
        if (!pipeline.isTickInProgress())
        {
            if (tick >= maxTicks)
            {
                return 0;
            }
            beginTick();
        }
        return advance();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "myriad-simulation";
    }

    /**
     * Releases the workers and the store when an {@code AgentRunner} closes the agent.
     */
    public void onClose()
    {
        close();
    }

    /**
     * @return true once {@link Context#maxTicks(long)} ticks are done and no tick is in progress.
     */
    public boolean isDone()
    {
        return tick >= maxTicks && !pipeline.isTickInProgress();
    }

    /**
     * @return ticks completed.
     */
    public long tick()
    {
        return tick;
    }

    /**
     * Computes the state hash now. Call between ticks, on the driving thread.
     *
     * @return the hash of the current state, see {@link StateHash}.
     */
    public long stateHash()
    {
        if (pipeline.isTickInProgress())
        {
            throw new IllegalStateException("state hash asked for while tick " + tick + " is in progress");
        }
        return StateHash.of(store, tick, NO_RNG_COUNTERS);
    }

    /**
     * Hands the model an input from outside the run, to take effect before the next tick: journals it (when the
     * run has a journal) and applies it through {@link Model#applyInput}. Call between ticks, on the driving
     * thread.
     *
     * @param kind   the model's input kind.
     * @param target the agent it is for, or -1.
     * @param data   its bytes.
     * @param offset where they start.
     * @param length how many.
     */
    public void input(final int kind, final int target, final DirectBuffer data, final int offset, final int length)
    {
        if (pipeline.isTickInProgress())
        {
            throw new IllegalStateException("input given while tick " + tick + " is in progress");
        }
        if (journal != null)
        {
            journal.input(tick, kind, target, data, offset, length);
        }
        model.applyInput(store, tick, kind, target, data, offset, length);
    }

    /**
     * @return the agents. Read them between ticks, on the driving thread.
     */
    public AgentStore store()
    {
        return store;
    }

    /**
     * @return the model.
     */
    public Model model()
    {
        return model;
    }

    /**
     * @return the configuration.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * @return wall time of each tick in nanoseconds since the start; owned by the simulation, read between ticks.
     */
    public Histogram tickLatency()
    {
        return tickLatency;
    }

    /**
     * @return the last tick's metric sums, indexed as {@link Model#metricNames()}; do not modify.
     */
    public double[] lastTickMetrics()
    {
        return pipeline.lastTickMetrics();
    }

    /**
     * @return outbox entries applied so far.
     */
    public long appliedEntries()
    {
        return pipeline.appliedEntries();
    }

    /**
     * @return outbox entries rejected so far because an earlier entry made them invalid.
     */
    public long rejectedEntries()
    {
        return pipeline.rejectedEntries();
    }

    /**
     * @return ticks counted in the steady-state allocation figure: those after the warm-up.
     */
    public long steadyStateTicks()
    {
        return steadyTicks;
    }

    /**
     * Bytes allocated on the simulation's threads (the driving thread while it works on a tick, and the compute
     * workers while they process batches) since the warm-up ticks ended, or -1 if the JVM cannot count them.
     *
     * @return steady-state bytes allocated.
     */
    public long steadyStateAllocatedBytes()
    {
        if (!ThreadAllocation.isSupported())
        {
            return -1;
        }
        if (steadyTicks == 0)
        {
            return 0;
        }
        return steadyDriverBytes + pipeline.computeAllocatedBytes() - workerBytesAtWarmupEnd;
    }

    /**
     * {@link #steadyStateAllocatedBytes()} divided by {@link #steadyStateTicks()}.
     *
     * @return steady-state bytes allocated per tick, 0 before the warm-up ends, -1 if the JVM cannot count them.
     */
    public double allocatedBytesPerTick()
    {
        final long bytes = steadyStateAllocatedBytes();
        return bytes <= 0 ? bytes : (double)bytes / steadyTicks;
    }

    /**
     * Stops the workers and frees the store. Idempotent.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            try
            {
                // a resumed run closed before it caught up with its journal, or closed again where its journal
                // already ends, adds nothing to it
                if (journal != null && !pipeline.isTickInProgress() && !journal.isCatchingUp() &&
                    !journal.isEndRecordedAt(tick))
                {
                    journal.runEnd(tick, stateHash(), store.liveCount());
                    journal.flush();
                }
            }
            finally
            {
                try
                {
                    pipeline.close();
                }
                finally
                {
                    store.close();
                }
            }
        }
    }

    private void beginTick()
    {
        if (closed)
        {
            throw new IllegalStateException("simulation is closed");
        }
        driverBytesAtTickStart = ThreadAllocation.currentThreadAllocatedBytes();
        tickStartNs = System.nanoTime();
        pipeline.startTick(tick);
    }

    private int advance()
    {
        final int work = pipeline.doWork();
        if (!pipeline.isTickInProgress())
        {
            endTick();
            return work + 1;
        }
        return work;
    }

    private void endTick()
    {
        final long latency = System.nanoTime() - tickStartNs;
        tickLatency.recordValue(Math.min(Math.max(latency, 1), HIGHEST_TRACKABLE_NS));
        tick++;
        final long driverBytes = ThreadAllocation.currentThreadAllocatedBytes() - driverBytesAtTickStart;
        ticksRun++;
        if (ticksRun == warmupTicks)
        {
            workerBytesAtWarmupEnd = pipeline.computeAllocatedBytes();
        }
        else if (ticksRun > warmupTicks)
        {
            steadyDriverBytes += driverBytes;
            steadyTicks++;
        }
        final boolean checkpointDue = checkpointPolicy.isDue(
            tick - lastCheckpointTick, eventsEmitted() - eventsAtLastCheckpoint);
        if (journal != null && (checkpointDue || (hashEvery != 0 && tick % hashEvery == 0)))
        {
            journal.stateHash(tick, stateHash(), store.liveCount());
        }
        if (checkpointDue)
        {
            checkpoint();
            lastCheckpointTick = tick;
            eventsAtLastCheckpoint = eventsEmitted();
        }
    }

    private long eventsEmitted()
    {
        return pipeline.appliedEntries() + pipeline.rejectedEntries();
    }

    /**
     * Writes a checkpoint of the state now into the context's checkpoint directory, atomically, and deletes the
     * oldest beyond the policy's {@code keep}. With a journal, the journal is flushed first and the checkpoint
     * records how many records it held, so a resume knows where in the journal it starts. Call between ticks,
     * on the driving thread; the run's policy calls it itself when a checkpoint is due, right after the state
     * hash it journals for the checkpoint. A checkpoint taken by calling this leaves the policy's schedule as it
     * was; it can seed {@link Context#restoreFrom}, and {@code Resume} uses it only if it falls on a tick whose
     * state hash the journal holds.
     *
     * @return the checkpoint.
     * @throws IllegalStateException if the context names no checkpoint directory.
     */
    public Checkpoint checkpoint()
    {
        if (checkpointDirectory == null)
        {
            throw new IllegalStateException("no checkpoint directory: set Context.checkpoints(directory, policy)");
        }
        if (pipeline.isTickInProgress())
        {
            throw new IllegalStateException("checkpoint asked for while tick " + tick + " is in progress");
        }
        final long journalRecords;
        if (journal != null)
        {
            journal.flush();
            journalRecords = journal.position();
        }
        else
        {
            journalRecords = -1;
        }
        final long hash = stateHash();
        final Checkpoint existing = existingCheckpoint(hash, journalRecords);
        lastCheckpoint = existing != null ? existing : Checkpoints.write(checkpointDirectory, store, tick,
            ctx.seed(), hash, journalRecords, ctx.modelName());
        Checkpoints.prune(checkpointDirectory, checkpointPolicy.keep());
        return lastCheckpoint;
    }

    /**
     * A resumed run passes again the ticks where the first run took checkpoints: the one already there, if whole
     * and of the same state, is kept rather than written again.
     */
    private Checkpoint existingCheckpoint(final long hash, final long journalRecords)
    {
        final Path manifest = checkpointDirectory.resolve(Checkpoints.stem(tick) + Checkpoints.MANIFEST_SUFFIX);
        if (!Files.exists(manifest))
        {
            return null;
        }
        try
        {
            final Checkpoint existing = Checkpoints.read(manifest);
            return existing.stateHash() == hash && existing.journalRecords() == journalRecords ? existing : null;
        }
        catch (final CheckpointException ex)
        {
            return null;
        }
    }

    /**
     * @return the last checkpoint written or restored from, or null.
     */
    public Checkpoint lastCheckpoint()
    {
        return lastCheckpoint;
    }

    /**
     * Configuration of a {@link Simulation}: fluent setters, defaults from {@link Configuration}, checked by
     * {@link #conclude()}.
     */
    public static final class Context
    {
        private boolean concluded;
        private Model model;
        private long seed;
        private int workers = Configuration.workers();
        private int batchSize = Configuration.batchSize();
        private int ringSize = Configuration.ringSize();
        private String waitStrategy = Configuration.waitStrategy();
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

        /**
         * Checks the settings and fills in what was left unset.
         *
         * @return this context.
         * @throws IllegalArgumentException naming the first setting out of range.
         */
        public Context conclude()
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
        public Context model(final Model model)
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
        public Context seed(final long seed)
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
        public Context workers(final int workers)
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
        public Context batchSize(final int batchSize)
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
         * @param ringSize slots in the pipeline's ring, a power of two; the pipeline raises it to hold every batch
         *                 of a phase at the store's capacity.
         * @return this context.
         */
        public Context ringSize(final int ringSize)
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
         * @param waitStrategy how workers wait: backoff, sleeping, yielding, busy-spin or blocking.
         * @return this context.
         */
        public Context waitStrategy(final String waitStrategy)
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
        public Context layout(final Layout layout)
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
        public Context maxTicks(final long maxTicks)
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
        public Context warmupTicks(final int warmupTicks)
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
        public Context idleStrategy(final IdleStrategy idleStrategy)
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
        public Context threadFactory(final ThreadFactory threadFactory)
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
        public Context journal(final JournalWriter journal)
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
        public Context checkpoints(final Path directory, final CheckpointPolicy policy)
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
        public Context restoreFrom(final Checkpoint checkpoint)
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
         * @param modelName the model's name, written into checkpoints; defaults to the schema's name.
         * @return this context.
         */
        public Context modelName(final String modelName)
        {
            this.modelName = modelName;
            return this;
        }

        /**
         * @return the model's name for checkpoints.
         */
        public String modelName()
        {
            return modelName != null ? modelName : model.schema().name();
        }
    }
}
