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

    /**
     * A declared model for the test: talkers that mail each other with a latency of three steps (so checkpoints
     * hold messages in flight), broadcast now and then, and keep what they heard.
     */
    static final String DECLARED = """
        agents:
          Talker:
            count: 500
            prefix: T
            fields:
              heard: long
              mood: { type: double, initial: "uniform(0, 1)" }
            policy:
              - when: random() < 0.3
                then: [ { send: { channel: mail, to: "floor(random() * count)", level: mood } } ]
              - when: random() < 0.05
                then: [ { send: { channel: news, level: "mood * 2" } } ]
              - when: count(mail) + count(news) > 0
                then:
                  - set: { heard: "heard + count(mail) + count(news)", mood: "mood * 0.9 + 0.1 * mean(mail.level)" }
        channels:
          mail: { kind: direct, message: { level: double }, capacity: 2000, latency: 3 }
          news: { kind: broadcast, message: { level: double }, capacity: 64, full: drop_oldest }
        connections:
          - { from: T_*, to: mail }
          - { from: mail, to: Talker }
          - { from: T_*, to: news }
          - { from: news, to: "*" }
        """;

    /**
     * @return the arguments that name what to run: a declared model's scenario, or another model and its agents.
     */
    private String[] what(final String model, final String agents) throws IOException
    {
        if (model.equals("declared"))
        {
            Files.writeString(dir.resolve("declared.yaml"), DECLARED);
            return new String[] { "declared.yaml" };
        }
        return new String[] { "--model", model, "--agents", agents };
    }

    private static String[] args(final String[] what, final String... rest)
    {
        final String[] all = new String[what.length + rest.length + 1];
        all[0] = "run";
        System.arraycopy(what, 0, all, 1, what.length);
        System.arraycopy(rest, 0, all, 1 + what.length, rest.length);
        return all;
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldReplayAndResumeToTheUninterruptedState(final String model, final String agents) throws IOException
    {
        final String[] what = what(model, agents);
        final CliRun full = CliRun.run(dir, args(what, "--ticks", "40",
            "--threads", "2", "--hash-every", "5", "--journal-level", "events", "--checkpoint-every-ticks", "12",
            "--keep-checkpoints", "5", "--out", "full", "--json"));
        assertEquals(Main.EXIT_OK, full.status, full.toString());
        final String fullHash = JSON.readTree(full.lastOutLine()).get("state_hash").textValue();

        final CliRun replay = CliRun.run(dir, "replay", "full", "--threads", "1", "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        final JsonNode replayed = JSON.readTree(replay.lastOutLine());
        assertTrue(replayed.get("verified").booleanValue(), replay.toString());
        assertEquals(13, replayed.get("hashes_compared").intValue(),
            "ticks 0, 5, ..., 40, the checkpoints at 12, 24 and 36, and the end");
        assertEquals(fullHash, replayed.get("state_hash").textValue());

        final CliRun half = CliRun.run(dir, args(what, "--ticks", "30",
            "--threads", "2", "--hash-every", "5", "--journal-level", "events", "--checkpoint-every-ticks", "12",
            "--keep-checkpoints", "5", "--out", "half"));
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
