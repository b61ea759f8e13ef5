package io.myriad.kernel;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.control.Control;
import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.decide.AnswerDescriptor;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * What a simulation's driving thread does for control requests that reach past the control surface: a new time
 * scale goes to the pacer; an injected event is checked, then journaled and scheduled as a kernel input, so that
 * replay and resume schedule it again at the same step. The input's bytes are a schedule command's payload
 * ({@link CommandDescriptor#SCHEDULE}: time, data, priority, kind); its target is the agent.
 */
final class ControlActions implements Control.Target
{
    /** The kernel's input kind of an injected event; models' kinds are 0 or more. */
    static final int INJECTED_EVENT = -1;
    private static final int LENGTH = CommandDescriptor.SCHEDULE_LENGTH;

    private final Simulation simulation;
    private final UnsafeBuffer bytes = new UnsafeBuffer(new byte[LENGTH]);
    private final UnsafeBuffer inputBytes = new UnsafeBuffer(new byte[0]);

    ControlActions(final Simulation simulation)
    {
        this.simulation = simulation;
    }

    public void timeScale(final double scale)
    {
        simulation.pacer().timeScale(scale, simulation.simTime());
    }

    public void resumed()
    {
        simulation.pacer().anchor(simulation.simTime());
    }

    public boolean injectEvent(
        final double time, final int priority, final int kind, final int agent, final long data)
    {
        final EventQueue events = simulation.world().events();
        final double due = Double.isNaN(time) && events != null ? events.now() : time;
        if (!isValid(simulation.world(), due, priority, kind, agent) ||
            !simulation.model().acceptsInjected(simulation.world(), kind, agent))
        {
            // refused before it is journaled, so that a bad request changes nothing
            return false;
        }
        bytes.putDouble(CommandDescriptor.SCHEDULE_TIME_OFFSET, due, ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(CommandDescriptor.SCHEDULE_DATA_OFFSET, data, ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(CommandDescriptor.SCHEDULE_PRIORITY_OFFSET, priority, ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(CommandDescriptor.SCHEDULE_KIND_OFFSET, kind, ByteOrder.LITTLE_ENDIAN);
        simulation.input(INJECTED_EVENT, agent, bytes, 0, LENGTH);
        return true;
    }

    public boolean input(final int kind, final int agent, final byte[] data)
    {
        if (!isExternalInput(simulation.model(), simulation.world(), kind, agent, data.length))
        {
            return false;
        }
        inputBytes.wrap(data);
        simulation.input(kind, agent, inputBytes, 0, data.length);
        return true;
    }

    /**
     * @return true if the model lists the input among its external events, for an agent of the type it names
     *         that lives, or for none (-1) when it names none, with eight bytes when it takes an argument and none
     *         when it does not.
     */
    static boolean isExternalInput(
        final Model model, final World world, final int kind, final int agent, final int length)
    {
        for (final ExternalEvent event : model.externalEvents())
        {
            if (!event.scheduled() && event.kind() == kind)
            {
                if (length != (event.argument() == null ? 0 : Long.BYTES))
                {
                    return false;
                }
                if (event.agentType() == null)
                {
                    return agent == -1;
                }
                final AgentStore store = world.store(world.type(event.agentType()));
                return agent >= 0 && agent < store.highWaterMark() && store.isAlive(agent);
            }
        }
        return false;
    }

    /**
     * @return true if the world has an event queue and the event fits it: not before now, finite, priority and kind
     *         in range, for no agent (-1) or an agent index.
     */
    static boolean isValid(final World world, final double time, final int priority, final int kind, final int agent)
    {
        return world.events() != null && world.events().accepts(time, priority, kind) && agent >= -1;
    }

    /**
     * Checks an input before it is journaled: the kernel's own kinds must carry what they say, and negative kinds
     * are the kernel's.
     *
     * @throws IllegalArgumentException naming what is wrong.
     */
    static void check(final World world, final int kind, final int agent, final DirectBuffer data, final int offset,
        final int length)
    {
        if (kind == INJECTED_EVENT)
        {
            final double time = length != LENGTH ? Double.NaN :
                data.getDouble(offset + CommandDescriptor.SCHEDULE_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (length != LENGTH || !isValid(world, time,
                data.getInt(offset + CommandDescriptor.SCHEDULE_PRIORITY_OFFSET, ByteOrder.LITTLE_ENDIAN),
                data.getInt(offset + CommandDescriptor.SCHEDULE_KIND_OFFSET, ByteOrder.LITTLE_ENDIAN), agent))
            {
                throw new IllegalArgumentException("an injected-event input (kind " + INJECTED_EVENT + ") carries " +
                    LENGTH + " bytes of an event due now or later on the event clock; this one does not fit");
            }
        }
        else if (kind == AnswerDescriptor.INPUT_KIND)
        {
            if (world.decisions() == null || !AnswerDescriptor.fits(data, offset, length))
            {
                throw new IllegalArgumentException("a decision-outcome input (kind " + AnswerDescriptor.INPUT_KIND +
                    ") is for a model with a decision table and holds one outcome; this one does not fit");
            }
        }
        else if (kind < 0)
        {
            throw new IllegalArgumentException(
                "input kind " + kind + " is the kernel's: a model's kinds are 0 or more");
        }
    }

    /**
     * Applies an input after it was journaled, on its run and again on replay and resume: the kernel's own kinds
     * here (an injected event, a decision's outcome), the model's through {@link Model#applyInput}.
     */
    static void apply(
        final Model model,
        final World world,
        final Decisions decisions,
        final long step,
        final int kind,
        final int agent,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        if (kind == INJECTED_EVENT)
        {
            schedule(world, agent, data, offset);
        }
        else if (kind == AnswerDescriptor.INPUT_KIND)
        {
            decisions.apply(data, offset);
        }
        else
        {
            model.applyInput(world, step, kind, agent, data, offset, length);
        }
    }

    private static void schedule(final World world, final int agent, final DirectBuffer data, final int offset)
    {
        if (world.events() == null)
        {
            throw new IllegalStateException("an injected event reached a run on the tick clock, which has no events");
        }
        CommandApplier.scheduleFrom(world.events(), data, offset, agent);
    }
}
