package io.myriad.tools.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSettingsTest
{
    private static Scenario file(final String yaml)
    {
        return ScenarioParser.parse(yaml, "x.yaml");
    }

    private static Scenario flags(final String... flagsAndValues)
    {
        final Map<String, Value> settings = new java.util.LinkedHashMap<>();
        final Map<String, Value> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < flagsAndValues.length; i += 2)
        {
            final String flag = flagsAndValues[i];
            final String text = flagsAndValues[i + 1];
            if ("--param".equals(flag))
            {
                final String[] nameValue = text.split("=", 2);
                parameters.put(nameValue[0], Value.text("--param " + text, nameValue[1]));
            }
            else
            {
                settings.put(flag.substring(2).replace('-', '_'), Value.text(flag, text));
            }
        }
        return new Scenario(null, settings, parameters);
    }

    private static String problem(final Scenario file, final Scenario flags)
    {
        return assertThrows(ScenarioException.class, () -> RunSettings.resolve(file, flags, 3)).getMessage();
    }

    @Test
    void shouldTakeDefaultsForWhatIsNotGiven()
    {
        final RunSettings settings = RunSettings.resolve(file("model: counter\n"), Scenario.empty(), 3);

        assertEquals("counter", settings.model());
        assertNull(settings.preset());
        assertEquals(100, settings.agents());
        assertEquals(RunSettings.DEFAULT_TICKS, settings.ticks());
        assertEquals(RunSettings.DEFAULT_SEED, settings.seed());
        assertEquals(3, settings.threads());
        assertEquals(Configuration.layout(), settings.layout().name());
        assertEquals(Configuration.batchSize(), settings.batchSize());
        assertEquals(Configuration.waitStrategy(), settings.waitStrategy());
        assertEquals(Map.of("increment", 1L, "scale", 1.0, "loud", false, "label", "none"), settings.parameters());
        assertEquals("x.yaml", settings.scenario());
    }

    @Test
    void shouldWaitBlockingByDefaultWhenThreadsOutnumberProcessorsAndAsNamedOtherwise()
    {
        final RunSettings fits = RunSettings.resolve(file("model: counter\nthreads: 2\n"), Scenario.empty(), 2);
        assertEquals("backoff", fits.waitStrategy());
        assertNull(fits.originOf(Scenario.WAIT_STRATEGY));

        final RunSettings many = RunSettings.resolve(file("model: counter\nthreads: 64\n"), Scenario.empty(), 2);
        assertEquals("blocking", many.waitStrategy());
        assertNull(many.originOf(Scenario.WAIT_STRATEGY), "the default, not named");

        final RunSettings named = RunSettings.resolve(
            file("model: counter\nthreads: 64\n"), flags("--wait-strategy", "yielding"), 2);
        assertEquals("yielding", named.waitStrategy());
        assertEquals("--wait-strategy", named.originOf(Scenario.WAIT_STRATEGY));
    }

    @Test
    void shouldLayerParametersDefaultsPresetFileThenParam()
    {
        final RunSettings settings = RunSettings.resolve(
            file("model: counter\npreset: big\nparameters:\n  scale: 4\n  loud: true\n"),
            flags("--param", "loud=false"),
            1);

        assertEquals("big", settings.preset());
        assertEquals(2L, settings.parameters().get("increment"), "preset over default");
        assertEquals(4.0, settings.parameters().get("scale"), "file over preset");
        assertEquals(false, settings.parameters().get("loud"), "--param over file");
        assertEquals("none", settings.parameters().get("label"), "default");
    }

    @Test
    void shouldLayerAgentsModelDefaultPresetFileThenFlag()
    {
        assertEquals(100, RunSettings.resolve(file("model: counter\n"), Scenario.empty(), 1).agents());
        assertEquals(5000, RunSettings.resolve(file("model: counter\npreset: big\n"), Scenario.empty(), 1).agents());
        assertEquals(10, RunSettings.resolve(file("model: counter\npreset: tiny\n"), Scenario.empty(), 1).agents());
        assertEquals(300, RunSettings.resolve(
            file("model: counter\npreset: big\nagents: 300\n"), Scenario.empty(), 1).agents());
        assertEquals(7, RunSettings.resolve(
            file("model: counter\npreset: big\nagents: 300\n"), flags("--agents", "7"), 1).agents());
    }

    @Test
    void shouldLetEveryFlagOverrideTheFile()
    {
        final Scenario file = file(
            "model: nothing-by-this-name\npreset: nope\nagents: 1\nticks: 1\nthreads: 1\nseed: 1\nlayout: aos\n" +
            "batch_size: 1\nwait_strategy: blocking\n");
        final RunSettings settings = RunSettings.resolve(file, flags(
            "--model", "counter", "--preset", "tiny", "--agents", "50", "--ticks", "6", "--threads", "2",
            "--seed", "-9", "--layout", "aosoa16", "--batch-size", "64", "--wait-strategy", "yielding"), 1);

        assertEquals("counter", settings.model());
        assertEquals("tiny", settings.preset());
        assertEquals(50, settings.agents());
        assertEquals(6, settings.ticks());
        assertEquals(2, settings.threads());
        assertEquals(-9, settings.seed());
        assertEquals("aosoa16", settings.layout().name());
        assertEquals(64, settings.batchSize());
        assertEquals("yielding", settings.waitStrategy());
        assertEquals(50, settings.modelConfig().agents());
        assertEquals(-9, settings.modelConfig().seed());
    }

    @Test
    void shouldRejectMissingModel()
    {
        assertTrue(problem(file("ticks: 3\n"), Scenario.empty())
            .startsWith("x.yaml: no model to run; add 'model: NAME' to the scenario or pass --model NAME"));
    }

    @Test
    void shouldRejectUnknownModelSayingWhereAndWhichThereAre()
    {
        final String fromFile = problem(file("model: nope\n"), Scenario.empty());
        final String fromFlag = problem(file("model: counter\n"), flags("--model", "nope"));

        assertTrue(fromFile.startsWith("x.yaml:1:8: model: unknown model 'nope'; known models: "), fromFile);
        assertTrue(fromFile.contains("counter") && fromFile.endsWith("'myriad models' describes them"), fromFile);
        assertTrue(fromFlag.startsWith("--model: unknown model 'nope'"), fromFlag);
    }

    @Test
    void shouldRejectUnknownPreset()
    {
        assertEquals("x.yaml:2:9: preset: model counter has no preset 'bog' (did you mean 'big'?); its presets " +
            "are big, tiny", problem(file("model: counter\npreset: bog\n"), Scenario.empty()));
    }

    @Test
    void shouldRejectUnknownParameterListingTheModelsParameters()
    {
        assertEquals("x.yaml:3:3: parameters.scael: not a parameter of model counter (did you mean 'scale'?); " +
            "its parameters are increment, scale, loud, label",
            problem(file("model: counter\nparameters:\n  scael: 4\n"), Scenario.empty()));
        assertTrue(problem(file("model: counter\n"), flags("--param", "nope=1"))
            .startsWith("--param nope=1: not a parameter of model counter"));
    }

    @Test
    void shouldTypeParametersAsTheModelDeclaresThem()
    {
        assertEquals("x.yaml:3:10: parameters.scale: must be a number, was \"far\"",
            problem(file("model: counter\nparameters:\n  scale: \"far\"\n"), Scenario.empty()));
        assertEquals("x.yaml:3:14: parameters.increment: must be an integer, was 1.5",
            problem(file("model: counter\nparameters:\n  increment: 1.5\n"), Scenario.empty()));
        assertEquals("x.yaml:3:9: parameters.loud: must be true or false, was \"yes\"",
            problem(file("model: counter\nparameters:\n  loud: yes\n"), Scenario.empty()));
        assertEquals("--param scale=far: must be a number, was \"far\"",
            problem(file("model: counter\n"), flags("--param", "scale=far")));
        assertEquals("--param increment=5000: must be at most 1000, was 5000",
            problem(file("model: counter\n"), flags("--param", "increment=5000")));
    }

    @Test
    void shouldRejectZeroOrNegativeCounts()
    {
        assertEquals("x.yaml:2:9: agents: must be at least 1, was 0",
            problem(file("model: counter\nagents: 0\n"), Scenario.empty()));
        assertEquals("x.yaml:2:8: ticks: must be at least 1, was -3",
            problem(file("model: counter\nticks: -3\n"), Scenario.empty()));
        assertEquals("x.yaml:2:10: threads: must be at least 1, was 0",
            problem(file("model: counter\nthreads: 0\n"), Scenario.empty()));
        assertEquals("--agents: must be at least 1, was -5",
            problem(file("model: counter\n"), flags("--agents", "-5")));
        assertEquals("--ticks: must be at least 1, was 0",
            problem(file("model: counter\n"), flags("--ticks", "0")));
        assertEquals("--threads: must be at least 1, was 0",
            problem(file("model: counter\n"), flags("--threads", "0")));
        assertEquals("--batch-size: must be at least 1, was 0",
            problem(file("model: counter\n"), flags("--batch-size", "0")));
        assertEquals("--agents: must be at most 2147483647, was 3000000000",
            problem(file("model: counter\n"), flags("--agents", "3000000000")));
    }

    @Test
    void shouldRejectUnknownLayoutAndWaitStrategy()
    {
        assertTrue(problem(file("model: counter\nlayout: columns\n"), Scenario.empty())
            .startsWith("x.yaml:2:9: layout: unknown layout 'columns': use soa, aos or aosoa<N>"));
        assertTrue(problem(file("model: counter\n"), flags("--wait-strategy", "nap"))
            .startsWith("--wait-strategy: unknown wait strategy 'nap': use backoff"));
    }

    @Test
    void shouldResolveEveryScenarioInTheScenariosDirectory() throws IOException
    {
        final Path scenarios = Paths.get("..", "scenarios");
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(scenarios))
        {
            list.filter((p) -> p.toString().endsWith(".yaml")).forEach(files::add);
        }

        assertFalse(files.isEmpty(), "no scenarios in " + scenarios.toAbsolutePath());
        for (final Path path : files)
        {
            final RunSettings settings = RunSettings.resolve(
                ScenarioParser.parse(path, path.toString()), Scenario.empty(), 1);
            assertTrue(settings.ticks() >= 1, path.toString());
        }
    }

    @Test
    void shouldWriteScenarioThatResolvesToTheSameSettings()
    {
        final RunSettings settings = RunSettings.resolve(
            file("model: counter\npreset: big\nthreads: 2\nlayout: aosoa16\nparameters:\n  label: hi there\n"),
            flags("--param", "scale=0.25", "--seed", "-3"),
            1);

        final RunSettings again = RunSettings.resolve(
            ScenarioParser.parse(ScenarioWriter.toYaml(settings), "scenario.yaml"), Scenario.empty(), 7);

        assertEquals(settings.model(), again.model());
        assertEquals(settings.agents(), again.agents());
        assertEquals(settings.ticks(), again.ticks());
        assertEquals(settings.threads(), again.threads());
        assertEquals(settings.seed(), again.seed());
        assertEquals(settings.layout().name(), again.layout().name());
        assertEquals(settings.batchSize(), again.batchSize());
        assertEquals(settings.waitStrategy(), again.waitStrategy());
        assertEquals(settings.parameters(), again.parameters());
    }
}
