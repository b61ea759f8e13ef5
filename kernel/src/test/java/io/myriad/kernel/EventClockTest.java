package io.myriad.kernel;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventDescriptor;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.pipeline.PipelineException;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventClockTest
{
    private static final Schema SCHEMA = Schema.builder("Thing").field("value", FieldType.INT).build();
    private static final int KILL = 1;
    private static final int RULE = 2;

    @Test
    void shouldStepFromEventToEventAndEndWhenTheQueueIsEmpty()
    {
        final Scripted model = new Scripted(Clock.EVENTS, 3);
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(1)))
        {
            sim.runToEnd();
            assertTrue(sim.isOver());
            assertTrue(sim.isDone());
            // t=1 kill 0 and schedule for it and for no agent; t=2 the rule; t=2.5 the event for agent 2
            assertEquals(List.of("1.0:1:0", "2.0:2:-1", "2.5:1:2"), model.steps);
            assertEquals(3, sim.tick());
            assertEquals(2.5, sim.simTime());
            assertEquals(3, sim.eventsTaken());
            assertEquals(0, sim.eventsPending());
            assertEquals(1, sim.commands().count(Outcome.TARGET_DEAD), "the event for the dead agent 0");
        }
    }

    @Test
    void shouldTakeNoEventLaterThanTheMaxSimTime()
    {
        final Scripted model = new Scripted(Clock.EVENTS, 3);
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(1).maxSimTime(2.0)))
        {
            sim.run(100);
            assertEquals(List.of("1.0:1:0", "2.0:2:-1"), model.steps);
            assertEquals(2.0, sim.simTime());
            assertEquals(1, sim.eventsPending());
            assertTrue(sim.isOver());
        }
    }

    @Test
    void shouldEndTheRunWhenTheModelIsFinished()
    {
        final Scripted model = new Scripted(Clock.TICKS, 3);
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(1)))
        {
            assertNull(sim.world().events());
            assertFalse(sim.isOver());
            sim.run(100);
            // every tick kills one agent; the model is finished once none is left
            assertEquals(3, sim.tick());
            assertTrue(sim.isOver());
            assertTrue(sim.isDone());
            assertEquals(3.0, sim.simTime());
            assertEquals(0, sim.eventsTaken());
        }
    }

    @Test
    void shouldFailNamingTheClockWhenATickModelSchedulesAnEvent()
    {
        final Scripted model = new Scripted(Clock.TICKS, 3);
        model.scheduleOnTicks = true;
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(1)))
        {
            final PipelineException ex = assertThrows(PipelineException.class, sim::step);
            assertTrue(ex.getMessage().contains("tick clock"), ex.getMessage());
        }
    }

    @Test
    void shouldRefuseAKernelInputThatDoesNotFitBeforeApplyingIt()
    {
        final Scripted model = new Scripted(Clock.EVENTS, 3);
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(1)))
        {
            final org.agrona.concurrent.UnsafeBuffer bytes = new org.agrona.concurrent.UnsafeBuffer(new byte[24]);
            bytes.putDouble(0, -5.0, java.nio.ByteOrder.LITTLE_ENDIAN);
            final IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> sim.input(ControlActions.INJECTED_EVENT, 1, bytes, 0, 24));
            assertTrue(early.getMessage().contains("does not fit"), early.getMessage());
            final IllegalArgumentException kernels = assertThrows(IllegalArgumentException.class,
                () -> sim.input(-7, 1, bytes, 0, 8));
            assertTrue(kernels.getMessage().contains("is the kernel's"), kernels.getMessage());
            assertEquals(1, sim.eventsPending(), "nothing scheduled");
            assertFalse(sim.control().inject(1.5, 0, RULE, 1, 0) && sim.control().status().refused() > 0);
            sim.step();
            assertEquals(1, sim.control().status().refused(), "the model accepts no injected events");
        }
    }

    @Test
    void shouldRefuseAMaxSimTimeThatIsNotATime()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new SimulationContext().model(new Scripted(Clock.EVENTS, 1)).maxSimTime(Double.NaN).conclude());
        assertTrue(ex.getMessage().contains("max sim time"), ex.getMessage());
    }

    /**
     * On the event clock: agent 0's event at t=1 kills it, then schedules an event for it (rejected, it is dead),
     * one for no agent at t=2 and one for agent 2 at t=2.5. On the tick clock: each tick kills the lowest live
     * agent, and the model is finished when none is left.
     */
    private static final class Scripted implements Model
    {
        final List<String> steps = new ArrayList<>();
        boolean scheduleOnTicks;
        private final Clock clock;
        private final int agents;
        private final AgentType things;

        Scripted(final Clock clock, final int agents)
        {
            this.clock = clock;
            this.agents = agents;
            this.things = AgentType.of("things", SCHEMA, agents);
        }

        public Clock clock()
        {
            return clock;
        }

        public List<AgentType> agentTypes()
        {
            return List.of(things);
        }

        public void initialise(final World world)
        {
            world.store(things).spawn(agents);
            if (clock == Clock.EVENTS)
            {
                world.events().schedule(1.0, 0, KILL, 0, 0);
            }
        }

        public boolean isFinished(final World world)
        {
            return clock == Clock.TICKS && world.store(things).liveCount() == 0;
        }

        public List<Phase> phases()
        {
            return List.of(new Phase()
            {
                public String name()
                {
                    return "script";
                }

                public AgentType sweeps()
                {
                    return things;
                }

                public int workItems(final World world)
                {
                    return clock == Clock.EVENTS ? world.due().count() : 1;
                }

                public PhaseWorker newWorker(final World world)
                {
                    return (batch) ->
                    {
                        final DueEvents due = world.due();
                        if (clock == Clock.TICKS)
                        {
                            batch.outbox().despawn(things.id(), batch.store().nextAlive(0));
                            if (scheduleOnTicks)
                            {
                                batch.outbox().schedule(5.0, 0, RULE, -1, -1, 0);
                            }
                            return;
                        }
                        steps.add(due.time() + ":" + due.kind(0) + ":" + due.agent(0));
                        if (due.time() == 1.0)
                        {
                            batch.outbox().despawn(things.id(), 0);
                            batch.outbox().schedule(3.0, 0, KILL, things.id(), 0, 0);
                            batch.outbox().schedule(2.0, 0, RULE, -1, EventDescriptor.NO_AGENT, 7);
                            batch.outbox().schedule(2.5, 0, KILL, things.id(), 2, 0);
                        }
                    };
                }
            });
        }
    }
}
