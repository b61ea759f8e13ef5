package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code myriad run}, {@code resume} and {@code replay} of a model on the event clock ({@code poisson}).
 */
class EventClockCliTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRunUntilTheMaxSimTimeThenCallTheRunCompleteAndReplayIt() throws IOException
    {
        final CliRun run = CliRun.run(dir, "run", "--model", "poisson", "--agents", "2000", "--until", "20",
            "--threads", "2", "--checkpoint-every-ticks", "5000", "--json", "--out", "ev");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final JsonNode summary = JSON.readTree(run.outLines().get(run.outLines().size() - 1));
        assertEquals("events", summary.get("clock").textValue());
        final double simTime = summary.get("sim_time").doubleValue();
        assertTrue(simTime > 19.9 && simTime <= 20.0, "sim time " + simTime);
        // 2,000 agents deciding once a second on average for 20 s, one event a step
        final long events = summary.get("events").longValue();
        assertTrue(Math.abs(events - 40_000) < 1_000, events + " events");
        assertEquals(events, summary.get("ticks").longValue());
        assertTrue(summary.get("events_per_second").doubleValue() > 0);
        assertEquals(2000, summary.get("journal").get("hash_every").longValue(), "a hash every step per agent");
        assertTrue(run.out.contains("events                 " + String.format("%,d", events) + " to sim time"),
            run.out);
        assertTrue(Files.readString(dir.resolve("ev/scenario.yaml")).contains("max_sim_time: 20.0"));

        final CliRun resume = CliRun.run(dir, "resume", "ev");
        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertTrue(resume.out.startsWith("the run in ev is complete: it ran until it was over and ended at tick " +
            events), resume.out);

        final CliRun replay = CliRun.run(dir, "replay", "ev", "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        final JsonNode replayed = JSON.readTree(replay.outLines().get(replay.outLines().size() - 1));
        assertEquals(summary.get("state_hash").textValue(), replayed.get("state_hash").textValue());
    }

    @Test
    void shouldResumeAnEventRunStoppedEarlyToTheHashOfOneThatWasNot() throws IOException
    {
        final CliRun whole = CliRun.run(dir, "run", "--model", "poisson", "--agents", "1000", "--until", "15",
            "--threads", "2", "--json", "--out", "whole");
        assertEquals(Main.EXIT_OK, whole.status, whole.toString());
        final CliRun part = CliRun.run(dir, "run", "--model", "poisson", "--agents", "1000", "--until", "15",
            "--ticks", "6000", "--threads", "2", "--checkpoint-every-ticks", "2500", "--out", "part");
        assertEquals(Main.EXIT_OK, part.status, part.toString());

        final CliRun resumed = CliRun.run(dir, "resume", "part", "--ticks", "100000", "--json");

        assertEquals(Main.EXIT_OK, resumed.status, resumed.toString());
        final JsonNode end = JSON.readTree(resumed.outLines().get(resumed.outLines().size() - 1));
        final JsonNode expected = JSON.readTree(whole.outLines().get(whole.outLines().size() - 1));
        assertEquals(expected.get("state_hash").textValue(), end.get("state_hash").textValue());
        assertEquals(expected.get("ticks").longValue(), end.get("ticks").longValue());
        assertEquals(expected.get("events").longValue(), end.get("events").longValue());
    }

    @Test
    void shouldRefuseAMaxSimTimeForAModelOnTheTickClock()
    {
        final CliRun run = CliRun.run(dir, "run", "--model", "counter", "--until", "5", "--out", "ticks");

        assertEquals(Main.EXIT_BAD_INPUT, run.status, run.toString());
        assertTrue(run.err.contains("--until: model counter runs on the tick clock"), run.err);
        assertFalse(Files.exists(dir.resolve("ticks")));
    }

    @Test
    void shouldPaceARunAndReportHowLateItsStepsStartedWithoutChangingItsHash() throws IOException
    {
        final CliRun paced = CliRun.run(dir, "run", "--model", "poisson", "--preset", "small", "--until", "2",
            "--time-scale", "40", "--json", "--out", "paced");
        final CliRun flat = CliRun.run(dir, "run", "--model", "poisson", "--preset", "small", "--until", "2",
            "--json", "--out", "flat");

        assertEquals(Main.EXIT_OK, paced.status, paced.toString());
        final JsonNode summary = JSON.readTree(paced.outLines().get(paced.outLines().size() - 1));
        final JsonNode unpaced = JSON.readTree(flat.outLines().get(flat.outLines().size() - 1));
        assertEquals(40.0, summary.get("time_scale").doubleValue());
        assertTrue(summary.get("pacing_lag_ns").get("p99").longValue() >= 0);
        // 2 sim seconds at 40 a wall second: at least 50 ms
        assertTrue(summary.get("wall_seconds").doubleValue() >= 0.045, summary.toString());
        assertEquals(unpaced.get("state_hash").textValue(), summary.get("state_hash").textValue());
        assertFalse(unpaced.has("pacing_lag_ns"));
        assertTrue(Files.readString(dir.resolve("paced/scenario.yaml")).contains("time_scale: 40.0"));
    }

    @ParameterizedTest
    @CsvSource({ "--until, -3", "--time-scale, -1", "--time-scale, NaN" })
    void shouldRefuseAPaceOrAnEndThatIsNotATime(final String flag, final String value)
    {
        final CliRun run = CliRun.run(dir, "run", "--model", "poisson", flag, value, "--out", "bad");

        assertEquals(Main.EXIT_BAD_INPUT, run.status, run.toString());
        assertTrue(run.err.contains(flag), run.err);
        assertFalse(Files.exists(dir.resolve("bad")));
    }
}
