package io.myriad.kernel.decide;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventQueue;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionTableTest
{
    private static final Schema SCHEMA = Schema.builder("Agent").field("x", FieldType.DOUBLE).build();
    private final UnsafeBuffer facts = new UnsafeBuffer(new byte[64]);
    private final UnsafeBuffer outcome = new UnsafeBuffer(new byte[2 * AnswerDescriptor.MAX_TEXT + 128]);

    @Test
    void shouldRefuseASecondRequestWhileThinkingAndForgetAnAgentThatDied()
    {
        try (World world = world())
        {
            final DecisionTable table = world.decisions();
            final int type = world.type("agents").id();
            world.store(type).spawn(5);
            assertEquals(Outcome.APPLIED, ask(table, type, 3, 0.0));
            assertTrue(table.isThinking(type, 3));
            assertEquals(Outcome.THINKING, ask(table, type, 3, 0.0));
            assertEquals(1, table.counts().refused());
            assertEquals(2.0, table.due(0), "asked at 0, answered 2 s of sim time later");

            world.store(type).despawn(3);
            table.agentGone(type, 3);
            world.store(type).spawn();
            assertFalse(table.isThinking(type, 3), "the index is a newborn's now");
            assertEquals(Outcome.APPLIED, ask(table, type, 3, 0.0), "which may ask at once");
            assertEquals(2, table.size());

            answer(table, world, 0, 2.0);
            assertEquals(1, table.counts().orphaned(), "the dead agent's answer is dropped");
            assertEquals(0, world.events().size(), "and nothing scheduled");
            answer(table, world, 1, 2.0);
            assertEquals(1, world.events().size(), "the newborn's is");
            final DueEvents due = new DueEvents(4);
            world.events().take(due);
            assertEquals(3, due.agent(0));
            assertEquals(7, due.kind(0), "the action's kind");
            assertEquals(2.5, Double.longBitsToDouble(due.data(0)), "the amount, within the action's range");
            assertThrows(IllegalStateException.class, () -> answer(table, world, 1, 2.0), "not in flight");
        }
    }

    @Test
    void shouldComeBackFromACheckpointAsItWas()
    {
        try (World world = world(); World restored = world())
        {
            final DecisionTable table = world.decisions();
            final int type = world.type("agents").id();
            world.store(type).spawn(10);
            for (int agent = 0; agent < 10; agent++)
            {
                ask(table, type, agent, agent * 0.5);
            }
            answer(table, world, 4, table.due(4));
            table.agentGone(type, 7);
            final PartWriter out = new PartWriter().reset();
            table.write(out);
            final DecisionTable copy = restored.decisions();
            copy.read(new PartReader(copy.name()).wrap(out.buffer(), 0, out.length()));
            assertEquals(hash(table), hash(copy));
            assertEquals(9, copy.size());
            assertEquals(table.firstDueId(), copy.firstDueId());
            assertFalse(copy.isThinking(type, 7));
            assertTrue(copy.isThinking(type, 8));
            assertEquals(table.counts().completed(), copy.counts().completed());
            assertEquals(List.of(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L),
                java.util.Arrays.stream(copy.idsInFlight()).boxed().toList());
        }
    }

    private int ask(final DecisionTable table, final int type, final int agent, final double now)
    {
        facts.putDouble(0, agent * 1.5, java.nio.ByteOrder.LITTLE_ENDIAN);
        return table.request(type, agent, now, Double.NaN, facts, 0);
    }

    private void answer(final DecisionTable table, final World world, final long id, final double time)
    {
        AnswerDescriptor.encode(outcome, id, time, Answer.of(0, 2.5, "up"), AnswerDescriptor.ANSWERED, 1_000,
            new byte[0]);
        table.apply(world.events(), world, outcome, 0);
    }

    private static long hash(final DecisionTable table)
    {
        final StateHasher hasher = new StateHasher().reset();
        table.hash(hasher);
        return hasher.finish();
    }

    private static World world()
    {
        final Deliberation deliberation = new Deliberation()
        {
            public String situation()
            {
                return "test";
            }

            public List<String> facts()
            {
                return List.of("x");
            }

            public List<DecisionAction> actions()
            {
                return List.of(new DecisionAction("up", 7, "go up", 0, 10));
            }

            public DecisionMode mode()
            {
                return DecisionMode.MODELLED;
            }

            public io.myriad.kernel.event.NextDecision latency()
            {
                return io.myriad.kernel.event.NextDecision.periodic(2.0);
            }

            public Answer fallback(final DecisionRequest request)
            {
                return Answer.of(0, 0, "fallback");
            }
        };
        return new World(List.of(AgentType.of("agents", SCHEMA, 16)),
            List.of(new DecisionTable("decisions", deliberation), new EventQueue("events")), SoaLayout.INSTANCE, 1L);
    }
}
