package io.myriad.tools.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioParserTest
{
    @TempDir
    Path dir;

    @Test
    void shouldParseValidScenarioKeepingWhereEachValueIs()
    {
        final Scenario scenario = ScenarioParser.parse(
            "model: counter\n" +
            "preset: big\n" +
            "agents: 5000\n" +
            "ticks: 10\n" +
            "threads: 2\n" +
            "seed: -7\n" +
            "layout: aosoa16\n" +
            "batch_size: 1024\n" +
            "wait_strategy: yielding\n" +
            "parameters:\n" +
            "  scale: 2.5\n" +
            "  loud: true\n" +
            "  label: \"42\"\n",
            "x.yaml");

        assertEquals("x.yaml", scenario.source());
        assertEquals("counter", scenario.get(Scenario.MODEL).asString());
        assertEquals("big", scenario.get(Scenario.PRESET).asString());
        assertEquals(5000, scenario.get(Scenario.AGENTS).asLong());
        assertEquals(10, scenario.get(Scenario.TICKS).asLong());
        assertEquals(2, scenario.get(Scenario.THREADS).asLong());
        assertEquals(-7, scenario.get(Scenario.SEED).asLong());
        assertEquals("aosoa16", scenario.get(Scenario.LAYOUT).asString());
        assertEquals(1024, scenario.get(Scenario.BATCH_SIZE).asLong());
        assertEquals("yielding", scenario.get(Scenario.WAIT_STRATEGY).asString());
        assertEquals("x.yaml:3:9: agents", scenario.get(Scenario.AGENTS).origin());

        assertEquals(3, scenario.parameters().size());
        assertEquals(Value.Kind.FLOAT, scenario.parameters().get("scale").kind());
        assertEquals(Value.Kind.BOOLEAN, scenario.parameters().get("loud").kind());
        assertEquals(Value.Kind.STRING, scenario.parameters().get("label").kind());
        assertEquals("x.yaml:11:10: parameters.scale", scenario.parameters().get("scale").origin());
    }

    @Test
    void shouldAcceptMaxTicksAsTicks()
    {
        final Scenario scenario = ScenarioParser.parse("model: counter\nmax_ticks: 30\n", "x.yaml");

        assertEquals(30, scenario.get(Scenario.TICKS).asLong());
        assertEquals("x.yaml:2:12: max_ticks", scenario.get(Scenario.TICKS).origin());
    }

    @Test
    void shouldReadTheSimulationBlockAsTheRunsSettings()
    {
        final Scenario scenario = ScenarioParser.parse("simulation:\n  name: trial-1\n  model: counter\n" +
            "  max_ticks: 7\n  seed: 3\nagents: 9\n", "x.yaml");
        assertEquals("trial-1", scenario.get(Scenario.NAME).asString());
        assertEquals(7, scenario.get(Scenario.TICKS).asLong(1, 100));
        assertEquals("x.yaml:4:14: simulation.max_ticks", scenario.get(Scenario.TICKS).origin());
        assertEquals(9, scenario.get(Scenario.AGENTS).asLong(1, 100));
    }

    @Test
    void shouldRejectASettingWrittenBothInTheBlockAndAtTheTop()
    {
        final ScenarioException twice = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("seed: 1\nsimulation:\n  seed: 2\n", "x.yaml"));
        assertTrue(twice.getMessage().startsWith("x.yaml:3:3: simulation.seed: already set by x.yaml:1:7: seed; " +
            "keep one of them"), twice.getMessage());
        final ScenarioException unknown = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("simulation:\n  tickz: 2\n", "x.yaml"));
        assertTrue(unknown.getMessage().startsWith("x.yaml:2:3: simulation.tickz: unknown key (did you mean " +
            "'ticks'?); the run's settings are name, model, "), unknown.getMessage());
    }

    @Test
    void shouldRejectBothTicksAndMaxTicks()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("ticks: 3\nmax_ticks: 30\n", "x.yaml"));

        assertTrue(ex.getMessage().startsWith("x.yaml:2:1: max_ticks: already set by x.yaml:1:8: ticks (ticks and " +
            "max_ticks are one setting); keep one of them"), ex.getMessage());
    }

    @Test
    void shouldRejectUnknownKeyNamingFileLineAndKnownKeys()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("model: counter\n\ncolour: red\n", "x.yaml"));

        assertTrue(ex.getMessage().startsWith("x.yaml:3:1: colour: unknown key; a scenario's keys are simulation, " +
            "agents, parameters, "),
            ex.getMessage());
    }

    @Test
    void shouldSuggestTheKeyMeantForAMisspeltOne()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("model: counter\nagnets: 3\n", "x.yaml"));

        assertTrue(ex.getMessage().startsWith("x.yaml:2:1: agnets: unknown key (did you mean 'agents'?)"),
            ex.getMessage());
    }

    @Test
    void shouldReportWrongTypeWithLineAndColumnWhenTyped()
    {
        final Scenario scenario = ScenarioParser.parse("model: counter\nagents: many\n", "x.yaml");

        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> scenario.get(Scenario.AGENTS).asLong());

        assertEquals("x.yaml:2:9: agents: must be an integer, was \"many\"", ex.getMessage());
    }

    @Test
    void shouldReportYamlSyntaxErrorWithLine()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("model: counter\nagents: [1, 2\nticks: 3\n", "x.yaml"));

        assertTrue(ex.getMessage().matches("x\\.yaml:[34]:\\d+: not valid YAML: .*"), ex.getMessage());
    }

    @Test
    void shouldReportBadIndentationWithLine()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("model: counter\n  agents: 3\nticks: 3\n", "x.yaml"));

        assertTrue(ex.getMessage().matches("x\\.yaml:2:\\d+: not valid YAML: .*"), ex.getMessage());
    }

    @Test
    void shouldRejectDuplicateKey()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("agents: 1\nticks: 2\nagents: 3\n", "x.yaml"));

        assertEquals("x.yaml:3:1: agents: duplicate key, first set at x.yaml:1:1; keep one of them",
            ex.getMessage());
    }

    @Test
    void shouldRejectDuplicateParameter()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("parameters:\n  scale: 1\n  scale: 2\n", "x.yaml"));

        assertTrue(ex.getMessage().startsWith("x.yaml:3:3: parameters.scale: duplicate key"), ex.getMessage());
    }

    @Test
    void shouldRejectScenarioThatIsNotAMapping()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("- model: counter\n", "x.yaml"));

        assertTrue(ex.getMessage().startsWith("x.yaml:1:1: a scenario must be a mapping"), ex.getMessage());
    }

    @Test
    void shouldRejectParametersThatAreNotAMapping()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse("model: counter\nparameters: [1, 2]\n", "x.yaml"));

        assertTrue(ex.getMessage().startsWith("x.yaml:2:13: parameters: must be a mapping"), ex.getMessage());
    }

    @Test
    void shouldTreatEmptyFileAsNoSettings()
    {
        final Scenario scenario = ScenarioParser.parse("# nothing yet\n", "x.yaml");

        assertNull(scenario.get(Scenario.MODEL));
        assertTrue(scenario.parameters().isEmpty());
    }

    @Test
    void shouldReadFile() throws Exception
    {
        final Path file = dir.resolve("s.yaml");
        Files.writeString(file, "model: counter\nticks: 4\n");

        final Scenario scenario = ScenarioParser.parse(file, "s.yaml");

        assertEquals("s.yaml:2:8: ticks", scenario.get(Scenario.TICKS).origin());
    }

    @Test
    void shouldReportMissingFile()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse(dir.resolve("nope.yaml"), "nope.yaml"));

        assertTrue(ex.getMessage().startsWith("nope.yaml: no such scenario file; check the path"), ex.getMessage());
    }

    @Test
    void shouldReportDirectoryGivenAsFile()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse(dir, "runs"));

        assertTrue(ex.getMessage().startsWith("runs: is a directory"), ex.getMessage());
    }

    @Test
    void shouldReportFileThatIsNotUtf8() throws Exception
    {
        final Path file = dir.resolve("latin1.yaml");
        Files.write(file, "model: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        final ScenarioException ex = assertThrows(ScenarioException.class,
            () -> ScenarioParser.parse(file, "latin1.yaml"));

        assertTrue(ex.getMessage().startsWith("latin1.yaml: is not UTF-8 text"), ex.getMessage());
    }
}
