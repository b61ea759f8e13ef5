package io.myriad.tools;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.KillPoint;
import io.myriad.kernel.checkpoint.Checkpoints;
import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;

/**
 * Runs killed with SIGKILL in child JVMs, then resumed, until at least {@link #KILLS} kills: every run must end
 * with the state hash and the metrics.csv (byte for byte) of a run never interrupted, and its journal must pass
 * {@code journal verify} after every kill and replay to the same hash at the end.
 * <p>
 * Each run's kills aim at a window in turn ({@link #AIMS}): ticking (a moment at random once a new run's journal
 * has begun; the journal stage is writing documents all the while), a checkpoint being written (the kill follows
 * the creation of the checkpoint's temporary file, seen through a directory watch), a resume catching up (the child
 * is started with the kill point {@link KillPoint#CATCH_UP} armed, and killed once it says it has stopped there,
 * halfway through re-producing its journal's records), and a resume starting (a moment at random, but before it
 * catches up). Where each kill landed is not taken on trust but told by what it left behind ({@link Window}); a
 * kill that missed its window is followed by another aimed at the same one, and the test asserts that every
 * window was hit. Deleting old checkpoints (two file deletions) is too brief a window to hit from outside and is
 * not claimed.
 */
@Tag("slow")
class CrashRecoveryTest
{
    private static final int KILLS = 16;
    private static final int MAX_RUNS = 12;
    private static final int MAX_KILLS_PER_RUN = 6;
    private static final long RANDOM_SEED = 20_261_122L;
    private static final long AWAIT_MS = 60_000;
    private static final String[] SCENARIO =
    {
        "--model", "exchange", "--agents", "60000", "--ticks", "240", "--threads", "2", "--seed", "5",
        "--hash-every", "10", "--checkpoint-every-ticks", "15", "--keep-checkpoints", "2", "--journal-level", "events"
    };
    /** What a run's kills aim at, in order, each until it is hit; the resume after the last runs to the end. */
    private static final Window[] AIMS = { Window.TICKING, Window.CHECKPOINT_WRITE, Window.CATCH_UP, Window.STARTING };
    /** Records a run journals before its first tick: the run start and the state hash at tick 0. */
    private static final long RECORDS_BEFORE_FIRST_TICK = 2;
    /** How a resume's line saying where it resumes from begins. */
    private static final String RESUMING = "myriad: resuming ";
    private static final Pattern VERIFIED_RECORDS = Pattern.compile("^ok: ([0-9,]+) records", Pattern.MULTILINE);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process child;

    /**
     * Where a kill landed, told by what it left behind.
     */
    enum Window
    {
        /** Nothing new in the journal, no kill point reached: the child was starting up, restoring or catching up. */
        STARTING,
        /** The child said it stopped at {@link KillPoint#CATCH_UP}, and the journal is as it was before. */
        CATCH_UP,
        /** A checkpoint begun by the child has no manifest: a temporary file, or a data file alone. */
        CHECKPOINT_WRITE,
        /** The journal holds records of ticks the child ran. */
        TICKING
    }

    @AfterEach
    void killTheChildLeft()
    {
        if (child != null)
        {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldResumeEveryKilledRunToTheUninterruptedState() throws Exception
    {
        final List<String> reference = new ArrayList<>(List.of("run"));
        reference.addAll(List.of(SCENARIO));
        reference.addAll(List.of("--no-journal", "--out", "reference"));
        final CliRun uninterrupted = CliRun.run(dir, reference.toArray(new String[0]));
        assertEquals(Main.EXIT_OK, uninterrupted.status, uninterrupted.toString());
        final String expected = stateHash(dir.resolve("reference"));
        final String expectedMetrics = Files.readString(dir.resolve("reference").resolve("metrics.csv"));

        final Random random = new Random(RANDOM_SEED);
        final Map<Window, Integer> hits = new EnumMap<>(Window.class);
        final List<String> kills = new ArrayList<>();
        for (int run = 0; run < MAX_RUNS && kills.size() < KILLS; run++)
        {
            final Path out = dir.resolve("run-" + run);
            final List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(List.of(SCENARIO));
            args.addAll(List.of("--out", out.toString()));
            List<String> command = args;
            long recordsAtStart = RECORDS_BEFORE_FIRST_TICK;
            boolean finished = false;
            int aimed = 0;
            for (int k = 0; aimed < AIMS.length && k < MAX_KILLS_PER_RUN; k++)
            {
                final Window aim = AIMS[aimed];
                final Instant started = Instant.now();
                final Path log = dir.resolve(out.getFileName() + "-" + k + ".log");
                final boolean inWindow;
                try (WatchService watch = FileSystems.getDefault().newWatchService())
                {
                    if (aim == Window.CHECKPOINT_WRITE)
                    {
                        Files.createDirectories(out.resolve("checkpoints")).register(watch, ENTRY_CREATE);
                    }
                    child = start(command, log, aim == Window.CATCH_UP ? KillPoint.CATCH_UP : null);
                    inWindow = awaitWindow(aim, k > 0, out, log, watch, random);
                }
                finished = !inWindow && !child.isAlive();
                if (finished)
                {
                    break; // it ran to the end first: it ends the run
                }
                child.destroyForcibly();
                final long killedAfterMs = Duration.between(started, Instant.now()).toMillis();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");
                final CliRun verify = CliRun.run(dir, "journal", "verify", out.toString());
                assertEquals(Main.EXIT_OK, verify.status, "journal verify after kill " + (kills.size() + 1) + ": " +
                    verify);
                final long records = verifiedRecords(verify);
                final Window hit = windowHit(out, log, started, recordsAtStart, records);
                if (hit == Window.CATCH_UP)
                {
                    assertEquals(recordsAtStart, records, "a run killed while catching up has appended nothing");
                }
                hits.merge(hit, 1, Integer::sum);
                aimed += hit == aim ? 1 : 0; // a miss is aimed again by the next kill
                kills.add("run " + run + " kill " + k + ": aimed at " + aim + ", hit " + hit + ", " + killedAfterMs +
                    " ms after the child started");
                System.out.println(kills.get(kills.size() - 1));
                recordsAtStart = records;
                command = List.of("resume", out.toString());
            }
            if (!finished)
            {
                child = start(command, dir.resolve(out.getFileName() + "-last.log"), null);
            }
            assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the last resume of run " + run + " finishes");
            assertEquals(0, child.exitValue(), "the last resume of run " + run + " succeeds: " + logs(out));
            assertEquals(expected, stateHash(out), "run " + run + " ends where an uninterrupted run does");
            assertEquals(expectedMetrics, Files.readString(out.resolve("metrics.csv")),
                "run " + run + " leaves the metrics.csv an uninterrupted run does: " + kills);
            final CliRun verify = CliRun.run(dir, "journal", "verify", out.toString());
            assertEquals(Main.EXIT_OK, verify.status, verify.toString());
        }
        System.out.println("windows hit: " + hits);
        assertTrue(kills.size() >= KILLS, "at least " + KILLS + " kills, was " + kills.size() + ": " + kills);
        for (final Window claimed : Window.values())
        {
            assertTrue(hits.getOrDefault(claimed, 0) > 0, "no kill hit " + claimed + ": " + kills);
        }

        final CliRun replay = CliRun.run(dir, "replay", "run-0", "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        assertEquals(expected, JSON.readTree(replay.lastOutLine()).get("state_hash").textValue());
    }

    private static String stateHash(final Path runDirectory) throws IOException
    {
        return JSON.readTree(Files.readString(runDirectory.resolve("summary.json"))).get("state_hash").textValue();
    }

    private Process start(final List<String> args, final Path log, final String killPoint) throws IOException
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
        if (killPoint != null)
        {
            command.add("-D" + KillPoint.PROP_NAME + "=" + killPoint);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    }

    /**
     * Waits for the moment to kill the child for {@code aim}.
     *
     * @return true if the child is in the window aimed at (as far as the test can tell before the kill); false if
     *         it ended first, or the wait timed out.
     */
    private boolean awaitWindow(
        final Window aim,
        final boolean resumed,
        final Path out,
        final Path log,
        final WatchService watch,
        final Random random)
        throws IOException, InterruptedException
    {
        if (aim == Window.CHECKPOINT_WRITE)
        {
            return awaitCheckpointWrite(watch);
        }
        if (aim == Window.CATCH_UP)
        {
            return awaitLine(log, KillPoint.reachedLine(KillPoint.CATCH_UP), AWAIT_MS);
        }
        if (aim == Window.STARTING)
        {
            // a moment at random, but no later than the resume says where it resumes from (then it catches up)
            awaitLine(log, RESUMING, random.nextInt(1_500));
            return child.isAlive();
        }
        // once a new run's journal has begun, or a resume has said where it resumes from (it catches up, then
        // ticks), a moment at random: most likely while it ticks
        final boolean begun = resumed ? awaitLine(log, RESUMING, AWAIT_MS) : awaitJournal(out);
        TimeUnit.MILLISECONDS.sleep(random.nextInt(1_500));
        return begun && child.isAlive();
    }

    private boolean awaitJournal(final Path out) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MS);
        while (System.nanoTime() < deadline && child.isAlive())
        {
            if (Files.isDirectory(out.resolve("journal")))
            {
                try (JournalReader reader = JournalReader.open(out.resolve("journal")))
                {
                    if (reader.next(new JournalRecord()))
                    {
                        return true;
                    }
                }
                catch (final JournalException ex)
                {
                    // not there yet
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    /**
     * @return true once the child's log holds {@code line}; false if the child ended first or {@code timeoutMs}
     *         passed.
     */
    private boolean awaitLine(final Path log, final String line, final long timeoutMs)
        throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final boolean alive = child.isAlive();
            if (Files.readString(log).contains(line))
            {
                return true;
            }
            if (!alive || System.nanoTime() >= deadline)
            {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /**
     * Waits until the child creates a checkpoint's temporary data file: it is writing the checkpoint.
     *
     * @return false if the child ended first.
     */
    private boolean awaitCheckpointWrite(final WatchService watch) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MS);
        while (System.nanoTime() < deadline && child.isAlive())
        {
            final WatchKey key = watch.poll(10, TimeUnit.MILLISECONDS);
            if (key != null)
            {
                for (final WatchEvent<?> event : key.pollEvents())
                {
                    if (event.context().toString().endsWith(Checkpoints.DATA_SUFFIX + Checkpoints.TEMPORARY_SUFFIX))
                    {
                        return true;
                    }
                }
                key.reset();
            }
        }
        return false;
    }

    private static long verifiedRecords(final CliRun verify)
    {
        final Matcher matcher = VERIFIED_RECORDS.matcher(verify.out);
        assertTrue(matcher.find(), "journal verify says how many records: " + verify);
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    private static Window windowHit(
        final Path out, final Path log, final Instant started, final long recordsAtStart, final long records)
        throws IOException
    {
        if (leftAnIncompleteCheckpoint(out.resolve("checkpoints"), started))
        {
            return Window.CHECKPOINT_WRITE;
        }
        if (Files.readString(log).contains(KillPoint.reachedLine(KillPoint.CATCH_UP)))
        {
            return Window.CATCH_UP;
        }
        return records > recordsAtStart ? Window.TICKING : Window.STARTING;
    }

    /**
     * @return true if a checkpoint file written since {@code since} belongs to a checkpoint left without a
     *         manifest: a temporary file, or a data file whose manifest was never written.
     */
    private static boolean leftAnIncompleteCheckpoint(final Path checkpoints, final Instant since) throws IOException
    {
        if (!Files.isDirectory(checkpoints))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(checkpoints))
        {
            for (final Path file : files.toList())
            {
                final String name = file.getFileName().toString();
                final boolean incomplete = name.endsWith(Checkpoints.TEMPORARY_SUFFIX) ||
                    (name.endsWith(Checkpoints.DATA_SUFFIX) && !Files.exists(checkpoints.resolve(name.substring(0,
                    name.length() - Checkpoints.DATA_SUFFIX.length()) + Checkpoints.MANIFEST_SUFFIX)));
                if (incomplete && Files.getLastModifiedTime(file).toInstant().isAfter(since))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private String logs(final Path out) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir))
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
