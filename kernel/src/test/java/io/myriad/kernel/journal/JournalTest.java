package io.myriad.kernel.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.RingPlugin;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.model.Models;

class JournalTest
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int AGENTS = 500;
    private static final long SEED = 1234;
    private static final int COMMAND_LENGTH = CommandDescriptor.length(16);
    private static final int EVENTS = EventsDescriptor.MAX_COMMAND_BYTES / COMMAND_LENGTH + 1_000;

    @TempDir
    Path temp;

    @Test
    void shouldReadBackEveryRecordAsWritten()
    {
        final Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("vision", 15.000000000000002);
        parameters.put("count", -7L);
        parameters.put("wrap", true);
        parameters.put("name", "größe ✓");
        final RunHeader header = new RunHeader("flocking", 1_000_000, -42L, parameters, JournalLevel.EVENTS, 7, 200,
            StateHash.VERSION, "model: flocking\nagents: 1000000\n");
        final Path directory = temp.resolve("journal");
        try (JournalWriter writer = JournalWriter.create(directory, header))
        {
            writer.stateHash(0, 0x1234_5678_9ABC_DEF0L, 1_000_000);
            final Outbox outbox = new Outbox();
            final UnsafeBuffer outcomes = new UnsafeBuffer(new byte[EVENTS]);
            for (int i = 0; i < EVENTS; i++)
            {
                command(outbox, i);
                outcomes.putByte(i, (byte)(i % 3 == 0 ? 0 : 8 + i % 7));
            }
            writer.events(3, 1, 9, outbox.buffer(), outbox.length(), outbox.count(), outcomes);
            writer.runEnd(200, -1L, 999_999, false);
            assertEquals(1 + 2 + 1, writer.records(), "a hash, the events in two records, the end");
        }

        try (JournalReader reader = JournalReader.open(directory))
        {
            final JournalRecord record = new JournalRecord();
            assertTrue(reader.next(record));
            assertEquals(RecordType.RUN_START, record.type());
            final RunHeader read = record.runHeader();
            assertEquals(header, read);
            assertEquals(Double.doubleToRawLongBits(15.000000000000002),
                Double.doubleToRawLongBits((Double)read.parameters().get("vision")));

            assertTrue(reader.next(record));
            assertEquals(RecordType.STATE_HASH, record.type());
            assertEquals(0, record.tick());
            assertEquals(0x1234_5678_9ABC_DEF0L, record.hash());
            assertEquals(1_000_000, record.liveAgents());
            int event = 0;
            for (int part = 0; part < 2; part++)
            {
                assertTrue(reader.next(record));
                assertEquals(RecordType.EVENTS, record.type());
                assertEquals(3, record.tick());
                assertEquals(1, record.eventsPhase());
                assertEquals(9, record.eventsBatch());
                assertEquals(event, record.eventsFirstCommand());
                assertTrue(record.commandsLength() <= EventsDescriptor.MAX_COMMAND_BYTES);
                int offset = record.commandsOffset();
                for (int j = 0; j < record.eventsCount(); j++, event++)
                {
                    final DirectBuffer buffer = record.buffer();
                    assertEquals(COMMAND_LENGTH, buffer.getInt(offset + CommandDescriptor.LENGTH_OFFSET, LE));
                    assertEquals(event % 5 + 1, buffer.getShort(offset + CommandDescriptor.ID_OFFSET, LE));
                    assertEquals(event % 3, buffer.getInt(offset + CommandDescriptor.TARGET_TYPE_OFFSET, LE));
                    assertEquals(event, buffer.getInt(offset + CommandDescriptor.TARGET_INDEX_OFFSET, LE));
                    assertEquals(-event, buffer.getLong(offset + CommandDescriptor.HEADER_LENGTH, LE));
                    assertEquals(Long.MAX_VALUE - event,
                        buffer.getLong(offset + CommandDescriptor.HEADER_LENGTH + 8, LE));
                    assertEquals(event % 3 == 0 ? 0 : 8 + event % 7, record.outcome(j), "outcome of " + event);
                    offset += COMMAND_LENGTH;
                }
                assertEquals(record.commandsOffset() + record.commandsLength(), offset);
            }
            assertEquals(EVENTS, event);
            assertTrue(reader.next(record));
            assertEquals(RecordType.RUN_END, record.type());
            assertEquals(200, record.tick());
            assertEquals(-1L, record.hash());
            assertEquals(999_999, record.liveAgents());
            assertFalse(reader.next(record));
            assertTrue(reader.documents() <= 5, "at most a document per record: " + reader.documents());
        }
    }

    @Test
    void shouldKeepEveryRecordWhenDocumentsAreCutAtTheirByteLimit()
    {
        final Path directory = temp.resolve("journal");
        final Outbox outbox = new Outbox();
        final int entries = EventsDescriptor.MAX_COMMAND_BYTES / COMMAND_LENGTH;
        for (int i = 0; i < entries; i++)
        {
            command(outbox, i);
        }
        final UnsafeBuffer outcomes = new UnsafeBuffer(new byte[entries]);
        final int records = 64; // about 50 MB: the stage must cut it into many 4 MiB documents
        try (JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.EVENTS, 1)))
        {
            for (int r = 0; r < records; r++)
            {
                writer.events(r, 0, r, outbox.buffer(), outbox.length(), outbox.count(), outcomes);
            }
        }
        try (JournalReader reader = JournalReader.open(directory))
        {
            final JournalRecord record = new JournalRecord();
            assertTrue(reader.next(record));
            for (int r = 0; r < records; r++)
            {
                assertTrue(reader.next(record), "record " + r);
                assertEquals(r, record.eventsBatch());
                assertEquals(entries, record.eventsCount());
                final int last = record.commandsOffset() + (entries - 1) * COMMAND_LENGTH;
                assertEquals(entries - 1, record.buffer().getInt(last + CommandDescriptor.TARGET_INDEX_OFFSET, LE));
            }
            assertFalse(reader.next(record));
            assertTrue(reader.documents() > 10, "documents stay small: " + reader.documents());
        }
    }

    @Test
    void shouldReadOnAcrossTheQueuesFilesWhenItRolls() throws IOException
    {
        final Path directory = temp.resolve("journal");
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-03-02T12:00:00Z"));
        try (JournalWriter writer = JournalWriter.create(
            directory, header(JournalLevel.INPUTS, 1), JournalWriter.DEFAULT_RING_CAPACITY, clock))
        {
            for (int tick = 0; tick < 6; tick++)
            {
                writer.stateHash(tick, tick * 31L, AGENTS);
                writer.flush();
                clock.advanceMillis(TimeUnit.DAYS.toMillis(7)); // the next record goes into the next week's file
            }
            writer.runEnd(6, 99, AGENTS, false);
        }
        try (Stream<Path> files = Files.list(directory))
        {
            assertEquals(7, files.filter((f) -> f.toString().endsWith(".cq4")).count(),
                "a file a week: the run start and tick 0's hash, ticks 1 to 5, the end");
        }
        try (JournalReader reader = JournalReader.open(directory))
        {
            final JournalRecord record = new JournalRecord();
            assertTrue(reader.next(record));
            assertEquals(RecordType.RUN_START, record.type());
            for (int tick = 0; tick < 6; tick++)
            {
                assertTrue(reader.next(record), "the hash of tick " + tick + " is read, in whatever file");
                assertEquals(tick, record.tick());
                assertEquals(tick * 31L, record.hash());
            }
            assertTrue(reader.next(record));
            assertEquals(RecordType.RUN_END, record.type());
            assertFalse(reader.next(record));
            assertNull(reader.tornTail(), "a rolled file's end marker is not a torn document");
        }
    }

    @Test
    void shouldRefuseToLaunchWithASeedOtherThanTheJournals()
    {
        final Path directory = temp.resolve("journal");
        try (JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.INPUTS, 10)))
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Simulation.launch(context(1).seed(SEED + 1).records(new RecordsContext().journal(writer))));
            assertTrue(ex.getMessage().contains("the journal's run start says seed " + SEED +
                " but the simulation was given seed " + (SEED + 1)), ex.getMessage());
        }
    }

    @Test
    void shouldRefuseToStartAJournalWhereOneIsAlready()
    {
        final Path directory = temp.resolve("journal");
        JournalWriter.create(directory, header(JournalLevel.INPUTS, 10)).close();
        final JournalException ex = assertThrows(JournalException.class,
            () -> JournalWriter.create(directory, header(JournalLevel.INPUTS, 10)));
        assertTrue(ex.getMessage().contains("already holds a journal"), ex.getMessage());
    }

    @Test
    void shouldSayWhenThereIsNoJournal() throws IOException
    {
        final Path empty = Files.createDirectories(temp.resolve("empty"));
        final JournalException ex = assertThrows(JournalException.class, () -> JournalReader.open(empty));
        assertTrue(ex.getMessage().contains("holds no .cq4 files"), ex.getMessage());
        final JournalException missing = assertThrows(JournalException.class,
            () -> JournalReader.open(temp.resolve("missing")));
        assertTrue(missing.getMessage().contains("not a directory"), missing.getMessage());
    }

    @Test
    void shouldJournalHashesEventsAndTheEndOfARun()
    {
        final Path directory = temp.resolve("journal");
        final long finalHash;
        final long entries;
        final JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.EVENTS, 5));
        try (writer; Simulation sim = Simulation.launch(context(2).records(new RecordsContext().journal(writer))))
        {
            sim.run(23);
            finalHash = sim.stateHash();
            entries = sim.commands().applied() + sim.commands().rejected();
        }

        final List<Long> hashTicks = new ArrayList<>();
        long events = 0;
        long endTick = -1;
        long endHash = 0;
        try (JournalReader reader = JournalReader.open(directory))
        {
            final JournalRecord record = new JournalRecord();
            assertTrue(reader.next(record));
            assertEquals(RecordType.RUN_START, record.type());
            while (reader.next(record))
            {
                switch (record.type())
                {
                    case STATE_HASH -> hashTicks.add(record.tick());
                    case EVENTS -> events += record.eventsCount();
                    case RUN_END ->
                    {
                        endTick = record.tick();
                        endHash = record.hash();
                    }
                    default -> throw new AssertionError("unexpected " + record);
                }
            }
        }
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L), hashTicks);
        assertEquals(23, endTick);
        assertEquals(finalHash, endHash);
        assertTrue(events > 23, "the ring model emits entries every tick: " + events);
        assertEquals(entries, events);
    }

    @Test
    void shouldJournalNoEventsAtLevelInputs()
    {
        final Path directory = temp.resolve("journal");
        final JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.INPUTS, 4));
        try (writer; Simulation sim = Simulation.launch(context(1).records(new RecordsContext().journal(writer))))
        {
            sim.run(9);
        }
        assertEquals(3 + 1, writer.records(), "hashes at 0, 4 and 8, and the end");
    }

    @Test
    void shouldReplayToTheSameHashesOnAnyNumberOfWorkers()
    {
        final Path directory = temp.resolve("journal");
        final long finalHash = record(directory, 2, 40, 10);
        for (final int workers : new int[] { 1, 3 })
        {
            try (Replay replay = Replay.open(directory, new SimulationContext().workers(workers).ringSize(64)))
            {
                assertEquals(RingPlugin.NAME, replay.header().model());
                assertTrue(replay.isRunEnded());
                assertEquals(40, replay.lastRecordedTick());
                final Replay.Result result = replay.runToEnd();
                assertTrue(result.verified(), "replay on " + workers + " workers: " + result);
                assertEquals(6, result.hashesCompared(), "ticks 0, 10, 20, 30, 40 and the run's end");
                assertNull(result.firstDivergence());
                assertEquals(40, result.tick());
                assertEquals(finalHash, result.stateHash());
            }
        }
    }

    @Test
    void shouldJournalInputsAndApplyThemAgainOnReplay()
    {
        final Path directory = temp.resolve("journal");
        final UnsafeBuffer data = new UnsafeBuffer(new byte[Long.BYTES]);
        final long finalHash;
        try (JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.INPUTS, 4));
            Simulation sim = Simulation.launch(context(2).records(new RecordsContext().journal(writer))))
        {
            sim.run(3);
            data.putLong(0, 0x5EED_0001L);
            sim.input(RingPlugin.INPUT_SET_VALUE, 17, data, 0, Long.BYTES);
            data.putLong(0, 0x5EED_0002L);
            sim.input(RingPlugin.INPUT_SET_VALUE, 400, data, 0, Long.BYTES);
            sim.run(5);
            data.putLong(0, 0x5EED_0003L);
            sim.input(RingPlugin.INPUT_SET_VALUE, 3, data, 0, Long.BYTES);
            sim.run(4);
            finalHash = sim.stateHash();
        }
        final long withoutInputs;
        try (Simulation sim = Simulation.launch(context(1)))
        {
            sim.run(12);
            withoutInputs = sim.stateHash();
        }
        assertTrue(finalHash != withoutInputs, "the inputs changed the run");

        try (Replay replay = Replay.open(directory, new SimulationContext().workers(1).ringSize(64)))
        {
            final Replay.Result result = replay.runToEnd();
            assertTrue(result.verified(), result.toString());
            assertEquals(3, replay.inputsApplied());
            assertEquals(finalHash, result.stateHash());
        }
    }

    @Test
    void shouldReplayToATickAndStopThere()
    {
        final Path directory = temp.resolve("journal");
        record(directory, 1, 30, 10);
        final long hashAt15;
        try (Simulation sim = Simulation.launch(context(1)))
        {
            sim.run(15);
            hashAt15 = sim.stateHash();
        }
        try (Replay replay = Replay.open(directory, new SimulationContext().workers(2).ringSize(64)))
        {
            assertTrue(replay.runTo(15));
            assertEquals(15, replay.simulation().tick());
            assertEquals(hashAt15, replay.simulation().stateHash());
            assertEquals(2, replay.result().hashesCompared(), "ticks 0 and 10");
        }
    }

    @Test
    void shouldReportTheFirstDivergence()
    {
        final Path directory = temp.resolve("journal");
        final long hashAt10;
        try (Simulation sim = Simulation.launch(context(1)))
        {
            sim.run(10);
            hashAt10 = sim.stateHash();
        }
        try (JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.INPUTS, 5));
            Simulation sim = Simulation.launch(context(1)))
        {
            writer.stateHash(0, sim.stateHash(), AGENTS);
            sim.run(5);
            writer.stateHash(5, sim.stateHash(), AGENTS);
            writer.stateHash(10, hashAt10 ^ 1, AGENTS);
            writer.stateHash(15, 99, AGENTS);
        }
        try (Replay replay = Replay.open(directory, new SimulationContext().workers(1).ringSize(64)))
        {
            final Replay.Result result = replay.runToEnd();
            assertFalse(result.verified());
            assertEquals(3, result.hashesCompared());
            final Replay.Divergence divergence = result.firstDivergence();
            assertNotNull(divergence);
            assertEquals(10, divergence.tick());
            assertEquals(hashAt10 ^ 1, divergence.expected());
            assertEquals(hashAt10, divergence.actual());
            assertEquals(10, result.tick(), "a replay stops at the first divergence");
        }
    }

    @Test
    void shouldRefuseARunThisBuildCannotRebuild()
    {
        final Path directory = temp.resolve("journal");
        JournalWriter.create(directory, new RunHeader("no-such-model", 10, 1, Map.of(), JournalLevel.INPUTS, 1, 0,
            StateHash.VERSION, "")).close();
        final JournalException ex = assertThrows(JournalException.class,
            () -> Replay.open(directory, new SimulationContext()));
        assertTrue(ex.getMessage().contains("cannot rebuild") && ex.getMessage().contains("no-such-model"),
            ex.getMessage());

        final Path other = temp.resolve("other");
        JournalWriter.create(other, new RunHeader(RingPlugin.NAME, 10, 1, Map.of(), JournalLevel.INPUTS, 1, 0,
            StateHash.VERSION + 1, "")).close();
        final JournalException version = assertThrows(JournalException.class,
            () -> Replay.open(other, new SimulationContext()));
        assertTrue(version.getMessage().contains("state hashes of version"), version.getMessage());
    }

    @Test
    void shouldDetectAFlippedByteInARecord() throws IOException
    {
        final Path directory = temp.resolve("journal");
        final long marker = 0x0123_4567_89AB_CDEFL;
        try (JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.INPUTS, 1)))
        {
            writer.stateHash(0, 1, AGENTS);
            writer.stateHash(1, marker, AGENTS);
            writer.stateHash(2, 3, AGENTS);
        }
        flipByteOf(directory, marker);

        try (JournalReader reader = JournalReader.open(directory))
        {
            final JournalRecord record = new JournalRecord();
            assertTrue(reader.next(record));
            assertTrue(reader.next(record));
            final JournalException ex = assertThrows(JournalException.class, () -> readAll(reader));
            assertTrue(ex.getMessage().contains("checksum mismatch") && ex.getMessage().contains("damaged"),
                ex.getMessage());
        }
    }

    private static void readAll(final JournalReader reader)
    {
        final JournalRecord record = new JournalRecord();
        while (reader.next(record))
        {
            assertNotNull(record.type());
        }
    }

    private static void flipByteOf(final Path directory, final long marker) throws IOException
    {
        final byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(marker).array();
        try (Stream<Path> files = Files.list(directory))
        {
            for (final Path file : files.filter((f) -> f.toString().endsWith(".cq4")).toList())
            {
                final byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + pattern.length <= bytes.length; i++)
                {
                    if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length))
                    {
                        bytes[i + 3] ^= 0x10;
                        Files.write(file, bytes);
                        return;
                    }
                }
            }
        }
        throw new AssertionError("marker not found in the journal's files");
    }

    private long record(final Path directory, final int workers, final int ticks, final int hashEvery)
    {
        try (JournalWriter writer = JournalWriter.create(directory, header(JournalLevel.EVENTS, hashEvery));
            Simulation sim = Simulation.launch(context(workers).records(new RecordsContext().journal(writer))))
        {
            sim.run(ticks);
            return sim.stateHash();
        }
    }

    private static RunHeader header(final JournalLevel level, final long hashEvery)
    {
        return RunHeader.of(config(), level, hashEvery, 0, StateHash.VERSION, "model: ring\n");
    }

    private static ModelConfig config()
    {
        return ModelConfig.of(Models.named(RingPlugin.NAME), AGENTS, SEED, Map.of());
    }

    private static SimulationContext context(final int workers)
    {
        return new SimulationContext()
            .model(new RingPlugin().create(config()))
            .seed(SEED)
            .workers(workers)
            .ringSize(64)
            .batchSize(64);
    }

    private static void command(final Outbox outbox, final int i)
    {
        final int payload = outbox.command(i % 5 + 1, 16, i % 3, i);
        outbox.buffer().putLong(payload, -i, LE);
        outbox.buffer().putLong(payload + 8, Long.MAX_VALUE - i, LE);
    }
}
