package io.myriad.kernel.control;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The control surface of a running simulation. Any thread may ask it to pause, resume, step, step to a sim time,
 * change the time scale, inject an event or stop, and read a {@link Status}; requests travel through a
 * many-to-one queue and take effect at the next step boundary, on the thread that drives the simulation, in the
 * order they were offered. Pausing, stepping and the time scale only decide when steps run, so they never change
 * results; an injected event is journaled before it is scheduled, so it replays.
 * <p>
 * The driving side ({@link #poll(Target)}, {@link #canStep(double)}, {@link #stepping()}, {@link #publish}) is for
 * the simulation.
 */
public final class Control
{
    /** Requests waiting at most; an offer beyond them is refused. */
    public static final int CAPACITY = 1024;

    /**
     * What the driving thread does for requests that reach past the control surface.
     */
    public interface Target
    {
        /**
         * @param scale sim seconds a wall second, from now on.
         */
        void timeScale(double scale);

        /**
         * Journals and schedules an event from outside the run.
         *
         * @param time     when it is due; {@code NaN} for now.
         * @param priority its priority.
         * @param kind     the model's event kind.
         * @param agent    the agent it is for, or -1.
         * @param data     its argument.
         * @return false if it was refused: not on the event clock, before now, or out of range.
         */
        boolean injectEvent(double time, int priority, int kind, int agent, long data);

        /**
         * Journals and applies an input from outside the run, one the model lists among its external events.
         *
         * @param kind  the model's input kind.
         * @param agent the agent it is for, or -1.
         * @param data  its bytes.
         * @return false if it was refused: not one of the model's external inputs, or for no such agent.
         */
        boolean input(int kind, int agent, byte[] data);

        /**
         * The run goes on after a pause: its pace starts again from where it stands.
         */
        void resumed();
    }

    /**
     * Where a run stands, published by the driving thread after every step.
     *
     * @param simTime         sim time of the last step.
     * @param steps           steps completed.
     * @param events          events taken by steps (event clock).
     * @param eventsPending   events waiting (event clock).
     * @param eventsPerSecond events taken a wall second since the first step the control saw.
     * @param timeScale       sim seconds a wall second, 0 for as fast as possible.
     * @param paused          true while paused.
     * @param stopped         true once stopped.
     * @param refused         injected events and inputs refused so far.
     * @param thinking        agents with a decision in flight: asked, outcome not yet in effect.
     * @param atDecider       decisions sent to the decider or waiting to be sent, not yet answered.
     */
    public record Status(
        double simTime, long steps, long events, long eventsPending, double eventsPerSecond, double timeScale,
        boolean paused, boolean stopped, long refused, int thinking, int atDecider)
    {
    }

    private enum Type
    {
        PAUSE, RESUME, STEP, STEP_TO, TIME_SCALE, INJECT, INPUT, STOP
    }

    private record Request(
        Type type, long steps, double time, int priority, int kind, int agent, long data, byte[] bytes)
    {
    }

    private final ManyToOneConcurrentArrayQueue<Request> requests = new ManyToOneConcurrentArrayQueue<>(CAPACITY);
    private final AtomicLong simTimeBits = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong scaleBits = new AtomicLong();
    private final AtomicLong firstPublishNs = new AtomicLong();
    private final AtomicLong eventsAtFirst = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger thinking = new AtomicInteger();
    private final AtomicInteger atDecider = new AtomicInteger();
    private volatile boolean pausedView;
    private volatile boolean stoppedView;
    private boolean paused;
    private boolean stopped;
    private long stepsAllowed;
    private double stepTo = Double.NEGATIVE_INFINITY;

    /**
     * @param paused true to start paused: no step runs until {@link #resume()} or a step request.
     */
    public Control(final boolean paused)
    {
        this.paused = paused;
        this.pausedView = paused;
    }

    /**
     * @return false if the queue of requests is full.
     */
    public boolean pause()
    {
        return offer(Type.PAUSE, 0, 0);
    }

    /**
     * @return false if the queue of requests is full.
     */
    public boolean resume()
    {
        return offer(Type.RESUME, 0, 0);
    }

    /**
     * Runs steps while paused; ignored while running.
     *
     * @param count steps to run, at least 1.
     * @return false if the queue of requests is full.
     */
    public boolean step(final long count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("steps to run must be at least 1: " + count);
        }
        return offer(Type.STEP, count, 0);
    }

    /**
     * Runs, while paused, every step at or before a sim time; ignored while running.
     *
     * @param simTime the last sim time to run steps at.
     * @return false if the queue of requests is full.
     */
    public boolean stepTo(final double simTime)
    {
        if (Double.isNaN(simTime))
        {
            throw new IllegalArgumentException("a sim time to step to is a number");
        }
        return offer(Type.STEP_TO, 0, simTime);
    }

    /**
     * @param scale sim seconds a wall second: 0 as fast as possible, 1 real time.
     * @return false if the queue of requests is full.
     */
    public boolean timeScale(final double scale)
    {
        if (!(scale >= 0) || scale == Double.POSITIVE_INFINITY)
        {
            throw new IllegalArgumentException("time scale must be 0 or a positive number: " + scale);
        }
        return offer(Type.TIME_SCALE, 0, scale);
    }

    /**
     * Injects an event for the world's event queue (event clock), journaled before it is scheduled.
     *
     * @param time     when it is due, not before the time the run has reached then; {@code Double.NaN} for "now".
     * @param priority its priority.
     * @param kind     the model's event kind.
     * @param agent    the agent it is for, or -1.
     * @param data     its argument.
     * @return false if the queue of requests is full.
     */
    public boolean inject(final double time, final int priority, final int kind, final int agent, final long data)
    {
        return requests.offer(new Request(Type.INJECT, 0, time, priority, kind, agent, data, null));
    }

    /**
     * Hands the model an input from outside the run ({@code Model.applyInput}), journaled before it is applied at
     * the next step boundary; refused (counted in {@link Status#refused()}) unless the model lists it among its
     * {@code externalEvents()}.
     *
     * @param kind  the model's input kind.
     * @param agent the agent it is for, or -1.
     * @param data  its bytes, which the caller no longer changes.
     * @return false if the queue of requests is full.
     */
    public boolean input(final int kind, final int agent, final byte[] data)
    {
        return requests.offer(new Request(Type.INPUT, 0, 0, 0, kind, agent, 0, data.clone()));
    }

    /**
     * Stops the run at the next step boundary: it ends as if its steps were done, and can be resumed.
     *
     * @return false if the queue of requests is full.
     */
    public boolean stop()
    {
        return offer(Type.STOP, 0, 0);
    }

    /**
     * @return where the run stood after its last step; from any thread.
     */
    public Status status()
    {
        final long eventCount = events.get();
        final long since = System.nanoTime() - firstPublishNs.get();
        final double perSecond = firstPublishNs.get() == 0 || since <= 0 ? 0.0 :
            (eventCount - eventsAtFirst.get()) * 1e9 / since;
        return new Status(Double.longBitsToDouble(simTimeBits.get()), steps.get(), eventCount, pending.get(),
            perSecond, Double.longBitsToDouble(scaleBits.get()), pausedView, stoppedView, refused.get(),
            thinking.get(), atDecider.get());
    }

    /**
     * Driving thread, between steps: carries out the requests waiting, in order.
     *
     * @param target what carries out time scales and injected events.
     * @return requests carried out.
     */
    public int poll(final Target target)
    {
        int done = 0;
        Request request;
        while ((request = requests.poll()) != null)
        {
            apply(request, target);
            done++;
        }
        return done;
    }

    /**
     * Driving thread: whether the next step may run, by the requests so far. Changes nothing: a step that runs
     * says so with {@link #stepping()}.
     *
     * @param nextStepTime the sim time of the next step.
     * @return true if it may.
     */
    public boolean canStep(final double nextStepTime)
    {
        return !stopped && (!paused || stepsAllowed > 0 || nextStepTime <= stepTo);
    }

    /**
     * Driving thread: the next step runs now; while paused, it uses one of the steps asked for.
     */
    public void stepping()
    {
        if (paused && stepsAllowed > 0)
        {
            stepsAllowed--;
        }
    }

    /**
     * @return true while paused; driving thread. Steps run while paused are not paced.
     */
    public boolean isPaused()
    {
        return paused;
    }

    /**
     * @return true once a stop was carried out; driving thread.
     */
    public boolean isStopped()
    {
        return stopped;
    }

    /**
     * Driving thread, after a step: publishes where the run stands.
     */
    public void publish(
        final double simTime, final long stepCount, final long eventCount, final long eventsPending,
        final double timeScale)
    {
        if (firstPublishNs.get() == 0)
        {
            eventsAtFirst.lazySet(eventCount);
            firstPublishNs.lazySet(System.nanoTime());
        }
        simTimeBits.lazySet(Double.doubleToRawLongBits(simTime));
        steps.lazySet(stepCount);
        events.lazySet(eventCount);
        pending.lazySet(eventsPending);
        scaleBits.lazySet(Double.doubleToRawLongBits(timeScale));
    }

    /**
     * Driving thread, after a step or while it waits for answers: publishes how many agents are thinking.
     *
     * @param agentsThinking agents with a decision in flight.
     * @param decisionsAtDecider decisions sent or waiting to be sent, not yet answered.
     */
    public void publishDecisions(final int agentsThinking, final int decisionsAtDecider)
    {
        thinking.lazySet(agentsThinking);
        atDecider.lazySet(decisionsAtDecider);
    }

    private boolean offer(final Type type, final long count, final double value)
    {
        return requests.offer(new Request(type, count, value, 0, 0, -1, 0, null));
    }

    private void apply(final Request request, final Target target)
    {
        switch (request.type())
        {
            case PAUSE -> paused = true;
            case RESUME ->
            {
                if (paused)
                {
                    target.resumed();
                }
                paused = false;
                stepsAllowed = 0;
                stepTo = Double.NEGATIVE_INFINITY;
            }
            case STEP -> stepsAllowed += paused ? request.steps() : 0;
            case STEP_TO -> stepTo = paused ? request.time() : Double.NEGATIVE_INFINITY;
            case TIME_SCALE ->
            {
                target.timeScale(request.time());
                scaleBits.lazySet(Double.doubleToRawLongBits(request.time()));
            }
            case INJECT ->
            {
                if (!target.injectEvent(request.time(), request.priority(), request.kind(), request.agent(),
                    request.data()))
                {
                    refused.lazySet(refused.get() + 1);
                }
            }
            case INPUT ->
            {
                if (!target.input(request.kind(), request.agent(), request.bytes()))
                {
                    refused.lazySet(refused.get() + 1);
                }
            }
            case STOP ->
            {
                stopped = true;
                stoppedView = true;
            }
            default -> throw new IllegalStateException("unknown request " + request.type());
        }
        pausedView = paused;
    }
}
