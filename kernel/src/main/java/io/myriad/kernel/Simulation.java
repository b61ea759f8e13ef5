package io.myriad.kernel;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.metrics.AllocationMeter;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.pipeline.StepPipeline;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.kernel.world.World;

/**
 * A simulation: one model's world (its agent types' off-heap stores and its parts), advanced tick by tick through
 * the Disruptor step pipeline.
 * <p>
 * Drive it from one thread, either with {@link #step()} and {@link #run(long)}, which return when the ticks are
 * done, or as an Agrona {@link Agent}: {@link #doWork()} never blocks and returns 0 when it is waiting for other
 * workers, so an {@code AgentRunner} and its idle strategy can own the loop. As an agent it runs until
 * {@link SimulationContext#maxTicks(long)} ticks are done (unbounded by default), then reports {@link #isDone()}.
 * <p>
 * The state after N ticks is a function of the model, its configuration and the seed alone: {@link #stateHash()}
 * is the same for any number of workers and any layout.
 * <pre>{@code
 * try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(42).workers(2)))
 * {
 *     sim.run(200);
 *     System.out.println(StateHash.toHex(sim.stateHash()));
 * }
 * }</pre>
 */
public final class Simulation implements Agent, AutoCloseable
{
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.HOURS.toNanos(1);

    private final SimulationContext ctx;
    private final Model model;
    private final World world;
    private final CommandApplier applier;
    private final StepPipeline pipeline;
    private final Histogram tickLatency = new Histogram(1, HIGHEST_TRACKABLE_NS, 3);
    private final IdleStrategy idleStrategy;
    private final long maxTicks;
    private final JournalWriter journal;
    private final AllocationMeter allocation;
    private final RunRecords records;

    private long tick;
    private long tickStartNs;
    private boolean closed;

    private Simulation(final SimulationContext ctx)
    {
        this.ctx = ctx;
        this.model = ctx.model();
        this.maxTicks = ctx.maxTicks();
        this.idleStrategy = ctx.idleStrategy();
        this.journal = ctx.records().journal();
        this.allocation = new AllocationMeter(ctx.warmupTicks());
        if (journal != null && journal.header().seed() != ctx.seed())
        {
            throw new IllegalArgumentException("the journal's run start says seed " + journal.header().seed() +
                " but the simulation was given seed " + ctx.seed() + ": a replay of it would diverge; build both " +
                "from one seed (the ModelConfig's)");
        }
        this.world = Worlds.open(ctx);
        this.tick = ctx.restoreFrom() == null ? 0 : ctx.restoreFrom().tick();
        StepPipeline newPipeline = null;
        try
        {
            final CommandRegistry registry = new CommandRegistry();
            model.commands(registry);
            this.applier = new CommandApplier(world, registry, Worlds.commandStream(world));
            newPipeline = new StepPipeline(
                world,
                model.phases(),
                model.metricNames().size(),
                applier,
                ctx.workers(),
                ctx.batchSize(),
                ctx.ringSize(),
                WaitStrategies.named(ctx.waitStrategy()),
                ctx.threadFactory(),
                ThreadAllocation.isSupported());
            this.records = new RunRecords(ctx, world, tick);
        }
        catch (final RuntimeException | Error ex)
        {
            CloseHelper.quietCloseAll(newPipeline, world);
            throw ex;
        }
        this.pipeline = newPipeline;
        if (journal != null && journal.level() == JournalLevel.EVENTS)
        {
            pipeline.eventJournal(journal);
        }
        records.started(tick);
    }

    /**
     * Builds and initialises a simulation; worker threads start at once and wait for the first tick.
     *
     * @param ctx the configuration; concluded here if it was not already.
     * @return the simulation, at tick 0 or at its checkpoint's tick.
     */
    public static Simulation launch(final SimulationContext ctx)
    {
        return new Simulation(ctx.conclude());
    }

    /**
     * Advances one tick, returning when it is complete. Ignores {@link SimulationContext#maxTicks(long)}.
     */
    public void step()
    {
        run(1);
    }

    /**
     * Advances {@code ticks} ticks, returning when they are complete. Ignores {@link SimulationContext#maxTicks}.
     *
     * @param ticks number of ticks, 0 or more.
     */
    public void run(final long ticks)
    {
        final long target = tick + ticks;
        final IdleStrategy idle = idleStrategy;
        while (tick < target)
        {
            if (pipeline.isStepInProgress())
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
     * {@link SimulationContext#maxTicks(long)} are done, then publishes, computes and applies what is ready.
     *
     * @return amount of work done; 0 when idle or waiting for other workers.
     */
    public int doWork()
    {
        if (!pipeline.isStepInProgress())
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
     * Releases the workers and the world when an {@code AgentRunner} closes the agent.
     */
    public void onClose()
    {
        close();
    }

    /**
     * @return true once {@link SimulationContext#maxTicks(long)} ticks are done and no tick is in progress.
     */
    public boolean isDone()
    {
        return tick >= maxTicks && !pipeline.isStepInProgress();
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
     * @return the hash of the whole world, see {@link StateHash}.
     */
    public long stateHash()
    {
        if (pipeline.isStepInProgress())
        {
            throw new IllegalStateException("state hash asked for while tick " + tick + " is in progress");
        }
        return world.stateHash(tick);
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
        if (pipeline.isStepInProgress())
        {
            throw new IllegalStateException("input given while tick " + tick + " is in progress");
        }
        if (journal != null)
        {
            journal.input(tick, kind, target, data, offset, length);
        }
        model.applyInput(world, tick, kind, target, data, offset, length);
    }

    /**
     * @return the world. Read it between ticks, on the driving thread.
     */
    public World world()
    {
        return world;
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
    public SimulationContext context()
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
        return pipeline.lastStepMetrics();
    }

    /**
     * @return the apply stage, with its counts of commands by outcome.
     */
    public CommandApplier commands()
    {
        return applier;
    }

    /**
     * @return bytes the simulation's threads allocated per tick after the warm-up ticks.
     */
    public AllocationMeter allocation()
    {
        return allocation;
    }

    /**
     * Writes a checkpoint of the world now into the context's checkpoint directory, atomically, and deletes the
     * oldest beyond the policy's {@code keep}. With a journal, the journal is flushed first and the checkpoint
     * records how many records it held, so a resume knows where in the journal it starts. Call between ticks,
     * on the driving thread; the run's policy calls it itself when a checkpoint is due, right after the state
     * hash it journals for the checkpoint. A checkpoint taken by calling this leaves the policy's schedule as it
     * was; it can seed {@link SimulationContext#restoreFrom}, and {@code Resume} uses it only if it falls on a tick
     * whose state hash the journal holds.
     *
     * @return the checkpoint.
     * @throws IllegalStateException if the context names no checkpoint directory.
     */
    public Checkpoint checkpoint()
    {
        if (pipeline.isStepInProgress())
        {
            throw new IllegalStateException("checkpoint asked for while tick " + tick + " is in progress");
        }
        return records.checkpoint(tick);
    }

    /**
     * @return the last checkpoint written or restored from, or null.
     */
    public Checkpoint lastCheckpoint()
    {
        return records.lastCheckpoint();
    }

    /**
     * Stops the workers and frees the world. Idempotent.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            try
            {
                if (!pipeline.isStepInProgress())
                {
                    records.ended(tick);
                }
            }
            finally
            {
                CloseHelper.closeAll(records::close, pipeline, world);
            }
        }
    }

    private void beginTick()
    {
        if (closed)
        {
            throw new IllegalStateException("simulation is closed");
        }
        allocation.stepStarted(pipeline.computeAllocatedBytes());
        tickStartNs = System.nanoTime();
        pipeline.startStep(tick);
    }

    private int advance()
    {
        final int work = pipeline.doWork();
        if (!pipeline.isStepInProgress())
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
        allocation.stepEnded(pipeline.computeAllocatedBytes());
        records.tickEnded(tick, applier.applied() + applier.rejected());
    }
}
