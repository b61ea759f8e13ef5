package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code myriad resume} on runs that have nothing left to do.
 */
class ResumeCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path completeRun()
    {
        final CliRun run = CliRun.run(dir, "run", "--model", "counter", "--agents", "300", "--ticks", "25",
            "--hash-every", "10", "--checkpoint-every-ticks", "10", "--threads", "2", "--out", "done");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        return dir.resolve("done");
    }

    @Test
    void shouldLeaveACompleteRunUntouchedAndNameItsLastTickAndStateHash() throws IOException
    {
        final Path run = completeRun();
        final Path summary = run.resolve("summary.json");
        final String hash = JSON.readTree(Files.readString(summary)).get("state_hash").textValue();
        final Map<String, byte[]> before = contents(run);
        final FileTime modified = Files.getLastModifiedTime(summary);

        final CliRun resume = CliRun.run(dir, "resume", "done");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertEquals("", resume.err);
        assertEquals(1, resume.outLines().size(), resume.toString());
        assertEquals("the run in done is complete: it was asked for 25 ticks and ended at tick 25 with state hash " +
            hash + "; nothing to resume, nothing changed (to run it further: myriad resume done --ticks N)",
            resume.outLines().get(0));
        assertSameContents(before, contents(run));
        assertEquals(modified, Files.getLastModifiedTime(summary));
    }

    @Test
    void shouldPrintACompleteRunAsJsonWhenAsked() throws IOException
    {
        final Path run = completeRun();
        final String hash = JSON.readTree(Files.readString(run.resolve("summary.json"))).get("state_hash").textValue();
        final Map<String, byte[]> before = contents(run);

        final CliRun resume = CliRun.run(dir, "resume", "done", "--json");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        final JsonNode json = JSON.readTree(resume.lastOutLine());
        assertTrue(json.get("complete").booleanValue());
        assertEquals("counter", json.get("model").textValue());
        assertEquals(25, json.get("ticks").longValue());
        assertEquals(hash, json.get("state_hash").textValue());
        assertSameContents(before, contents(run));
    }

    /**
     * A run killed after its journal's end and before it wrote its summary (a window a crash test hit) is complete:
     * resume writes the summary its journal vouches for, and touches nothing else.
     */
    @Test
    void shouldWriteTheSummaryOfACompleteRunThatEndedWithoutOne() throws IOException
    {
        final Path run = completeRun();
        final Path summary = run.resolve("summary.json");
        final String hash = JSON.readTree(Files.readString(summary)).get("state_hash").textValue();
        Files.delete(summary);
        final Map<String, byte[]> before = contents(run);

        final CliRun resume = CliRun.run(dir, "resume", "done");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertTrue(resume.err.contains("ended without writing summary.json"), resume.toString());
        assertTrue(resume.out.contains("is complete"), resume.toString());
        final JsonNode written = JSON.readTree(Files.readString(summary));
        assertTrue(written.get("complete").booleanValue());
        assertEquals(25, written.get("ticks").longValue());
        assertEquals(hash, written.get("state_hash").textValue());
        final Map<String, byte[]> after = contents(run);
        after.remove("summary.json");
        assertSameContents(before, after);
    }

    @Test
    void shouldLeaveACompleteRunUntouchedWhenOneOfItsCheckpointsIsNamed() throws IOException
    {
        final Path run = completeRun();
        final Map<String, byte[]> before = contents(run);

        final CliRun resume = CliRun.run(dir, "resume", "done/checkpoints/tick-000000000010.manifest");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertTrue(resume.out.contains("is complete"), resume.toString());
        assertSameContents(before, contents(run));
    }

    @Test
    void shouldRunACompleteRunFurtherWhenTicksAreGiven() throws IOException
    {
        completeRun();

        final CliRun resume = CliRun.run(dir, "resume", "done", "--ticks", "5", "--json");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        final JsonNode json = JSON.readTree(resume.lastOutLine());
        assertEquals(30, json.get("ticks").longValue(), "the run's ticks");
        final double rateOfFiveTicks = 300 * 5 / json.get("wall_seconds").doubleValue();
        assertEquals(rateOfFiveTicks, json.get("agent_updates_per_second").doubleValue(), rateOfFiveTicks * 1e-9,
            "agent updates per second over the five ticks timed, not over all 30");
        final CliRun again = CliRun.run(dir, "resume", "done");
        assertEquals(Main.EXIT_OK, again.status, again.toString());
        assertTrue(again.out.contains("ended at tick 30 with state hash " + json.get("state_hash").textValue()),
            again.toString());
    }

    private static Map<String, byte[]> contents(final Path directory) throws IOException
    {
        final Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                contents.put(directory.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static void assertSameContents(final Map<String, byte[]> expected, final Map<String, byte[]> actual)
    {
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        for (final Map.Entry<String, byte[]> entry : expected.entrySet())
        {
            assertArrayEquals(entry.getValue(), actual.get(entry.getKey()), entry.getKey() + " is unchanged");
        }
    }
}
