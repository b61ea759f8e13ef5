package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.myriad.kernel.model.Models;

/**
 * For every model on the class path: a journaled run replays to the same hashes, and a run resumed from a
 * checkpoint in its middle ends with the hash of the run that was never interrupted.
 */
class ModelIdentityTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> models()
    {
        // the tools module's own test plugins (counter, broken, hungry) are not models a user runs; a model runs at
        // most 3,000 agents, fewer if that is its default (forest fire has one agent: the forest)
        return Models.all().stream()
            .filter((plugin) -> !plugin.getClass().getPackageName().equals(CounterPlugin.class.getPackageName()))
            .map((plugin) -> Arguments.of(plugin.name(), Integer.toString(Math.min(3000, plugin.defaultAgents()))));
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldReplayAndResumeToTheUninterruptedState(final String model, final String agents) throws IOException
    {
        final CliRun full = CliRun.run(dir, "run", "--model", model, "--agents", agents, "--ticks", "40",
            "--threads", "2", "--hash-every", "5", "--journal-level", "events", "--checkpoint-every-ticks", "12",
            "--keep-checkpoints", "5", "--out", "full", "--json");
        assertEquals(Main.EXIT_OK, full.status, full.toString());
        final String fullHash = JSON.readTree(full.lastOutLine()).get("state_hash").textValue();

        final CliRun replay = CliRun.run(dir, "replay", "full", "--threads", "1", "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        final JsonNode replayed = JSON.readTree(replay.lastOutLine());
        assertTrue(replayed.get("verified").booleanValue(), replay.toString());
        assertEquals(13, replayed.get("hashes_compared").intValue(),
            "ticks 0, 5, ..., 40, the checkpoints at 12, 24 and 36, and the end");
        assertEquals(fullHash, replayed.get("state_hash").textValue());

        final CliRun half = CliRun.run(dir, "run", "--model", model, "--agents", agents, "--ticks", "30",
            "--threads", "2", "--hash-every", "5", "--journal-level", "events", "--checkpoint-every-ticks", "12",
            "--keep-checkpoints", "5", "--out", "half");
        assertEquals(Main.EXIT_OK, half.status, half.toString());
        final Path middle = dir.resolve("half/checkpoints/tick-000000000012.manifest");
        assertTrue(Files.exists(middle), "a checkpoint at tick 12");
        final CliRun resumed = CliRun.run(dir, "resume", middle.toString(), "--ticks", "10", "--threads", "1",
            "--json");
        assertEquals(Main.EXIT_OK, resumed.status, resumed.toString());
        assertTrue(resumed.err.contains("from checkpoint tick-000000000012.manifest (tick 12)"), resumed.err);
        assertEquals(fullHash, JSON.readTree(resumed.lastOutLine()).get("state_hash").textValue(),
            model + " resumed from tick 12 to 40 ends as the uninterrupted run");
        final CliRun verify = CliRun.run(dir, "journal", "verify", "half");
        assertEquals(Main.EXIT_OK, verify.status, verify.toString());
    }
}
