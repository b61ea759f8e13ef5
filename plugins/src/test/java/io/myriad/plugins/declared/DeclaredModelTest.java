package io.myriad.plugins.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.plugins.declared.DeclaredSpec.ActionSpec;
import io.myriad.plugins.declared.DeclaredSpec.ChannelSpec;
import io.myriad.plugins.declared.DeclaredSpec.ConnectionSpec;
import io.myriad.plugins.declared.DeclaredSpec.FieldSpec;
import io.myriad.plugins.declared.DeclaredSpec.MetricSpec;
import io.myriad.plugins.declared.DeclaredSpec.RuleSpec;
import io.myriad.plugins.declared.DeclaredSpec.TypeSpec;

/**
 * Declared models compiled and run: the greeters' exchange, determinism, and what a faulty declaration is told.
 */
class DeclaredModelTest
{
    static ActionSpec send(final String channel, final String to, final Map<String, String> values)
    {
        return new ActionSpec("send", channel, to, null, values);
    }

    static ActionSpec set(final String field, final String value)
    {
        return new ActionSpec("set", null, null, null, Map.of(field, value));
    }

    static DeclaredSpec greeters(final List<RuleSpec> policy)
    {
        return new DeclaredSpec(
            List.of(new TypeSpec("Greeter", "Greeter", 2, List.of(new FieldSpec("greeted", "int", null)), Map.of(),
                policy)),
            List.of(new ChannelSpec("greetings", "broadcast", List.of(new FieldSpec("word", "symbol", null)), 16,
                "reject", 1, false, null, 0)),
            List.of(new ConnectionSpec("Greeter_*", "greetings"), new ConnectionSpec("greetings", "Greeter_*")),
            List.of(), List.of(), List.of(new MetricSpec("greeted", "Greeter.greeted", "sum")), null);
    }

    static final List<RuleSpec> GREETING = List.of(
        new RuleSpec("id == 1 and step == 0", List.of(send("greetings", null, Map.of("word", "'Hello'")))),
        new RuleSpec("has(greetings.word, 'Hello')", List.of(send("greetings", null, Map.of("word", "'Hi'")),
            set("greeted", "greeted + 1"))),
        new RuleSpec("has(greetings.word, 'Hi')", List.of(set("greeted", "greeted + 1"))));

    private static double field(final World world, final int type, final int agent, final int field)
    {
        final AgentStore store = world.store(type);
        return store.buffer(field).getInt(store.offset(field, agent));
    }

    @Test
    void greeter1SaysHelloAndGreeter2AnswersHi()
    {
        final DeclaredModel model = new DeclaredModel(greeters(GREETING));
        assertEquals(List.of("Hello", "Hi"), model.symbols());
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(1).workers(1)))
        {
            sim.run(4);
            final World world = sim.world();
            assertEquals(1, field(world, 0, 0, 0), "Greeter_1 heard Hi at step 2");
            assertEquals(1, field(world, 0, 1, 0), "Greeter_2 heard Hello at step 1");
            final MessageChannel greetings = (MessageChannel)model.channels().get(0);
            assertEquals(2, greetings.sent());
            assertEquals(2, greetings.delivered());
        }
    }

    @Test
    void aRandomDeclaredWorldIsTheSameOnOneTwoAndFourThreads()
    {
        final Map<String, String> mood = new LinkedHashMap<>();
        mood.put("mood", "mood * 0.9 + sum(talk.level) / max(1, count(talk))");
        final DeclaredSpec spec = new DeclaredSpec(
            List.of(new TypeSpec("Talker", "T", 3000, List.of(new FieldSpec("mood", "double", "uniform(0, 1)"),
                new FieldSpec("heard", "long", null)), Map.of("T_7", Map.of("mood", "5")), List.of(
                new RuleSpec("random() < 0.2", List.of(send("talk", "floor(random() * count)",
                    Map.of("level", "mood + normal(0, 0.1)")))),
                new RuleSpec("count(talk) > 0", List.of(new ActionSpec("set", null, null, null, mood),
                    set("heard", "heard + count(talk)")))))),
            List.of(new ChannelSpec("talk", "direct", List.of(new FieldSpec("level", "double", null)), 4000,
                "drop_oldest", 2, false, null, 0)),
            List.of(new ConnectionSpec("T_*", "talk"), new ConnectionSpec("talk", "Talker")),
            List.of(), List.of(), List.of(), null);
        final long[] hashes = new long[3];
        final int[] threads = { 1, 2, 4 };
        for (int t = 0; t < threads.length; t++)
        {
            try (Simulation sim = Simulation.launch(new SimulationContext().model(new DeclaredModel(spec)).seed(9)
                .workers(threads[t]).batchSize(128)))
            {
                sim.run(30);
                hashes[t] = sim.stateHash();
            }
        }
        assertEquals(hashes[0], hashes[1]);
        assertEquals(hashes[0], hashes[2]);
    }

    @Test
    void aFaultyExpressionIsToldWhereAndWhy()
    {
        final SpecException unknown = assertThrows(SpecException.class, () -> new DeclaredModel(greeters(List.of(
            new RuleSpec("greeted > 0 and moood < 3", List.of())))));
        assertEquals("agents.Greeter.policy[0].when", unknown.path());
        assertEquals(16, unknown.column());
        assertTrue(unknown.problem().contains("'moood' is no field"), unknown.problem());

        final SpecException channel = assertThrows(SpecException.class, () -> new DeclaredModel(greeters(List.of(
            new RuleSpec("count(greeting) > 0", List.of())))));
        assertTrue(channel.problem().startsWith("there is no channel greeting"), channel.problem());
        assertEquals(6, channel.column());

        final SpecException send = assertThrows(SpecException.class, () -> new DeclaredModel(greeters(List.of(
            new RuleSpec(null, List.of(send("greetings", null, Map.of("wrod", "1"))))))));
        assertEquals("agents.Greeter.policy[0].then[0].send.wrod", send.path());
        assertTrue(send.problem().contains("have no field wrod"), send.problem());

        final SpecException to = assertThrows(SpecException.class, () -> new DeclaredModel(greeters(List.of(
            new RuleSpec(null, List.of(send("greetings", "1", Map.of("word", "1"))))))));
        assertEquals("agents.Greeter.policy[0].then[0].send.to", to.path());
        assertTrue(to.problem().contains("only a send on a direct channel names its recipient"), to.problem());

        final DeclaredSpec bare = greeters(List.of());
        final SpecException fields = assertThrows(SpecException.class, () -> new DeclaredModel(new DeclaredSpec(
            List.of(new TypeSpec("Greeter", "Greeter", 2, List.of(), Map.of(), List.of())), bare.channels(),
            bare.connections(), List.of(), List.of(), List.of(), null)));
        assertEquals("agents.Greeter.fields", fields.path());

        final SpecException syntax = assertThrows(SpecException.class, () -> new DeclaredModel(greeters(List.of(
            new RuleSpec("greeted > ", List.of())))));
        assertTrue(syntax.problem().startsWith("the expression ends where a value was expected"), syntax.problem());
    }

    private static DeclaredSpec neighbours(final List<RuleSpec> policy)
    {
        final List<FieldSpec> fields = List.of(new FieldSpec("seen", "int", null));
        return new DeclaredSpec(
            List.of(new TypeSpec("Red", "R", 40, fields, Map.of(), policy),
                new TypeSpec("Blue", "B", 40, fields, Map.of(), policy)),
            List.of(), List.of(), List.of(), List.of(), List.of(), new DeclaredSpec.SpaceSpec(12, 9, "torus"));
    }

    @Test
    void nearCountsTheAgentsInTheCellAndTheEightAround()
    {
        final DeclaredModel model = new DeclaredModel(neighbours(List.of(
            new RuleSpec(null, List.of(set("seen", "near() * 1000 + near(Red)"))))));
        try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(3).workers(2)
            .batchSize(16)))
        {
            sim.run(1);
            final World world = sim.world();
            for (int t = 0; t < 2; t++)
            {
                for (int i = 0; i < 40; i++)
                {
                    final int cell = (int)field(world, t, i, 1);
                    int all = 0;
                    int red = 0;
                    for (int u = 0; u < 2; u++)
                    {
                        for (int j = 0; j < 40; j++)
                        {
                            final int other = (int)field(world, u, j, 1);
                            final int dx = Math.floorMod(other % 12 - cell % 12 + 1, 12);
                            final int dy = Math.floorMod(other / 12 - cell / 12 + 1, 9);
                            if ((u != t || j != i) && dx <= 2 && dy <= 2)
                            {
                                all++;
                                red += u == 0 ? 1 : 0;
                            }
                        }
                    }
                    assertEquals(all * 1000 + red, field(world, t, i, 0), "agent " + i + " of type " + t);
                }
            }
        }
    }

    @Test
    void agentsMoveOnTheGridTheSameOnOneTwoAndFourThreads()
    {
        final DeclaredSpec spec = neighbours(List.of(new RuleSpec("near(Red) < 3", List.of(
            new ActionSpec("move", null, null, null, Map.of("dx", "choice(-1, 0, 1)", "dy", "choice(-1, 0, 1)")),
            set("seen", "seen + 1")))));
        final long[] hashes = new long[3];
        final int[] threads = { 1, 2, 4 };
        for (int t = 0; t < threads.length; t++)
        {
            try (Simulation sim = Simulation.launch(new SimulationContext().model(new DeclaredModel(spec)).seed(4)
                .workers(threads[t]).batchSize(8)))
            {
                sim.run(25);
                hashes[t] = sim.stateHash();
                assertTrue(field(sim.world(), 0, 0, 0) + field(sim.world(), 1, 5, 0) > 0, "some moved");
            }
        }
        assertEquals(hashes[0], hashes[1]);
        assertEquals(hashes[0], hashes[2]);
        final SpecException noSpace = assertThrows(SpecException.class, () -> new DeclaredModel(greeters(List.of(
            new RuleSpec("near() > 1", List.of())))));
        assertTrue(noSpace.problem().startsWith("near() needs a space"), noSpace.problem());
    }

    @Test
    void theDeclarationRoundTripsThroughJson()
    {
        final DeclaredSpec spec = greeters(GREETING);
        assertEquals(spec, DeclaredPlugin.parse(DeclaredPlugin.toJson(spec)));
    }
}
