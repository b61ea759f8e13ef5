package io.myriad.kernel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.RingPlugin;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.Replay;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.Models;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Layout;
import io.myriad.layouts.Schema;

class CheckpointTest
{
    private static final int AGENTS = 400;
    private static final long SEED = 99;
    private static final CheckpointPolicy POLICY = new CheckpointPolicy(10, 0, 0, 1, 3);

    @TempDir
    Path temp;

    private static ModelConfig config()
    {
        return ModelConfig.of(Models.named(RingPlugin.NAME), AGENTS, SEED, Map.of());
    }

    private static SimulationContext context(final int workers, final int batchSize)
    {
        return new SimulationContext()
            .model(new RingPlugin().create(config()))
            .seed(SEED)
            .modelName(RingPlugin.NAME)
            .workers(workers)
            .batchSize(batchSize)
            .ringSize(64);
    }

    /**
     * A resume's context: the run's own checkpoint policy, its directory set by {@code Resume}.
     */
    private static SimulationContext resumeContext(final int workers, final int batchSize)
    {
        return context(workers, batchSize).records(new RecordsContext().checkpoints(null, POLICY));
    }

    private static long uninterrupted(final long ticks, final boolean inputs)
    {
        try (Simulation sim = Simulation.launch(context(1, 64)))
        {
            runWithInputs(sim, ticks, inputs);
            return sim.stateHash();
        }
    }

    /** Runs to {@code ticks}, giving an input after ticks 12 and 22 when asked. */
    private static void runWithInputs(final Simulation sim, final long ticks, final boolean inputs)
    {
        final UnsafeBuffer data = new UnsafeBuffer(new byte[8]);
        while (sim.tick() < ticks)
        {
            sim.step();
            if (inputs && (sim.tick() == 12 || sim.tick() == 22))
            {
                data.putLong(0, sim.tick() * 1_000_003L);
                sim.input(RingPlugin.INPUT_SET_VALUE, (int)sim.tick(), data, 0, 8);
            }
        }
    }

    private Path journal()
    {
        return temp.resolve("journal");
    }

    private Path checkpoints()
    {
        return temp.resolve("checkpoints");
    }

    /** A journaled run with a checkpoint every 10 ticks, closed after {@code ticks}. */
    private long recordRun(final long ticks, final JournalLevel level, final boolean inputs)
    {
        final JournalWriter writer = JournalWriter.create(journal(),
            RunHeader.of(config(), level, 7, ticks, StateHash.VERSION, ""));
        try (writer; Simulation sim = Simulation.launch(context(2, 64)
            .records(new RecordsContext().journal(writer).checkpoints(checkpoints(), POLICY))))
        {
            runWithInputs(sim, ticks, inputs);
            return sim.stateHash();
        }
    }

    @Test
    void shouldContinueFromACheckpointToTheUninterruptedState()
    {
        final Checkpoint checkpoint;
        try (Simulation sim = Simulation.launch(context(2, 64)
            .records(new RecordsContext().checkpoints(checkpoints(), new CheckpointPolicy(10, 0, 0, 1, 2)))))
        {
            sim.run(30);
            checkpoint = sim.lastCheckpoint();
        }
        final List<Checkpoint> kept = Checkpoints.list(checkpoints(), (reason) -> { });
        assertEquals(List.of(30L, 20L), kept.stream().map(Checkpoint::tick).toList(), "the newest two are kept");
        assertEquals(30, checkpoint.tick());

        for (final int workers : new int[] { 1, 3 })
        {
            try (Simulation sim = Simulation.launch(context(workers, 32).restoreFrom(kept.get(1))))
            {
                assertEquals(20, sim.tick());
                sim.run(25);
                assertEquals(uninterrupted(45, false), sim.stateHash(), workers + " workers");
            }
        }
    }

    @Test
    void shouldResumeAClosedRunAndAppendToItsJournal()
    {
        final long end = recordRun(25, JournalLevel.EVENTS, true);
        assertEquals(uninterrupted(25, true), end);

        final List<String> notes = new ArrayList<>();
        try (Resume resume = Resume.open(journal(), checkpoints(), null, resumeContext(1, 64), notes::add))
        {
            assertEquals(20, resume.checkpoint().tick());
            resume.catchUp();
            assertEquals(25, resume.simulation().tick());
            assertEquals(1, resume.inputsApplied(), "the input after tick 22 is applied again");
            runWithInputs(resume.simulation(), 40, true);
            assertEquals(uninterrupted(40, true), resume.simulation().stateHash());
        }
        assertTrue(notes.isEmpty(), notes.toString());

        try (Replay replay = Replay.open(journal(), new SimulationContext().workers(2).ringSize(64)))
        {
            final Replay.Result result = replay.runToEnd();
            assertTrue(result.verified(), result.toString());
            assertEquals(40, result.tick());
            assertEquals(uninterrupted(40, true), result.stateHash());
        }
    }

    @Test
    void shouldContinueTheRunsMetricsFileToWhatAnUninterruptedRunWrites() throws IOException
    {
        final Path uninterrupted = temp.resolve("uninterrupted.csv");
        try (Simulation sim = Simulation.launch(context(1, 64).records(new RecordsContext().metrics(uninterrupted, 3))))
        {
            runWithInputs(sim, 40, true);
        }
        final Path metrics = temp.resolve("metrics.csv");
        final JournalWriter writer = JournalWriter.create(journal(),
            RunHeader.of(config(), JournalLevel.INPUTS, 7, 25, StateHash.VERSION, ""));
        try (writer; Simulation sim = Simulation.launch(context(2, 64)
            .records(new RecordsContext().journal(writer).checkpoints(checkpoints(), POLICY).metrics(metrics, 3))))
        {
            runWithInputs(sim, 25, true);
        }
        // what a kill may leave besides: rows the journal never reached, the last one torn
        Files.writeString(metrics, "27,400,1\n30,4", StandardOpenOption.APPEND);
        final Checkpoint atTen = Checkpoints.read(checkpoints().resolve(Checkpoints.stem(10) +
            Checkpoints.MANIFEST_SUFFIX));

        final List<String> notes = new ArrayList<>();
        try (Resume resume = Resume.open(journal(), checkpoints(), atTen,
            resumeContext(1, 64).records(new RecordsContext().checkpoints(null, POLICY).metrics(metrics, 3)),
            notes::add))
        {
            resume.catchUp();
            runWithInputs(resume.simulation(), 40, true);
        }
        assertTrue(notes.isEmpty(), notes.toString());
        assertEquals(Files.readString(uninterrupted), Files.readString(metrics),
            "rows every 3 ticks and at tick 40, none at 10 or 25, where the runs started and stopped");

        Files.delete(metrics);
        try (Resume resume = Resume.open(journal(), checkpoints(), null,
            resumeContext(1, 64).records(new RecordsContext().checkpoints(null, POLICY).metrics(metrics, 3)),
            notes::add))
        {
            assertEquals(40, resume.checkpoint().tick());
            assertEquals(List.of("metrics file " + metrics + " is missing: a new one starts at step 40, without " +
                "the rows of the steps before it"), notes);
        }
        final List<String> lines = Files.readAllLines(metrics);
        assertEquals(List.of(Files.readAllLines(uninterrupted).get(0), "40,"), List.of(lines.get(0),
            lines.get(1).substring(0, 3)), "a new file, from the resume on");
        assertEquals(2, lines.size(), lines.toString());
    }

    @Test
    void shouldPassOverADamagedCheckpointForThePreviousOne() throws IOException
    {
        recordRun(25, JournalLevel.INPUTS, false);
        final Path newest = checkpoints().resolve(Checkpoints.stem(20) + Checkpoints.DATA_SUFFIX);
        final byte[] bytes = Files.readAllBytes(newest);
        // the last store's region: the parts' sections (globals, two streams) come after it
        bytes[bytes.length - 400] ^= 0x40;
        Files.write(newest, bytes);

        final List<String> notes = new ArrayList<>();
        final Checkpoint damaged = Checkpoints.read(newest);
        final CheckpointException ex = assertThrows(CheckpointException.class,
            () -> Simulation.launch(context(1, 64).restoreFrom(damaged)));
        assertTrue(ex.getMessage().contains("is damaged: the checksum of region"), ex.getMessage());

        try (Resume resume = Resume.open(journal(), checkpoints(), null, resumeContext(1, 64), notes::add))
        {
            assertNotNull(resume.checkpoint());
            assertEquals(10, resume.checkpoint().tick(), "the damaged one at 20 is passed over");
            resume.catchUp();
            resume.simulation().run(30 - resume.simulation().tick());
            assertEquals(uninterrupted(30, false), resume.simulation().stateHash());
        }
        assertTrue(notes.stream().anyMatch((note) -> note.contains("tick-000000000020")), notes.toString());
        assertTrue(Files.exists(newest), "recovery deletes nothing");
    }

    @Test
    void shouldIgnoreACheckpointWithoutItsManifest() throws IOException
    {
        recordRun(25, JournalLevel.INPUTS, false);
        Files.delete(checkpoints().resolve(Checkpoints.stem(20) + Checkpoints.MANIFEST_SUFFIX));
        final List<String> notes = new ArrayList<>();
        assertEquals(List.of(10L), Checkpoints.list(checkpoints(), notes::add).stream().map(Checkpoint::tick)
            .toList());
        assertTrue(notes.get(0).contains("has no manifest"), notes.toString());
    }

    @Test
    void shouldRefuseACheckpointOfAnotherRun() throws IOException
    {
        recordRun(25, JournalLevel.INPUTS, false);
        final Path other = temp.resolve("other");
        try (Simulation sim = Simulation.launch(new SimulationContext()
            .model(new RingPlugin().create(ModelConfig.of(Models.named(RingPlugin.NAME), AGENTS, SEED + 1,
                Map.of())))
            .seed(SEED + 1).modelName(RingPlugin.NAME).ringSize(64)
            .records(new RecordsContext().checkpoints(other, new CheckpointPolicy(0, 0, 0, 1, 1)))))
        {
            sim.run(5);
            final Checkpoint foreign = sim.checkpoint();
            final CheckpointException ex = assertThrows(CheckpointException.class,
                () -> Resume.open(journal(), checkpoints(), foreign, context(1, 64), (note) -> { }));
            assertTrue(ex.getMessage().contains("belongs to another run"), ex.getMessage());
        }

        final Checkpoint soa = Checkpoints.list(checkpoints(), (reason) -> { }).get(0);
        final CheckpointException layout = assertThrows(CheckpointException.class,
            () -> Simulation.launch(context(1, 64).layout(Layout.named("aos")).restoreFrom(soa)));
        assertTrue(layout.getMessage().contains("set the run's layout to soa"), layout.getMessage());
    }

    @Test
    void shouldPassOverACheckpointOfAnotherModel() throws IOException
    {
        recordRun(25, JournalLevel.INPUTS, false);
        final Schema otherSchema = Schema.builder("Walker").field("position", FieldType.DOUBLE, true).build();
        final AgentType walkers = AgentType.of("walkers", otherSchema, AGENTS);
        try (World other = new World(List.of(walkers), List.of(), Layout.named("soa"), SEED))
        {
            other.store(walkers).spawn(AGENTS);
            // the newest checkpoint in the directory is now another model's, at tick 30
            final Checkpoint foreign = new CheckpointWriter().write(checkpoints(), other, 30, 1L, 20, "walker");
            final CheckpointException ex = assertThrows(CheckpointException.class,
                () -> Simulation.launch(context(1, 64).restoreFrom(foreign)));
            assertTrue(ex.getMessage().contains("holds another world (walker: walkers=Walker{"), ex.getMessage());
        }
        final List<String> notes = new ArrayList<>();
        try (Resume resume = Resume.open(journal(), checkpoints(), null, resumeContext(1, 64), notes::add))
        {
            assertEquals(20, resume.checkpoint().tick(), "the other model's checkpoint is passed over");
        }
        assertTrue(notes.stream().anyMatch((note) -> note.contains("tick-000000000030") &&
            note.contains("another run")), notes.toString());
        assertTrue(Files.exists(checkpoints().resolve("tick-000000000030.ckpt")), "recovery deletes nothing");
    }

    @Test
    void shouldRefuseToResumeWithSettingsThatChangeTheJournal()
    {
        recordRun(25, JournalLevel.EVENTS, false);
        final RuntimeException ex = assertThrows(RuntimeException.class, () ->
        {
            try (Resume resume = Resume.open(journal(), checkpoints(), null, resumeContext(1, 16), (note) -> { }))
            {
                resume.catchUp();
            }
        });
        assertTrue(ex.getMessage().contains("differs from its journal"), ex.getMessage());
    }

    @Test
    void shouldResumeFromTickZeroWhenNoCheckpointIsUsable() throws IOException
    {
        recordRun(15, JournalLevel.INPUTS, true);
        try (Stream<Path> files = Files.list(checkpoints()))
        {
            for (final Path file : files.toList())
            {
                Files.delete(file);
            }
        }
        final List<String> notes = new ArrayList<>();
        try (Resume resume = Resume.open(journal(), checkpoints(), null, resumeContext(2, 64), notes::add))
        {
            assertNull(resume.checkpoint());
            resume.catchUp();
            assertEquals(1, resume.inputsApplied());
            runWithInputs(resume.simulation(), 30, true);
            assertEquals(uninterrupted(30, true), resume.simulation().stateHash());
        }
        assertTrue(notes.contains("no usable checkpoint; resuming from tick 0"), notes.toString());
    }
}
