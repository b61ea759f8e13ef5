package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.Models;
import io.myriad.plugins.exchange.TransferCodec;

/**
 * {@code myriad replay} and {@code myriad journal ...} against journals that {@code myriad run} wrote, and
 * against journals built by hand to be wrong in one known way.
 */
class JournalCommandsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun cli(final String... args)
    {
        return CliRun.run(dir, args);
    }

    private Path record(final String name, final String... extra)
    {
        final List<String> args = new ArrayList<>(List.of("run", "--model", "counter", "--agents", "300",
            "--ticks", "25", "--hash-every", "10", "--threads", "2", "--out", name));
        args.addAll(Arrays.asList(extra));
        final CliRun run = cli(args.toArray(new String[0]));
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        return dir.resolve(name);
    }

    @Test
    void shouldReplayARunAndVerifyEveryHash() throws IOException
    {
        final Path run = record("r1", "--json");
        final String runHash = JSON.readTree(Files.readString(run.resolve("summary.json"))).get("state_hash")
            .textValue();
        for (final String threads : List.of("1", "3"))
        {
            final CliRun replay = cli("replay", "r1", "--threads", threads, "--json");
            assertEquals(Main.EXIT_OK, replay.status, replay.toString());
            final JsonNode json = JSON.readTree(replay.lastOutLine());
            assertTrue(json.get("verified").booleanValue());
            assertEquals(4, json.get("hashes_compared").intValue(), "ticks 0, 10, 20 and the run's end at 25");
            assertTrue(json.get("first_divergence").isNull());
            assertEquals(runHash, json.get("state_hash").textValue());
            assertTrue(json.get("agent_updates_per_second").doubleValue() > 0);
            assertEquals(25, json.get("ticks").longValue());
        }
    }

    @Test
    void shouldReportTheFirstDivergenceAndExitOne() throws IOException
    {
        final Path journal = dir.resolve("forged");
        final ModelConfig config = ModelConfig.of(Models.named("counter"), 100, 7, Map.of());
        try (JournalWriter writer = JournalWriter.create(journal,
            RunHeader.of(config, JournalLevel.INPUTS, 5, 10, StateHash.VERSION, "")))
        {
            writer.stateHash(5, 0xBADL, 100);
        }

        final CliRun replay = cli("replay", "forged", "--json");
        assertEquals(Main.EXIT_FAILURE, replay.status, replay.toString());
        final JsonNode json = JSON.readTree(replay.lastOutLine());
        assertFalse(json.get("verified").booleanValue());
        assertEquals(1, json.get("hashes_compared").intValue());
        assertEquals(5, json.get("first_divergence").get("tick").longValue());
        assertEquals("0000000000000bad", json.get("first_divergence").get("expected").textValue());
        assertTrue(replay.out.contains("first divergence at tick 5"), replay.out);
        assertTrue(replay.err.contains("no run-end record"), replay.err);
    }

    @Test
    void shouldRefuseToReplayWhatIsNotAJournal() throws IOException
    {
        final CliRun missing = cli("replay", "nowhere");
        assertEquals(Main.EXIT_BAD_INPUT, missing.status, missing.toString());
        assertTrue(missing.err.contains("nowhere: no such run directory"), missing.err);

        record("quiet", "--no-journal");
        assertFalse(Files.exists(dir.resolve("quiet/journal")));
        final CliRun noJournal = cli("replay", "quiet");
        assertEquals(Main.EXIT_BAD_INPUT, noJournal.status, noJournal.toString());
        assertTrue(noJournal.err.contains("wrote no journal"), noJournal.err);

        Files.createDirectories(dir.resolve("empty"));
        final CliRun empty = cli("journal", "verify", "empty");
        assertEquals(Main.EXIT_BAD_INPUT, empty.status, empty.toString());
        assertTrue(empty.err.contains("holds no journal"), empty.err);
    }

    @Test
    void shouldDumpRecordsAsJsonLinesWithFilters() throws IOException
    {
        record("r1");
        final CliRun all = cli("journal", "dump", "r1");
        assertEquals(Main.EXIT_OK, all.status, all.toString());
        final List<JsonNode> records = new ArrayList<>();
        for (final String line : all.out.split("\\R"))
        {
            records.add(JSON.readTree(line));
        }
        assertEquals("run_start", records.get(0).get("type").textValue());
        assertEquals("counter", records.get(0).get("model").textValue());
        assertEquals(300, records.get(0).get("agents").intValue());
        assertEquals("run_end", records.get(records.size() - 1).get("type").textValue());
        assertEquals(25, records.get(records.size() - 1).get("tick").longValue());

        final CliRun hashes = cli("journal", "dump", "r1", "--type", "state_hash", "--from", "5", "--to", "20");
        assertEquals(Main.EXIT_OK, hashes.status, hashes.toString());
        final String[] lines = hashes.out.strip().split("\\R");
        assertEquals(2, lines.length, hashes.out);
        assertEquals(10, JSON.readTree(lines[0]).get("tick").longValue());
        assertEquals(20, JSON.readTree(lines[1]).get("tick").longValue());

        final CliRun bad = cli("journal", "dump", "r1", "--type", "hashes");
        assertEquals(Main.EXIT_BAD_INPUT, bad.status, bad.toString());
        assertTrue(bad.err.contains("unknown record type; the types are run_start, state_hash"), bad.err);
    }

    @Test
    void shouldCountAndTailRecords()
    {
        record("r1");
        final CliRun stats = cli("journal", "stats", "r1");
        assertEquals(Main.EXIT_OK, stats.status, stats.toString());
        assertTrue(stats.out.contains("state_hash                3 records"), stats.out);
        assertTrue(stats.out.contains("ticks          0 to 25"), stats.out);

        final CliRun tail = cli("journal", "tail", "-n", "2", "r1");
        assertEquals(Main.EXIT_OK, tail.status, tail.toString());
        final String[] lines = tail.out.strip().split("\\R");
        assertEquals(2, lines.length, tail.out);
        assertTrue(lines[1].contains("\"run_end\""), tail.out);

        final CliRun follow = cli("journal", "tail", "-f", "r1");
        assertEquals(Main.EXIT_OK, follow.status, "a finished run's journal ends, so -f returns: " + follow);
    }

    @Test
    void shouldVerifyASoundJournalAndFindADamagedOne() throws IOException
    {
        record("r1");
        final CliRun sound = cli("journal", "verify", "r1");
        assertEquals(Main.EXIT_OK, sound.status, sound.toString());
        assertTrue(sound.out.startsWith("ok: 5 records, ticks up to 25, ended with run_end"), sound.out);

        final String hashAt10 = JSON.readTree(cli("journal", "dump", "r1", "--type", "state_hash", "--from", "10",
            "--to", "10").out.strip()).get("hash").textValue();
        flip(dir.resolve("r1/journal"), Long.parseUnsignedLong(hashAt10, 16));

        final CliRun damaged = cli("journal", "verify", "r1");
        assertEquals(Main.EXIT_FAILURE, damaged.status, damaged.toString());
        assertTrue(damaged.err.contains("checksum mismatch"), damaged.err);
        assertTrue(damaged.out.startsWith("damaged: 1 problems"), damaged.out);

        final CliRun replay = cli("replay", "r1");
        assertEquals(Main.EXIT_BAD_INPUT, replay.status, replay.toString());
        assertTrue(replay.err.contains("is damaged in the document at byte"), replay.err);
    }

    @Test
    void shouldRejectBadJournalSettingsBeforeWritingAnything() throws IOException
    {
        final CliRun level = cli("run", "--model", "counter", "--journal-level", "loud", "--out", "x");
        assertEquals(Main.EXIT_BAD_INPUT, level.status, level.toString());
        assertTrue(level.err.contains("--journal-level: must be inputs or events, was \"loud\""), level.err);

        final CliRun every = cli("run", "--model", "counter", "--hash-every", "0", "--out", "x");
        assertEquals(Main.EXIT_BAD_INPUT, every.status, every.toString());
        assertTrue(every.err.contains("--hash-every"), every.err);

        Files.writeString(dir.resolve("s.yaml"), "model: counter\njournal: maybe\n");
        final CliRun file = cli("run", "s.yaml", "--out", "x");
        assertEquals(Main.EXIT_BAD_INPUT, file.status, file.toString());
        assertTrue(file.err.contains("s.yaml:2:10: journal: must be true or false"), file.err);
        assertFalse(Files.exists(dir.resolve("x")), "bad input writes no run directory");

        Files.createDirectories(dir.resolve("stopped/journal"));
        final CliRun stopped = cli("run", "--model", "counter", "--out", "stopped");
        assertEquals(Main.EXIT_BAD_INPUT, stopped.status, stopped.toString());
        assertTrue(stopped.err.contains("already holds a run's journal") &&
            stopped.err.contains("myriad resume stopped"), stopped.err);
    }

    @Test
    void shouldJournalEventsAtLevelEventsAndSayWhatItWrote() throws IOException
    {
        record("events", "--journal-level", "events", "--json");
        final JsonNode summary = JSON.readTree(Files.readString(dir.resolve("events/summary.json")));
        assertEquals("events", summary.get("journal").get("level").textValue());
        assertEquals(10, summary.get("journal").get("hash_every").longValue());
        final CliRun verify = cli("journal", "verify", "events");
        assertEquals(Main.EXIT_OK, verify.status, verify.toString());
        assertTrue(Files.readString(dir.resolve("events/scenario.yaml")).contains("journal_level: events"));
    }

    /**
     * Exchange with one unit each, so that broke givers' transfers are rejected: every command its phase emitted is
     * dumped once, as its batch emitted it, with the outcome the apply stage gave it; following the transfers in
     * the order they are dumped, from one unit each, must reach the same outcomes and the run's figures.
     */
    @Test
    void shouldDumpEveryCommandOfAnEventsJournalWithItsOutcome() throws IOException
    {
        final int agents = 40;
        final int ticks = 6;
        final int batchSize = 16;
        final CliRun run = cli("run", "--model", "exchange", "--agents", String.valueOf(agents), "--ticks",
            String.valueOf(ticks), "--threads", "2", "--batch-size", String.valueOf(batchSize), "--param", "money=1",
            "--journal-level", "events", "--out", "x", "--json");
        assertEquals(Main.EXIT_OK, run.status, run.toString());

        final CliRun dump = cli("journal", "dump", "x", "--type", "events");
        assertEquals(Main.EXIT_OK, dump.status, dump.toString());
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : dump.out.strip().split("\\R"))
        {
            lines.add(JSON.readTree(line));
        }
        assertEquals(agents * ticks, lines.size(), "one transfer a trader a tick");

        final long[] money = new long[agents];
        Arrays.fill(money, 1);
        long applied = 0;
        long rejected = 0;
        int broke = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            final JsonNode line = lines.get(i);
            final String where = "line " + i + ": " + line;
            final int tick = i / agents;
            final int giver = i % agents;
            if (giver == 0)
            {
                broke = 0;
                for (final long held : money)
                {
                    broke += held == 0 ? 1 : 0;
                }
            }
            assertEquals("event", line.get("type").textValue(), where);
            assertEquals(tick, line.get("tick").longValue(), where);
            assertEquals(0, line.get("phase").intValue(), where);
            assertEquals(giver / batchSize, line.get("batch").intValue(), where);
            assertEquals(giver % batchSize, line.get("command").intValue(), where);
            assertEquals(TransferCodec.ID, line.get("id").intValue(), where);
            assertFalse(line.get("spawn").booleanValue(), where);
            assertEquals(0, line.get("target_type").intValue(), where);
            assertEquals(0, line.get("source_type").intValue(), where);
            assertEquals(giver, line.get("source").intValue(), where);
            final int receiver = line.get("target").intValue();
            assertTrue(receiver >= 0 && receiver < agents && receiver != giver, where);
            assertEquals("0100000000000000", line.get("payload").textValue(), "amount 1, little-endian: " + where);

            // exchange's one reason, broke, is the first a model may register
            final int expected = money[giver] >= 1 ? Outcome.APPLIED : Outcome.FIRST_MODEL_REASON;
            assertEquals(expected, line.get("outcome").intValue(), where);
            assertEquals(expected == Outcome.APPLIED, line.get("applied").booleanValue(), where);
            if (expected == Outcome.APPLIED)
            {
                money[giver]--;
                money[receiver]++;
                applied++;
            }
            else
            {
                rejected++;
            }
        }
        assertTrue(applied > 0 && rejected > 0, applied + " applied, " + rejected + " rejected");
        final JsonNode figures = JSON.readTree(run.lastOutLine()).get("metrics");
        assertEquals((double)broke / agents, figures.get("broke_share").doubleValue(), 1e-12,
            "traders broke as the last tick began, counted by the model and from the dump");

        final long toSeven = lines.stream().filter((line) -> line.get("target").intValue() == 7).count();
        assertTrue(toSeven > 0, "someone gives to trader 7");
        final CliRun one = cli("journal", "dump", "x", "--agent", "7");
        assertEquals(Main.EXIT_OK, one.status, one.toString());
        final String[] dumpedToSeven = one.out.strip().split("\\R");
        assertEquals(toSeven, dumpedToSeven.length, one.out);
        for (final String line : dumpedToSeven)
        {
            assertEquals(7, JSON.readTree(line).get("target").intValue(), line);
        }

        final CliRun stats = cli("journal", "stats", "x");
        assertEquals(Main.EXIT_OK, stats.status, stats.toString());
        assertTrue(stats.out.contains("(" + agents * ticks + " events)"), stats.out);
    }

    @Test
    void shouldReportATruncatedJournalAndKeepWhatIsWhole() throws IOException
    {
        record("r1");
        final Path journal = dir.resolve("r1/journal");
        long lastDocument = -1;
        int whole = 0;
        int inLastDocument = 0;
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record))
            {
                if (record.documentIndex() != lastDocument)
                {
                    whole += inLastDocument;
                    inLastDocument = 0;
                    lastDocument = record.documentIndex();
                }
                inLastDocument++;
            }
        }
        final Path file;
        try (Stream<Path> files = Files.list(journal))
        {
            file = files.filter((f) -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(lastDocument + 12);
        }

        final CliRun verify = cli("journal", "verify", "r1");
        assertEquals(Main.EXIT_FAILURE, verify.status, verify.toString());
        assertTrue(verify.err.contains("is truncated"), verify.err);
        assertTrue(verify.out.startsWith("damaged: 1 problems; " + whole + " sound records read"), verify.out);

        final CliRun dump = cli("journal", "dump", "r1");
        assertEquals(Main.EXIT_BAD_INPUT, dump.status, dump.toString());
        assertEquals(whole, dump.out.strip().split("\\R").length, "the whole records are still there: " + dump.out);
        assertTrue(whole >= 1, "the run start is in a document of its own, before the last");

        final CliRun replay = cli("replay", "r1");
        assertEquals(Main.EXIT_BAD_INPUT, replay.status, replay.toString());
        assertTrue(Files.exists(file), "nothing is deleted");
    }

    private static void flip(final Path journal, final long value) throws IOException
    {
        final byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        try (Stream<Path> files = Files.list(journal))
        {
            for (final Path file : files.filter((f) -> f.toString().endsWith(".cq4")).toList())
            {
                final byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + 8 <= bytes.length; i++)
                {
                    if (Arrays.equals(bytes, i, i + 8, pattern, 0, 8))
                    {
                        bytes[i + 1] ^= 0x01;
                        Files.write(file, bytes);
                        return;
                    }
                }
            }
        }
        throw new AssertionError("value not found in the journal");
    }
}
