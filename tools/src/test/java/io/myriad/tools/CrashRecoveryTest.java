package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;

/**
 * Runs killed with SIGKILL at random moments, in child JVMs, then resumed, until at least {@link #KILLS} kill
 * points have been exercised: every run must end with the state hash of a run never interrupted, and its journal
 * must pass {@code journal verify} after every kill and replay to the same hash at the end. The kills land
 * anywhere: while ticking, while the journal stage writes a document, while a checkpoint is written or pruned,
 * while a resume catches up or starts.
 */
@Tag("slow")
class CrashRecoveryTest
{
    private static final int KILLS = 20;
    private static final int KILLS_PER_RUN = 4;
    private static final int MAX_RUNS = 12;
    private static final long RANDOM_SEED = 20_261_122L;
    private static final String[] SCENARIO =
    {
        "--model", "exchange", "--agents", "60000", "--ticks", "240", "--threads", "2", "--seed", "5",
        "--hash-every", "10", "--checkpoint-every-ticks", "15", "--keep-checkpoints", "2", "--journal-level", "events"
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldResumeEveryKilledRunToTheUninterruptedState() throws Exception
    {
        final List<String> reference = new ArrayList<>(List.of("run"));
        reference.addAll(List.of(SCENARIO));
        reference.addAll(List.of("--no-journal", "--out", "reference"));
        final CliRun uninterrupted = CliRun.run(dir, reference.toArray(new String[0]));
        assertEquals(Main.EXIT_OK, uninterrupted.status, uninterrupted.toString());
        final String expected = stateHash(dir.resolve("reference"));

        final Random random = new Random(RANDOM_SEED);
        int kills = 0;
        for (int run = 0; run < MAX_RUNS && kills < KILLS; run++)
        {
            final Path out = dir.resolve("run-" + run);
            final List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(List.of(SCENARIO));
            args.addAll(List.of("--out", out.toString()));
            Process child = start(args, out, 0);
            for (int k = 0; k < KILLS_PER_RUN; k++)
            {
                awaitJournal(out, child);
                TimeUnit.MILLISECONDS.sleep(random.nextInt(1_500));
                if (!child.isAlive())
                {
                    break;
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");
                kills++;
                final CliRun verify = CliRun.run(dir, "journal", "verify", out.toString());
                assertEquals(Main.EXIT_OK, verify.status, "journal verify after kill " + kills + ": " + verify);
                child = start(List.of("resume", out.toString()), out, k + 1);
            }
            assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the last resume of run " + run + " finishes");
            assertEquals(0, child.exitValue(), "the last resume of run " + run + " succeeds: " + logs(out));
            assertEquals(expected, stateHash(out), "run " + run + " ends where an uninterrupted run does");
            final CliRun verify = CliRun.run(dir, "journal", "verify", out.toString());
            assertEquals(Main.EXIT_OK, verify.status, verify.toString());
        }
        assertTrue(kills >= KILLS, "at least " + KILLS + " kill points, was " + kills);

        final CliRun replay = CliRun.run(dir, "replay", "run-0", "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        assertEquals(expected, JSON.readTree(replay.lastOutLine()).get("state_hash").textValue());
    }

    private static String stateHash(final Path runDirectory) throws IOException
    {
        return JSON.readTree(Files.readString(runDirectory.resolve("summary.json"))).get("state_hash").textValue();
    }

    private Process start(final List<String> args, final Path out, final int attempt) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-exports") || argument.startsWith("--add-opens"))
            {
                command.add(argument);
            }
        }
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        final Path log = dir.resolve(out.getFileName() + "-" + attempt + ".log");
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    }

    /**
     * Waits until the run's journal holds its first record, so that a kill lands in a run that has started.
     */
    private static void awaitJournal(final Path out, final Process child) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive())
        {
            if (Files.isDirectory(out.resolve("journal")))
            {
                try (JournalReader reader = JournalReader.open(out.resolve("journal")))
                {
                    if (reader.next(new JournalRecord()))
                    {
                        return;
                    }
                }
                catch (final JournalException ex)
                {
                    // not there yet
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private String logs(final Path out) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        try (var files = Files.list(dir))
        {
            for (final Path log : files.filter((f) -> f.getFileName().toString().startsWith(
                out.getFileName() + "-")).sorted().toList())
            {
                text.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return text.toString();
    }
}
