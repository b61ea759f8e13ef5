package io.myriad.kernel;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemNanoClock;

import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.control.Control;
import io.myriad.kernel.control.Pacer;
import io.myriad.kernel.metrics.AllocationMeter;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.observe.RunObserver;
import io.myriad.kernel.pipeline.StepPipeline;
import io.myriad.kernel.world.World;

/**
 * One step after another, on the thread that drives a {@link Simulation}: before a step, the controls and the
 * decisions' outcomes due are applied, its events are taken on the event clock and its cost starts being measured;
 * the pipeline computes it; after it, the step count moves on, the model is asked whether it is finished, the run's
 * records hear of it and the decisions it asked for are sent. Knows when the run is over.
 */
final class StepCycle
{
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.HOURS.toNanos(1);
    /** Steps of the event clock measured together for allocation: reading the counters costs more than an event. */
    private static final int EVENT_ALLOCATION_WINDOW = 64;
    /** The longest a paced run waits for its next step before it looks at its controls again. */
    private static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Model model;
    private final World world;
    private final StepPipeline pipeline;
    private final CommandApplier applier;
    private final RunRecords records;
    private final EventClock eventClock;
    private final Histogram latency = new Histogram(1, HIGHEST_TRACKABLE_NS, 3);
    private final AllocationMeter allocation;
    private final Pacer pacer;
    private final Control control = new Control(false);
    private Control.Target controlTarget;
    private Decisions decisions;
    private RunObserver observer;
    private Simulation simulation;
    private long step;
    private boolean finished;
    private long startNs;

    StepCycle(
        final SimulationContext ctx,
        final World world,
        final StepPipeline pipeline,
        final CommandApplier applier,
        final RunRecords records,
        final long firstStep)
    {
        this.model = ctx.model();
        this.world = world;
        this.pipeline = pipeline;
        this.applier = applier;
        this.records = records;
        this.eventClock = world.events() == null ? null : new EventClock(world, ctx.maxSimTime());
        this.allocation = new AllocationMeter(ctx.warmupTicks(), eventClock == null ? 1 : EVENT_ALLOCATION_WINDOW);
        this.pacer = new Pacer(ctx.timeScale(), SystemNanoClock.INSTANCE);
        this.step = firstStep;
        this.finished = model.isFinished(world);
        control.publish(simTime(), step, eventsTaken(), eventsPending(), pacer.timeScale());
    }

    long step()
    {
        return step;
    }

    boolean inStep()
    {
        return pipeline.isStepInProgress();
    }

    /**
     * @return true, between steps, when the model is finished or, on the event clock, no event and no decision's
     *         outcome is due in time.
     */
    boolean isOver()
    {
        return !pipeline.isStepInProgress() && (finished || (eventClock != null && eventClock.isOver()));
    }

    /**
     * Carries out the control requests waiting; then, without waiting, says whether the next step may start by
     * them and by the pacer's schedule, recording how late it starts. For {@code doWork}, which never blocks.
     *
     * @return true if the next step may start now.
     */
    boolean readyToStart()
    {
        return mayStart(0);
    }

    /**
     * As {@link #readyToStart()}, but waits for the pacer's schedule {@link #MAX_WAIT_NS} at most, so that controls
     * are seen while a paced run waits.
     *
     * @return true if the next step may start now; false when the run is paused, stopped or over, or still waiting.
     */
    boolean awaitStart()
    {
        return mayStart(MAX_WAIT_NS);
    }

    private boolean mayStart(final long maxWaitNs)
    {
        control.poll(controlTarget);
        final double time = isOver() || !decisions.ready() ? Double.NaN : nextStepTime();
        // steps run while paused are not paced
        if (Double.isNaN(time) || isOver() || !control.canStep(time) ||
            (!control.isPaused() && !pacer.awaitStep(time, maxWaitNs)))
        {
            if (observer != null)
            {
                observer.atBoundary(simulation, false);
            }
            return false;
        }
        control.stepping();
        return true;
    }

    void controlTarget(final Control.Target target)
    {
        this.controlTarget = target;
    }

    void decisions(final Decisions decisions)
    {
        this.decisions = decisions;
    }

    void observer(final RunObserver runObserver, final Simulation observed)
    {
        this.observer = runObserver;
        this.simulation = observed;
    }

    Control control()
    {
        return control;
    }

    Pacer pacer()
    {
        return pacer;
    }

    /**
     * @return the sim time of the next step: its events' on the event clock; on the tick clock the ticks done, a
     *         second a tick.
     */
    private double nextStepTime()
    {
        return eventClock == null ? step : eventClock.nextTime();
    }

    void begin()
    {
        allocation.stepStarted(pipeline.computeAllocatedBytes());
        startNs = System.nanoTime();
        if (eventClock != null)
        {
            eventClock.takeDue();
        }
        pipeline.startStep(step);
    }

    /**
     * @return work done; counts the step's end as one.
     */
    int advance()
    {
        final int work = pipeline.doWork();
        if (!pipeline.isStepInProgress())
        {
            end();
            return work + 1;
        }
        return work;
    }

    double simTime()
    {
        return eventClock == null ? step : eventClock.simTime();
    }

    long eventsTaken()
    {
        return eventClock == null ? 0 : eventClock.eventsTaken();
    }

    long eventsPending()
    {
        return eventClock == null ? 0 : eventClock.pending();
    }

    Histogram latency()
    {
        return latency;
    }

    AllocationMeter allocation()
    {
        return allocation;
    }

    private void end()
    {
        latency.recordValue(Math.min(Math.max(System.nanoTime() - startNs, 1), HIGHEST_TRACKABLE_NS));
        step++;
        finished = model.isFinished(world);
        allocation.stepEnded(pipeline.computeAllocatedBytes());
        records.tickEnded(step, applier.handled(), eventClock == null ? Double.NaN : eventClock.simTime());
        control.publish(simTime(), step, eventsTaken(), eventsPending(), pacer.timeScale());
        decisions.stepped();
        if (observer != null)
        {
            observer.atBoundary(simulation, true);
        }
    }
}
