package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a new user ran into: a preset overruled by the default scenario, a run directory named after a negative seed
 * with "--", integer bounds printed as 2.3e+18, a dump that kept printing into a closed pipe.
 */
class NewUserFixesTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRunAPresetAsDeclaredWhenAModelIsNamed() throws IOException
    {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/default.yaml"), "model: flocking\npreset: large\nagents: 1000000\n");
        final CliRun run = CliRun.run(dir, "run", "--model", "flocking", "--preset", "large", "--ticks", "1",
            "--no-journal", "--json");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals(400, JSON.readTree(run.lastOutLine()).get("agents").intValue(), "the preset's 400 birds");
    }

    @Test
    void shouldNameTheRunDirectoryOfANegativeSeedWithoutADoubleDash() throws IOException
    {
        final CliRun run = CliRun.run(dir, "run", "--model", "drift", "--agents", "10", "--ticks", "1",
            "--seed", "-5", "--no-journal");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        try (Stream<Path> runs = Files.list(dir.resolve("runs")))
        {
            final String name = runs.findFirst().orElseThrow().getFileName().toString();
            assertTrue(name.startsWith("drift-") && name.endsWith("-m5"), name);
            assertFalse(name.contains("--"), name);
        }
    }

    @Test
    void shouldPrintIntegerBoundsAsIntegers()
    {
        final CliRun models = CliRun.run(dir, "models");
        assertEquals(Main.EXIT_OK, models.status, models.toString());
        // an integer's bounds, such as 0 .. 2305843009213693952, never in powers of ten
        models.outLines().stream().filter((line) -> line.contains(" integer "))
            .forEach((line) -> assertFalse(line.contains("e+"), line));
        assertTrue(models.outLines().stream().anyMatch((line) -> line.contains(" integer ")), models.out);
    }

    @Test
    void shouldStopDumpingWhenTheReaderGoesAway()
    {
        final CliRun run = CliRun.run(dir, "run", "--model", "exchange", "--agents", "200", "--ticks", "20",
            "--journal-level", "events", "--out", "ex");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final AtomicInteger writes = new AtomicInteger();
        final OutputStream closedPipe = new OutputStream()
        {
            @Override
            public void write(final int b) throws IOException
            {
                writes.incrementAndGet();
                throw new IOException("Broken pipe");
            }
        };
        final CommandLine commandLine = Main.commandLine(dir, dir);
        commandLine.setOut(new PrintWriter(closedPipe, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(Main.EXIT_OK, commandLine.execute("journal", "dump", "ex", "--type", "events"));
        assertTrue(writes.get() <= 2, "it stopped at the first line that could not be written: " + writes.get());
    }

    @Test
    void shouldValidateAScenarioWithoutRunningIt() throws IOException
    {
        Files.writeString(dir.resolve("good.yaml"), "model: nations\nagents: 20\nmax_sim_time: 60\n");
        final CliRun good = CliRun.run(dir, "validate", "good.yaml");
        assertEquals(Main.EXIT_OK, good.status, good.toString());
        final int threads = Runtime.getRuntime().availableProcessors();
        assertEquals("good.yaml: valid: model nations, 20 agents, event clock until 60.0 s of sim time, seed 42, " +
            threads + (threads == 1 ? " thread" : " threads") + ", decider scripted", good.out.trim());

        Files.writeString(dir.resolve("bad.yaml"), "model: nations\nagents: 20\nparameters:\n  latency: -1\n");
        final CliRun bad = CliRun.run(dir, "validate", "bad.yaml");
        final CliRun run = CliRun.run(dir, "run", "bad.yaml");
        assertEquals(Main.EXIT_BAD_INPUT, bad.status, bad.toString());
        assertEquals(run.err, bad.err, "the same message as run's");
        assertTrue(bad.err.contains("bad.yaml:4:12: parameters.latency"), bad.err);
        assertFalse(Files.exists(dir.resolve("runs")), "nothing written");
    }
}
