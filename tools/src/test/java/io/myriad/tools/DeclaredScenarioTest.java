package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenarios that declare their model: the greeters' exchange as its journal shows it, and a faulty file for each
 * block of the language, refused with the file, line, column and key path, exit 2 and no run directory.
 */
class DeclaredScenarioTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid declaration the faulty ones are made from, one line changed each. */
    static final String GREETERS = """
        ticks: 4
        agents:
          Greeter:
            count: 2
            fields:
              greeted: int
              mood: { type: double, initial: "uniform(0, 1)" }
            instances:
              Greeter_2: { mood: 5 }
            policy:
              - when: id == 1 and step == 0
                then:
                  - send: { channel: greetings, word: "'Hello'" }
              - when: has(greetings.word, 'Hello')
                then:
                  - send: { channel: greetings, word: "'Hi'" }
                  - set: { greeted: greeted + 1 }
        channels:
          greetings:
            kind: broadcast
            message: { word: symbol }
            latency: 1 step
        connections:
          - { from: Greeter_*, to: greetings }
          - { from: greetings, to: Greeter_* }
        rules:
          - { name: calm, agents: Greeter_*, every: 2, then: [ { set: { mood: mood * 0.5 } } ] }
        events:
          - { at: 3, agents: Greeter_1, then: [ { set: { mood: 1 } } ] }
        metrics:
          greeted: { of: Greeter.greeted, reduce: sum }
        """;

    @TempDir
    Path dir;

    @Test
    void theGreetersJournalShowsBothMessagesAndTheirDeliverySteps() throws IOException
    {
        final Path scenario = Path.of(System.getProperty("user.dir")).getParent().resolve("scenarios/greeters.yaml");
        final CliRun run = CliRun.run(dir, "run", scenario.toString(), "--out", "greet");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final CliRun dump = CliRun.run(dir, "journal", "dump", "greet", "--type", "events");
        assertEquals(Main.EXIT_OK, dump.status, dump.toString());
        final List<String> seen = dump.outLines().stream().map(DeclaredScenarioTest::read)
            .map((e) -> e.get("tick").asLong() + " " + e.get("act").asText() + " " + e.get("message").get("word")
                .asText() + " from Greeter_" + (e.get("source").asInt() + 1))
            .toList();
        assertEquals(List.of("0 send Hello from Greeter_1", "1 delivered Hello from Greeter_1",
            "1 send Hi from Greeter_2", "2 delivered Hi from Greeter_2"), seen);
        assertEquals(List.of("step,Greeter,greeted", "0,2,0", "1,2,0", "2,2,1", "3,2,2"),
            Files.readAllLines(dir.resolve("greet/metrics.csv")).subList(0, 5));
    }

    @Test
    void aDeclaredRunReplaysToItsHash()
    {
        final Path file = dir.resolve("g.yaml");
        write(file, GREETERS);
        final CliRun run = CliRun.run(dir, "run", "g.yaml", "--out", "g", "--threads", "2");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final CliRun replay = CliRun.run(dir, "replay", "g");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        assertTrue(replay.out.contains("every recorded hash matched"), replay.out);
    }

    @Test
    void aRunIsNamedByItsScenarioAndItsClockIsChecked() throws IOException
    {
        write(dir.resolve("n.yaml"), "simulation:\n  name: hello-run\n  clock: ticks\n" + GREETERS);
        final CliRun run = CliRun.run(dir, "run", "n.yaml");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        try (Stream<Path> runs = Files.list(dir.resolve("runs")))
        {
            assertTrue(runs.findFirst().orElseThrow().getFileName().toString().startsWith("hello-run-"));
        }
        write(dir.resolve("e.yaml"), "simulation:\n  clock: events\n" + GREETERS);
        final CliRun events = CliRun.run(dir, "validate", "e.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, events.status, events.toString());
        assertTrue(events.err.contains("e.yaml:2:10: simulation.clock: model declared runs on the ticks clock; " +
            "write clock: ticks, or leave it out"), events.err);
    }

    @Test
    void aFaultInTheSpaceOrSimulationBlockIsToldWhereAndRefused() throws IOException
    {
        write(dir.resolve("s.yaml"), "space: { width: 0, height: 5 }\n" + GREETERS);
        final CliRun space = CliRun.run(dir, "validate", "s.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, space.status, space.toString());
        assertTrue(space.err.contains("s.yaml:1:17: space.width: must be from 1 to 134217728, was 0"), space.err);
        write(dir.resolve("m.yaml"), "space: { width: 4, height: 5 }\n" + GREETERS.replace(
            "- set: { greeted: greeted + 1 }", "- move: { dx: 1, dz: 1 }"));
        final CliRun move = CliRun.run(dir, "validate", "m.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, move.status, move.toString());
        assertTrue(move.err.contains("agents.Greeter.policy[1].then[1].move.dz: is not part of a move; a move has " +
            "dx and dy"), move.err);
        write(dir.resolve("n.yaml"), "simulation:\n  name: no/slashes\n" + GREETERS);
        final CliRun name = CliRun.run(dir, "run", "n.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, name.status, name.toString());
        assertTrue(name.err.contains("n.yaml:2:9: simulation.name: must be a name for the run's directory"),
            name.err);
        assertFalse(Files.exists(dir.resolve("runs")), "no run directory");
    }

    static Stream<Arguments> faults()
    {
        return Stream.of(
            Arguments.of("agents", "greeted: int", "greeted: integer",
                "g.yaml:6:16: agents.Greeter.fields.greeted.type: is integer; a field's type is one of int, long"),
            Arguments.of("agents: unknown key", "    count: 2", "    cuont: 2",
                "g.yaml:4:5: agents.Greeter.cuont: unknown key (did you mean 'count'?)"),
            Arguments.of("policy", "- when: id == 1 and step == 0", "- when: id == 1 and stp == 0",
                "g.yaml:11:27: agents.Greeter.policy[0].when: 'stp' is no field"),
            Arguments.of("instances", "Greeter_2: { mood: 5 }", "Greeter_3: { mood: 5 }",
                "g.yaml:9:18: agents.Greeter.instances.Greeter_3: Greeter_3 names no agent"),
            Arguments.of("channels", "kind: broadcast", "kind: shout",
                "g.yaml:20:11: channels.greetings.kind: is shout; a channel is broadcast, direct, topics or shared"),
            Arguments.of("channels: latency", "latency: 1 step", "latency: soon",
                "g.yaml:22:14: channels.greetings.latency: is 'soon'"),
            Arguments.of("connections", "- { from: greetings, to: Greeter_* }", "- { from: greetings, to: Gretr_* }",
                "g.yaml:25:28: connections[1].to: Gretr_* names no agents"),
            Arguments.of("rules", "every: 2,", "every: 0,",
                "g.yaml:27:45: rules[0].every: must be from 1 to"),
            Arguments.of("events", "{ at: 3,", "{ when: 3,",
                "g.yaml:29:7: events[0].when: unknown key (did you mean 'then'?); the keys here are at, agents, then"),
            Arguments.of("metrics", "of: Greeter.greeted", "of: Greeter.greted",
                "g.yaml:31:18: metrics.greeted.of: Greeter has no field greted"),
            Arguments.of("actions", "- set: { greeted: greeted + 1 }", "- sett: { greeted: greeted + 1 }",
                "g.yaml:17:13: agents.Greeter.policy[1].then[1].sett: unknown key (did you mean 'set'?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultInEachBlockIsToldWhereAndRefused(final String block, final String from, final String to,
        final String expected) throws IOException
    {
        assertTrue(GREETERS.contains(from), from);
        write(dir.resolve("g.yaml"), GREETERS.replace(from, to));
        final CliRun validate = CliRun.run(dir, "validate", "g.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, validate.status, validate.toString());
        assertTrue(validate.err.contains(expected), "expected " + expected + " in\n" + validate.err);
        final CliRun run = CliRun.run(dir, "run", "g.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, run.status, run.toString());
        assertTrue(run.err.contains(expected), run.err);
        assertFalse(Files.exists(dir.resolve("runs")), "no run directory");
    }

    private static JsonNode read(final String line)
    {
        try
        {
            return JSON.readTree(line);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(line, ex);
        }
    }

    private static void write(final Path file, final String text)
    {
        try
        {
            Files.writeString(file, text);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
