package io.myriad.kernel.control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;

/**
 * Maps sim time to wall time: at time scale {@code s}, a step at sim time {@code t} may start once
 * {@code (t - t0) / s} wall seconds have passed since the anchor, when sim time was {@code t0}. Scale 0 runs as
 * fast as possible, 1 in real time, 10 ten sim seconds a wall second, 0.1 a tenth. Changing the scale anchors
 * afresh at the sim time reached, so the run neither rushes nor stalls to make up for the old scale. A run behind
 * its schedule runs as fast as it can until it has caught up; how late each step started is recorded. A paused
 * run's steps are not paced, and resuming anchors afresh (the simulation's control does both).
 * <p>
 * Used by the thread that drives the simulation. Pacing only decides when a step starts, never what it does.
 */
public final class Pacer
{
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.HOURS.toNanos(1);
    /** Waits longer than this park; the rest of a wait spins, for a start within microseconds of its due time. */
    private static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(200);
    /** A due time beyond any run: about 146 years of nanoseconds. */
    private static final long FAR_NS = Long.MAX_VALUE / 2;

    private final NanoClock clock;
    private final Histogram lag = new Histogram(1, HIGHEST_TRACKABLE_NS, 3);
    private double timeScale;
    private boolean anchored;
    private long anchorNs;
    private double anchorSimTime;

    /**
     * @param timeScale sim seconds a wall second, or 0 for as fast as possible.
     * @param clock     the wall clock.
     */
    public Pacer(final double timeScale, final NanoClock clock)
    {
        this.clock = clock;
        this.timeScale = checked(timeScale);
    }

    /**
     * @return sim seconds a wall second; 0 for as fast as possible.
     */
    public double timeScale()
    {
        return timeScale;
    }

    /**
     * Changes the scale from now on, anchored at the sim time reached.
     *
     * @param scale   sim seconds a wall second, or 0 for as fast as possible.
     * @param simTime the sim time reached.
     */
    public void timeScale(final double scale, final double simTime)
    {
        timeScale = checked(scale);
        anchor(simTime);
    }

    /**
     * Anchors the schedule: the sim time given is now. A run anchors at its first paced step, when its scale
     * changes, and when it resumes after a pause.
     *
     * @param simTime the sim time reached.
     */
    public void anchor(final double simTime)
    {
        anchorNs = clock.nanoTime();
        anchorSimTime = simTime;
        anchored = true;
    }

    /**
     * @param simTime a step's sim time.
     * @return nanoseconds until the step may start; 0 or less when it may start now, always when not paced.
     */
    public long nanosUntil(final double simTime)
    {
        if (timeScale == 0)
        {
            return 0;
        }
        if (!anchored)
        {
            anchor(simTime);
        }
        return dueNs(simTime) - clock.nanoTime();
    }

    /**
     * Waits until a step at a sim time may start, parking while the wait is long and spinning at its end, then
     * records how late it starts; or gives up after {@code maxWaitNs}, so that the caller can see to its controls.
     *
     * @param simTime   the step's sim time.
     * @param maxWaitNs the longest to wait now; 0 to only look.
     * @return true if the step may start now; false if it is not due yet.
     */
    public boolean awaitStep(final double simTime, final long maxWaitNs)
    {
        if (timeScale == 0)
        {
            return true;
        }
        final long giveUpNs = clock.nanoTime() + maxWaitNs;
        long wait = nanosUntil(simTime);
        while (wait > 0)
        {
            final long left = giveUpNs - clock.nanoTime();
            if (left <= 0)
            {
                return false;
            }
            if (wait > SPIN_NS)
            {
                LockSupport.parkNanos(Math.min(wait - SPIN_NS, left));
            }
            else
            {
                Thread.onSpinWait();
            }
            wait = nanosUntil(simTime);
        }
        stepStarting(simTime);
        return true;
    }

    /**
     * Records how late a paced step starts; for a driver that waited on its own ({@link #nanosUntil(double)}).
     *
     * @param simTime the step's sim time.
     */
    public void stepStarting(final double simTime)
    {
        if (timeScale != 0 && anchored)
        {
            lag.recordValue(Math.min(Math.max(clock.nanoTime() - dueNs(simTime), 0), HIGHEST_TRACKABLE_NS));
        }
    }

    /**
     * @return how late paced steps started, in nanoseconds after their due wall time: sim time behind wall time.
     */
    public Histogram lag()
    {
        return lag;
    }

    private long dueNs(final double simTime)
    {
        // in doubles, so that a far step at a tiny scale is far, not overflowed into the past
        final double due = anchorNs + (simTime - anchorSimTime) / timeScale * 1e9;
        return due >= FAR_NS ? FAR_NS : (long)due;
    }

    private static double checked(final double scale)
    {
        if (!(scale >= 0) || scale == Double.POSITIVE_INFINITY)
        {
            throw new IllegalArgumentException("time scale must be 0 (as fast as possible) or a positive number of " +
                "sim seconds a wall second: " + scale);
        }
        return scale;
    }
}
