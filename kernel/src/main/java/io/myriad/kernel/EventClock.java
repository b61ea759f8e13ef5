package io.myriad.kernel;

import io.myriad.kernel.decide.DecisionMode;
import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.world.World;

/**
 * The event clock of a simulation: before each step it takes every event due at the earliest (time, priority) from
 * the world's queue into {@link World#due()}, which the step's phases run over; a run is over when no event is due
 * at or before its maximum sim time, and no decision in flight may bring one. Sim time is the time of the last
 * step's events. Everything it knows lives in the queue and the decision table, parts of the world, so a restored
 * world resumes the clock where it stood.
 */
final class EventClock
{
    private final EventQueue queue;
    private final DueEvents due;
    private final DecisionTable decisions;
    private final double maxSimTime;

    EventClock(final World world, final double maxSimTime)
    {
        this.queue = world.events();
        this.decisions = world.decisions();
        this.due = world.due();
        this.maxSimTime = maxSimTime;
    }

    /**
     * @return true when no event is due at or before the maximum sim time, and no decision in flight may still
     *         schedule one: none is in flight, or every one is modelled to take effect after it.
     */
    boolean isOver()
    {
        final boolean quiet = queue.isEmpty() || queue.nextTime() > maxSimTime;
        return quiet && (decisions == null || decisions.size() == 0 ||
            (decisions.mode() == DecisionMode.MODELLED && decisions.firstDue() > maxSimTime));
    }

    /**
     * @return the time of the next step's events, positive infinity when none is pending.
     */
    double nextTime()
    {
        return queue.nextTime();
    }

    /**
     * Takes the next step's events into {@link World#due()}.
     */
    void takeDue()
    {
        queue.take(due);
    }

    /**
     * @return the time of the last step's events, 0 before the first.
     */
    double simTime()
    {
        return queue.now();
    }

    /**
     * @return events taken by steps since the run began: every event scheduled and no longer pending.
     */
    long eventsTaken()
    {
        return queue.nextSequence() - queue.size();
    }

    /**
     * @return events pending.
     */
    long pending()
    {
        return queue.size();
    }
}
