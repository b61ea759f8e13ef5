package io.myriad.kernel;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;

import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.control.Control;
import io.myriad.kernel.control.Pacer;
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
 * A simulation: one model's world (its agent types' off-heap stores and its parts), advanced step by step through
 * the Disruptor step pipeline. On the tick clock a step is a tick; on the event clock ({@link Model#clock()}) a step
 * takes every event due at the earliest (time, priority) from the world's queue, and sim time jumps to theirs.
 * <p>
 * Drive it from one thread with {@link #step()}, {@link #run(long)} and {@link #runToEnd()}, or as an Agrona
 * {@link Agent} whose {@link #doWork()} never blocks (returning 0 while it waits for workers, the pacer or a
 * paused {@link #control()}) until {@link #isDone()}. The state after N steps is a function of the model, its
 * configuration and the seed alone: {@link #stateHash()} is the same for any number of workers and any layout.
 * The kernel's package documentation shows a run.
 */
public final class Simulation implements Agent, AutoCloseable
{
    private final SimulationContext ctx;
    private final World world;
    private final CommandApplier applier;
    private final StepPipeline pipeline;
    private final IdleStrategy idleStrategy;
    private final JournalWriter journal;
    private final RunRecords records;
    private final StepCycle cycle;
    private final Decisions decisions;

    private boolean closed;

    private Simulation(final SimulationContext ctx)
    {
        this.ctx = ctx;
        this.idleStrategy = ctx.idleStrategy();
        this.journal = ctx.records().journal();
        this.world = Worlds.open(ctx);
        final long tick = ctx.restoreFrom() == null ? 0 : ctx.restoreFrom().tick();
        final Model model = ctx.model();
        StepPipeline newPipeline = null;
        Decisions newDecisions = null;
        try
        {
            // first, as it may refuse the context (a deciding model without a decider)
            newDecisions = new Decisions(this, ctx, world);
            final CommandRegistry registry = new CommandRegistry();
            model.commands(registry);
            this.applier = new CommandApplier(world, registry, Worlds.commandStream(world));
            newPipeline = new StepPipeline(world, model.phases(), model.metricNames().size(), applier,
                ctx.workers(), ctx.batchSize(), ctx.ringSize(), WaitStrategies.named(ctx.waitStrategy()),
                ctx.threadFactory(), ThreadAllocation.isSupported());
            this.records = new RunRecords(ctx, world, tick);
        }
        catch (final RuntimeException | Error ex)
        {
            CloseHelper.quietCloseAll(newDecisions, newPipeline, world);
            throw ex;
        }
        this.decisions = newDecisions;
        this.pipeline = newPipeline;
        this.cycle = new StepCycle(ctx, world, pipeline, applier, records, tick);
        cycle.controlTarget(new ControlActions(this));
        cycle.decisions(decisions);
        cycle.observer(ctx.observer(), this);
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
     * Advances one step, returning when it is complete, unless the run {@link #isOver() is over}. Ignores
     * {@link SimulationContext#maxTicks(long)}.
     */
    public void step()
    {
        run(1);
    }

    /**
     * Advances {@code steps} steps, returning when they are complete, or earlier once the run {@link #isOver() is
     * over} or {@link #control() stopped}; while paused it waits. Ignores {@link SimulationContext#maxTicks}.
     *
     * @param steps number of steps, 0 or more.
     */
    public void run(final long steps)
    {
        final long target = cycle.step() + steps;
        final IdleStrategy idle = idleStrategy;
        while (cycle.step() < target)
        {
            if (cycle.inStep())
            {
                idle.idle(cycle.advance());
            }
            else if (cycle.isOver() || cycle.control().isStopped())
            {
                return;
            }
            else if (cycle.awaitStart())
            {
                begin();
            }
            else
            {
                idle.idle(0);
            }
        }
    }

    /**
     * Advances until the run {@link #isOver() is over}; on the event clock, the last step is the last one due at or
     * before the context's maximum sim time. Ignores {@link SimulationContext#maxTicks}.
     */
    public void runToEnd()
    {
        run(Long.MAX_VALUE - cycle.step());
    }

    /**
     * @return true, between steps, when no further step can be taken: the model says it is finished, or, on the
     *         event clock, no event is due at or before the context's maximum sim time.
     */
    public boolean isOver()
    {
        return cycle.isOver();
    }

    /**
     * Advances the simulation as far as it can without waiting: starts a tick if none is running and fewer than
     * {@link SimulationContext#maxTicks(long)} are done, then publishes, computes and applies what is ready.
     *
     * @return amount of work done; 0 when idle or waiting for other workers.
     */
    public int doWork()
    {
        if (!cycle.inStep())
        {
            if (cycle.step() >= ctx.maxTicks() || !cycle.readyToStart())
            {
                return 0;
            }
            begin();
        }
        return cycle.advance();
    }

    @Override
    public String roleName()
    {
        return "myriad-simulation";
    }

    /** Releases the workers and the world when an {@code AgentRunner} closes the agent. */
    public void onClose()
    {
        close();
    }

    /**
     * @return true once {@link SimulationContext#maxTicks(long)} steps are done, the run {@link #isOver() is over}
     *         or it was {@link #control() stopped}, and no step is in progress.
     */
    public boolean isDone()
    {
        return !cycle.inStep() &&
            (cycle.step() >= ctx.maxTicks() || cycle.isOver() || cycle.control().isStopped());
    }

    /**
     * @return the pacer, which holds steps back to the wall clock at the context's time scale (0, as fast as
     *         possible, by default): change the scale between steps on the driving thread, and read how late paced
     *         steps started from its lag.
     */
    public Pacer pacer()
    {
        return cycle.pacer();
    }

    /** @return the control surface: pause, resume, step, time scale, inject, stop and status, from any thread. */
    public Control control()
    {
        return cycle.control();
    }

    /**
     * @return the run's decisions: agents thinking, counts of outcomes, latencies; when the model decides through a
     *         decider.
     */
    public Decisions decisions()
    {
        return decisions;
    }

    /** @return steps completed: ticks on the tick clock. */
    public long tick()
    {
        return cycle.step();
    }

    /**
     * @return the sim time of the last step: on the event clock the time of its events (0 before the first), on the
     *         tick clock the ticks completed (a second a tick).
     */
    public double simTime()
    {
        return cycle.simTime();
    }

    /**
     * @return on the event clock, events taken by steps since the run began (a restored run counts those before its
     *         checkpoint too); 0 on the tick clock.
     */
    public long eventsTaken()
    {
        return cycle.eventsTaken();
    }

    /** @return on the event clock, events pending; 0 on the tick clock. */
    public long eventsPending()
    {
        return cycle.eventsPending();
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
            throw new IllegalStateException("state hash asked for while step " + tick() + " is in progress");
        }
        return world.stateHash(tick());
    }

    /**
     * Hands the model an input from outside the run, to take effect before the next tick: journals it (when the
     * run has a journal) and applies it through {@link Model#applyInput}, or, for the kernel's own kinds (negative:
     * an event injected through {@link #control()}), itself. Call between ticks, on the driving thread.
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
            throw new IllegalStateException("input given while step " + tick() + " is in progress");
        }
        ControlActions.check(world, kind, target, data, offset, length);
        if (journal != null)
        {
            journal.input(tick(), kind, target, data, offset, length);
        }
        ControlActions.apply(ctx.model(), world, decisions, tick(), kind, target, data, offset, length);
    }

    /** @return the world. Read it between ticks, on the driving thread. */
    public World world()
    {
        return world;
    }

    /** @return the model. */
    public Model model()
    {
        return ctx.model();
    }

    /** @return the configuration. */
    public SimulationContext context()
    {
        return ctx;
    }

    /** @return wall time of each tick in nanoseconds since the start; owned by the simulation, read between ticks. */
    public Histogram tickLatency()
    {
        return cycle.latency();
    }

    /** @return the last tick's metric sums, indexed as {@link Model#metricNames()}; do not modify. */
    public double[] lastTickMetrics()
    {
        return pipeline.lastStepMetrics();
    }

    /** @return the columns of a metrics row ({@code metrics.csv}'s after its step, an observer's), in order. */
    public List<String> metricsColumns()
    {
        return records.metricsColumns();
    }

    /** @return the apply stage, with its counts of commands by outcome. */
    public CommandApplier commands()
    {
        return applier;
    }

    /** @return bytes the simulation's threads allocated per tick after the warm-up ticks. */
    public AllocationMeter allocation()
    {
        return cycle.allocation();
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
            throw new IllegalStateException("checkpoint asked for while step " + tick() + " is in progress");
        }
        return records.checkpoint(tick());
    }

    /** @return the last checkpoint written or restored from, or null. */
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
                    records.ended(tick(), cycle.isOver());
                }
            }
            finally
            {
                CloseHelper.closeAll(decisions, records::close, pipeline, world);
            }
        }
    }

    private void begin()
    {
        if (closed)
        {
            throw new IllegalStateException("simulation is closed");
        }
        cycle.begin();
    }
}
