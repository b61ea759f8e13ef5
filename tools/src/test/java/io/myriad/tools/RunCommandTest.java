package io.myriad.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = Paths.get("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(final String... args)
    {
        return CliRun.run(dir, args);
    }

    private static JsonNode lastLineJson(final CliRun run) throws IOException
    {
        return JSON.readTree(run.lastOutLine());
    }

    private Path onlyRunDirectory() throws IOException
    {
        try (Stream<Path> runs = Files.list(dir.resolve("runs")))
        {
            final List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void shouldPrintJsonSummaryAsLastLineWithEveryKeyTyped() throws IOException
    {
        final CliRun run = run("run", "--model", "counter", "--agents", "1000", "--ticks", "10", "--json",
            "--param", "increment=3", "--threads", "2");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals("", run.err);
        final JsonNode json = lastLineJson(run);
        assertEquals("counter", json.get("model").textValue());
        assertTrue(json.get("agents").isInt());
        assertEquals(1000, json.get("agents").intValue());
        assertTrue(json.get("ticks").isIntegralNumber());
        assertEquals(10, json.get("ticks").longValue());
        assertEquals(2, json.get("threads").intValue());
        assertTrue(json.get("seed").isIntegralNumber());
        assertEquals(42, json.get("seed").longValue());
        assertTrue(json.get("wall_seconds").isDouble() && json.get("wall_seconds").doubleValue() > 0);
        final double wall = json.get("wall_seconds").doubleValue();
        assertEquals(1000 * 10 / wall, json.get("agent_updates_per_second").doubleValue(), 1e-6 * 1000 * 10 / wall);
        final JsonNode tickNs = json.get("tick_ns");
        for (final String percentile : List.of("p50", "p99", "p999", "max"))
        {
            assertTrue(tickNs.get(percentile).isIntegralNumber(), percentile);
            assertTrue(tickNs.get(percentile).longValue() > 0, percentile);
        }
        assertTrue(tickNs.get("p50").longValue() <= tickNs.get("max").longValue());
        assertTrue(json.get("allocated_bytes_per_tick").isNumber());
        assertTrue(json.get("allocated_bytes_per_tick_mean").isNumber());
        assertTrue(json.get("ticks_that_allocated").isNumber());
        assertEquals(5, json.get("allocation_ticks").intValue(), "10 ticks less 5 of warm-up");
        assertTrue(json.get("state_hash").textValue().matches("[0-9a-f]{16}"), json.get("state_hash").textValue());
        assertEquals(System.getProperty("java.version"), json.get("java_version").textValue());
        assertEquals("soa", json.get("layout").textValue());
        assertEquals(30.0, json.get("metrics").get("mean_value").doubleValue(), "10 ticks of +3");
        assertEquals(3, json.get("parameters").get("increment").intValue());
    }

    @Test
    void shouldWriteSummaryAndScenarioIntoDefaultRunDirectory() throws IOException
    {
        final CliRun run = run("run", "--model", "counter", "--agents", "100", "--ticks", "3", "--seed", "7",
            "--json");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final Path runDirectory = onlyRunDirectory();
        assertTrue(runDirectory.getFileName().toString().matches("counter-\\d{8}-\\d{6}-7"), runDirectory.toString());
        final JsonNode summary = JSON.readTree(runDirectory.resolve("summary.json").toFile());
        assertEquals(lastLineJson(run), summary);
        assertEquals("runs/" + runDirectory.getFileName(), summary.get("run_directory").textValue());
        assertTrue(Files.isRegularFile(runDirectory.resolve("scenario.yaml")));
        assertTrue(run.out.contains("state hash"), run.out);
    }

    @Test
    void shouldWriteEveryTypesCountAndTheModelsMetricsToMetricsCsv() throws IOException
    {
        final CliRun run = run("run", "--model", "exchange", "--agents", "50", "--ticks", "25", "--metrics-every",
            "10", "--out", "m");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final List<String> lines = Files.readAllLines(dir.resolve("m/metrics.csv"));
        assertTrue(lines.get(0).startsWith("step,traders,money_mean,money_min,money_max,money[0:50),"), lines.get(0));
        assertEquals(List.of("0", "10", "20", "25"), lines.stream().skip(1).map((l) -> l.split(",")[0]).toList(),
            "the start, every 10 ticks and the end");
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] values = line.split(",");
            assertEquals(lines.get(0).split(",").length, values.length, line);
            assertEquals("50", values[1], "50 traders throughout: " + line);
            assertEquals(100.0, Double.parseDouble(values[2]), 1e-9, "money is conserved: " + line);
        }

        final CliRun none = run("run", "--model", "exchange", "--agents", "50", "--ticks", "5", "--metrics-every",
            "0", "--out", "n");
        assertEquals(Main.EXIT_OK, none.status, none.toString());
        assertFalse(Files.exists(dir.resolve("n/metrics.csv")));
    }

    @Test
    void shouldWriteIntoOutDirectoryAndNotOverwriteARun() throws IOException
    {
        final CliRun first = run("run", "--model", "counter", "--ticks", "2", "--out", "mine/first");
        final CliRun again = run("run", "--model", "counter", "--ticks", "2", "--out", "mine/first");

        assertEquals(Main.EXIT_OK, first.status, first.toString());
        assertTrue(Files.isRegularFile(dir.resolve("mine/first/summary.json")));
        assertFalse(Files.exists(dir.resolve("runs")));
        assertEquals(Main.EXIT_BAD_INPUT, again.status, again.toString());
        assertEquals(List.of("myriad: --out mine/first: already holds a run (summary.json); give another " +
            "directory or remove that one"), again.errLines());
    }

    @Test
    void shouldReproduceARunFromItsScenarioYamlOnAnyNumberOfThreads() throws IOException
    {
        final CliRun first = run("run", "--model", "counter", "--agents", "10000", "--ticks", "4", "--preset", "big",
            "--batch-size", "512", "--json", "--out", "first");
        final CliRun again = run("run", "first/scenario.yaml", "--threads", "3", "--json", "--out", "again");

        assertEquals(Main.EXIT_OK, first.status, first.toString());
        assertEquals(Main.EXIT_OK, again.status, again.toString());
        final JsonNode a = lastLineJson(first);
        final JsonNode b = lastLineJson(again);
        assertEquals(a.get("state_hash"), b.get("state_hash"));
        assertEquals(a.get("parameters"), b.get("parameters"));
        assertEquals(512, b.get("batch_size").intValue());
        assertEquals(3, b.get("threads").intValue());
        assertEquals("first/scenario.yaml", b.get("scenario").textValue());
    }

    @Test
    void shouldLetFlagsOverrideTheScenarioFile() throws IOException
    {
        Files.writeString(dir.resolve("x.yaml"), "model: counter\nagents: 50\nticks: 3\nseed: 5\n");

        final CliRun run = run("run", "x.yaml", "--agents", "70", "--seed", "6", "--json");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final JsonNode json = lastLineJson(run);
        assertEquals(70, json.get("agents").intValue());
        assertEquals(3, json.get("ticks").intValue());
        assertEquals(6, json.get("seed").intValue());
        assertEquals("x.yaml", json.get("scenario").textValue());
    }

    @Test
    void shouldRunAnotherModelWithItsOwnDefaultsWhenNoScenarioIsGiven() throws IOException
    {
        final CliRun run = CliRun.run(dir, REPOSITORY, "run", "--model", "counter", "--ticks", "2", "--json");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals(100, lastLineJson(run).get("agents").intValue(), "counter's default, not the default scenario's");
    }

    @Test
    void shouldKeepTheBuiltInDefaultScenarioInStepWithScenariosDefaultYaml()
    {
        final RunSettings fromFile = RunSettings.resolve(
            ScenarioParser.parse(REPOSITORY.resolve(RunCommand.DEFAULT_SCENARIO), RunCommand.DEFAULT_SCENARIO),
            Scenario.empty(), 1);
        final RunSettings builtIn = RunSettings.resolve(
            ScenarioParser.parse(RunCommand.BUILT_IN_SCENARIO_YAML, RunCommand.BUILT_IN_SCENARIO),
            Scenario.empty(), 1);

        assertEquals("flocking", fromFile.model());
        assertEquals(1_000_000, fromFile.agents());
        assertEquals(200, fromFile.ticks());
        assertEquals(fromFile.model(), builtIn.model());
        assertEquals(fromFile.preset(), builtIn.preset());
        assertEquals(fromFile.agents(), builtIn.agents());
        assertEquals(fromFile.ticks(), builtIn.ticks());
        assertEquals(fromFile.seed(), builtIn.seed());
        assertEquals(fromFile.parameters(), builtIn.parameters());
    }

    @Test
    @Timeout(60)
    void shouldRunMoreBatchesThanTheDefaultRingHasSlots() throws IOException
    {
        final CliRun run = run("run", "--model", "counter", "--agents", "3000", "--batch-size", "2", "--ticks", "2",
            "--threads", "2", "--json");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals(2.0, lastLineJson(run).get("metrics").get("mean_value").doubleValue());
    }

    static Stream<Arguments> badInputs()
    {
        return Stream.of(
            Arguments.of("missing file", null, new String[]{ "nope.yaml" },
                "nope.yaml: no such scenario file"),
            Arguments.of("YAML syntax error", "model: counter\nagents: [1, 2\nticks: 3\n", new String[]{ "x.yaml" },
                "x.yaml:3:"),
            Arguments.of("unknown model", null, new String[]{ "--model", "nope" },
                "--model: unknown model 'nope'; known models: "),
            Arguments.of("unknown model in file", "model: nope\n", new String[]{ "x.yaml" },
                "x.yaml:1:8: model: unknown model 'nope'"),
            Arguments.of("unknown key", "model: counter\ncolour: red\n", new String[]{ "x.yaml" },
                "x.yaml:2:1: colour: unknown key"),
            Arguments.of("wrong type", "model: counter\nparameters:\n  scale: far\n", new String[]{ "x.yaml" },
                "x.yaml:3:10: parameters.scale: must be a number, was \"far\""),
            Arguments.of("unknown parameter", "model: counter\nparameters:\n  vision: 5\n", new String[]{ "x.yaml" },
                "x.yaml:3:3: parameters.vision: not a parameter of model counter"),
            Arguments.of("zero agents in file", "model: counter\nagents: 0\n", new String[]{ "x.yaml" },
                "x.yaml:2:9: agents: must be at least 1, was 0"),
            Arguments.of("zero agents", null, new String[]{ "--model", "counter", "--agents", "0" },
                "--agents: must be at least 1, was 0"),
            Arguments.of("negative agents", null, new String[]{ "--model", "counter", "--agents", "-5" },
                "--agents: must be at least 1, was -5"),
            Arguments.of("agents not a number", null, new String[]{ "--model", "counter", "--agents", "lots" },
                "--agents: must be an integer, was \"lots\""),
            Arguments.of("more agents than the layout holds", null,
                new String[]{ "--model", "counter", "--agents", "300000000" },
                "--agents: 300,000,000 counter agents do not fit the soa layout, which holds at most 268,435,440 of " +
                "them (a store's memory regions are each at most 2 GiB); run at most 268,435,440 agents"),
            Arguments.of("more agents than the layout holds, checked on the model created", null,
                new String[]{ "--model", "drift", "--agents", "300000000" },
                "--agents: 300,000,000 drift agents do not fit the soa layout, which holds at most 268,435,440 of " +
                "them (a store's memory regions are each at most 2 GiB); run at most 268,435,440 agents"),
            Arguments.of("more agents than the layout holds but another would", null,
                new String[]{ "--model", "drift", "--agents", "1e8", "--layout", "aos" },
                "--agents: 100,000,000 drift agents do not fit the aos layout, which holds at most 67,108,860 of " +
                "them (a store's memory regions are each at most 2 GiB); use the soa layout (--layout soa), which " +
                "holds up to 268,435,440, or run at most 67,108,860 agents"),
            Arguments.of("more agents than the layout holds, from a file", "model: drift\nagents: 1e8\nlayout: aos\n",
                new String[]{ "x.yaml" },
                "x.yaml:2:9: agents: 100,000,000 drift agents do not fit the aos layout, which holds at most " +
                "67,108,860 of them (a store's memory regions are each at most 2 GiB); use the soa layout " +
                "(layout: soa), which holds up to 268,435,440, or run at most 67,108,860 agents"),
            Arguments.of("more agents than the layout holds, for a model that runs out of memory first", null,
                new String[]{ "--model", "hungry", "--agents", "300000000" },
                "--agents: 300,000,000 hungry agents do not fit the soa layout, which holds at most 268,435,440 of " +
                "them (a store's memory regions are each at most 2 GiB); run at most 268,435,440 agents"),
            Arguments.of("zero ticks", null, new String[]{ "--model", "counter", "--ticks", "0" },
                "--ticks: must be at least 1, was 0"),
            Arguments.of("negative ticks", "model: counter\nmax_ticks: -1\n", new String[]{ "x.yaml" },
                "x.yaml:2:12: max_ticks: must be at least 1, was -1"),
            Arguments.of("zero threads", null, new String[]{ "--model", "counter", "--threads", "0" },
                "--threads: must be at least 1, was 0"),
            Arguments.of("bad param value", null, new String[]{ "--model", "counter", "--param", "scale=far" },
                "--param scale=far: must be a number, was \"far\""),
            Arguments.of("param out of range", null, new String[]{ "--model", "counter", "--param", "scale=-1" },
                "--param scale=-1: must be at least 0, was -1"),
            Arguments.of("param without value", null, new String[]{ "--model", "counter", "--param", "scale" },
                "--param scale: expected NAME=VALUE"),
            Arguments.of("unknown param", null, new String[]{ "--model", "counter", "--param", "scael=1" },
                "--param scael=1: not a parameter of model counter (did you mean 'scale'?)"),
            Arguments.of("unknown preset", null, new String[]{ "--model", "counter", "--preset", "huge" },
                "--preset: model counter has no preset 'huge'"),
            Arguments.of("unknown layout", null, new String[]{ "--model", "counter", "--layout", "soa2" },
                "--layout: unknown layout 'soa2'"),
            Arguments.of("unknown wait strategy", null, new String[]{ "--model", "counter", "--wait-strategy", "x" },
                "--wait-strategy: unknown wait strategy 'x'"),
            Arguments.of("negative metrics every", "model: counter\nmetrics_every: -5\n", new String[]{ "x.yaml" },
                "x.yaml:2:16: metrics_every: must be at least 0, was -5"),
            Arguments.of("zero batch size", null, new String[]{ "--model", "counter", "--batch-size", "0" },
                "--batch-size: must be at least 1, was 0"),
            Arguments.of("model rejects settings", null,
                new String[]{ "--model", "counter", "--param", "label=reject" },
                "--param label=reject: 'reject' is rejected; use any other label (model counter)"),
            Arguments.of("model rejects settings from file", "model: counter\nparameters:\n  label: reject\n",
                new String[]{ "x.yaml" }, "x.yaml:3:10: parameters.label: 'reject' is rejected"),
            Arguments.of("out is a file", "model: counter\n", new String[]{ "--model", "counter", "--out", "x.yaml" },
                "--out x.yaml: is a file"),
            Arguments.of("unknown option", null, new String[]{ "--model", "counter", "--agnets", "5" },
                "Unknown option: '--agnets'"),
            Arguments.of("no model", "ticks: 3\n", new String[]{ "x.yaml" },
                "x.yaml: no model to run"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void shouldRejectBadInputInOneLineWithStatusTwoAndWriteNothing(
        final String description, final String file, final String[] args, final String expected) throws IOException
    {
        if (file != null)
        {
            Files.writeString(dir.resolve("x.yaml"), file);
        }
        final String[] command = new String[args.length + 2];
        command[0] = "run";
        System.arraycopy(args, 0, command, 1, args.length);
        command[command.length - 1] = "--json";

        final CliRun run = run(command);

        assertEquals(Main.EXIT_BAD_INPUT, run.status, run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        final String line = run.errLines().get(0);
        assertTrue(line.startsWith("myriad: "), line);
        assertTrue(line.contains(expected), line + "\n does not contain: " + expected);
        assertFalse(line.contains("Exception"), line);
        assertEquals("", run.out);
        try (Stream<Path> left = Files.list(dir))
        {
            assertEquals(file == null ? List.of() : List.of(dir.resolve("x.yaml")), left.toList(),
                "nothing but the scenario may be left in the working directory");
        }
    }

    @Test
    void shouldReportInternalFailureWithStatusOneAndNoStackTrace()
    {
        final CliRun run = run("run", "--model", "broken", "--ticks", "1");

        assertEquals(Main.EXIT_FAILURE, run.status, run.toString());
        assertEquals(List.of("myriad: internal error: java.lang.IllegalStateException: boom " +
            "(run again with --verbose for the stack trace)"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void shouldWarnWhenThreadsOutnumberProcessorsAndWaitBlocking() throws IOException
    {
        final int processors = Runtime.getRuntime().availableProcessors();
        final int threads = processors + 3;
        final CliRun run = run("run", "--model", "counter", "--agents", "1000", "--batch-size", "10", "--ticks", "3",
            "--threads", Integer.toString(threads), "--no-journal", "--json");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals(List.of("myriad: warning: " + threads + " threads on " + processors +
            (processors == 1 ? " processor" : " processors") + ": threads beyond one per processor only take turns " +
            "with the others, so the run is slower, not faster; --threads " + processors + " or fewer runs faster " +
            "(meanwhile, idle workers wait blocking rather than spinning, so that they take no time from the busy " +
            "ones)"), run.errLines());
        assertEquals("blocking", lastLineJson(run).get("wait_strategy").textValue());
        assertTrue(run.out.contains("wait blocking"), run.out);
    }

    @Test
    void shouldWarnAboutASpinningWaitStrategyNamedForMoreThreadsThanProcessors()
    {
        final int processors = Runtime.getRuntime().availableProcessors();
        final CliRun run = run("run", "--model", "counter", "--agents", "100", "--ticks", "2", "--no-journal",
            "--threads", Integer.toString(processors + 1), "--wait-strategy", "backoff", "--out", "spin");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err.contains("; and the wait strategy backoff (--wait-strategy) keeps idle workers spinning " +
            "or yielding, taking time from the busy ones: blocking suits more threads than processors"), run.err);
        assertTrue(run.out.contains("wait backoff"), run.out);
    }

    @Test
    void shouldNotWarnWhileEveryThreadHasAProcessor()
    {
        final CliRun run = run("run", "--model", "counter", "--agents", "100", "--ticks", "2", "--no-journal",
            "--threads", Integer.toString(Runtime.getRuntime().availableProcessors()), "--out", "fits");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals("", run.err);
        assertTrue(run.out.contains("wait backoff"), run.out);
    }

    @Test
    void shouldReportAModelOutOfMemoryForAgentsThatFitWithStatusOne()
    {
        final CliRun run = run("run", "--model", "hungry", "--agents", "5000", "--ticks", "1");

        assertEquals(Main.EXIT_FAILURE, run.status, run.toString());
        assertEquals(List.of("myriad: out of memory running 5,000 agents of hungry (Java heap space); give the JVM " +
            "more, e.g. MYRIAD_JAVA_OPTS='-Xmx16g -XX:MaxDirectMemorySize=16g', or run fewer agents"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void shouldPrintStackTraceOfInternalFailureWhenVerbose()
    {
        final CliRun run = run("run", "--model", "broken", "--verbose");

        assertEquals(Main.EXIT_FAILURE, run.status, run.toString());
        assertTrue(run.err.startsWith("myriad: internal error: java.lang.IllegalStateException: boom\n"), run.err);
        assertTrue(run.err.contains("\tat io.myriad.tools.BrokenPlugin.create"), run.err);
    }

    @Test
    void shouldRunFlockingEndToEndWithTheSameHashOnOneAndTwoThreads() throws IOException
    {
        final CliRun one = run("run", "--model", "flocking", "--agents", "2000", "--ticks", "5", "--threads", "1",
            "--json", "--out", "one");
        final CliRun two = run("run", "--model", "flocking", "--agents", "2000", "--ticks", "5", "--threads", "2",
            "--json", "--out", "two");

        assertEquals(Main.EXIT_OK, one.status, one.toString());
        assertEquals(Main.EXIT_OK, two.status, two.toString());
        final JsonNode json = lastLineJson(one);
        assertEquals("flocking", json.get("model").textValue());
        assertEquals(2000, json.get("agents").intValue());
        assertEquals(5, json.get("ticks").intValue());
        assertFalse(json.get("metrics").isEmpty(), json.toString());
        assertEquals(json.get("state_hash"), lastLineJson(two).get("state_hash"));
        assertNotEquals(0.0, json.get("agent_updates_per_second").doubleValue());
    }
}
