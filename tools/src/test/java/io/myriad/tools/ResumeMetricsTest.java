package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.KillPoint;

/**
 * {@code myriad resume} continues a run's metrics.csv so that it ends as an uninterrupted run's does, byte for byte.
 */
class ResumeMetricsTest
{
    private static final String[] SETTINGS =
    {
        "--model", "exchange", "--agents", "500", "--threads", "2", "--seed", "3", "--hash-every", "5",
        "--metrics-every", "4", "--checkpoint-every-ticks", "10", "--keep-checkpoints", "5"
    };

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killTheChildLeft()
    {
        if (child != null)
        {
            child.destroyForcibly();
        }
    }

    private CliRun run(final String out, final int ticks)
    {
        final List<String> args = new ArrayList<>(List.of("run", "--ticks", Integer.toString(ticks), "--out", out));
        args.addAll(List.of(SETTINGS));
        final CliRun run = CliRun.run(dir, args.toArray(new String[0]));
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        return run;
    }

    private byte[] metrics(final String run) throws IOException
    {
        return Files.readAllBytes(dir.resolve(run).resolve("metrics.csv"));
    }

    @Test
    void shouldEndAsAnUninterruptedRunsMetricsWhenResumedFromAnEarlierCheckpoint() throws IOException
    {
        run("full", 40);
        run("half", 27);
        // what a kill may leave besides: rows its journal never reached, the last one torn
        Files.writeString(dir.resolve("half/metrics.csv"), "28,500,1,2\n32,50", StandardOpenOption.APPEND);

        final CliRun resume = CliRun.run(dir, "resume", "half/checkpoints/tick-000000000010.manifest", "--ticks", "13");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertEquals(new String(metrics("full")), new String(metrics("half")),
            "rows every 4 ticks and at 40; none at 10, where it resumed, nor at 27, where it stopped first");
    }

    @Test
    @Tag("slow")
    void shouldEndAsAnUninterruptedRunsMetricsAfterAResumeIsKilledWhileItCatchesUp() throws Exception
    {
        run("full", 40);
        run("half", 27);
        final Path log = dir.resolve("killed.log");
        child = start(log, "resume", "half/checkpoints/tick-000000000010.manifest", "--ticks", "13");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains(KillPoint.reachedLine(KillPoint.CATCH_UP)))
        {
            assertTrue(child.isAlive() && System.nanoTime() < deadline, "the resume stops at the kill point: " +
                Files.readString(log));
            TimeUnit.MILLISECONDS.sleep(5);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");

        final CliRun resume = CliRun.run(dir, "resume", "half", "--ticks", "13");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertTrue(resume.err.contains("from checkpoint tick-000000000020.manifest"), resume.err);
        assertEquals(new String(metrics("full")), new String(metrics("half")));
    }

    @Test
    void shouldStartANewMetricsFileWithAWarningWhenItIsMissing() throws IOException
    {
        run("full", 40);
        run("half", 27);
        Files.delete(dir.resolve("half/metrics.csv"));

        final CliRun resume = CliRun.run(dir, "resume", "half", "--ticks", "13");

        assertEquals(Main.EXIT_OK, resume.status, resume.toString());
        assertTrue(resume.err.contains("myriad: warning: metrics file " + dir.resolve("half/metrics.csv") +
            " is missing: a new one starts at step 20, without the rows of the steps before it"), resume.err);
        final List<String> full = Files.readAllLines(dir.resolve("full/metrics.csv"));
        final List<String> expected = new ArrayList<>(List.of(full.get(0)));
        expected.addAll(full.subList(full.indexOf(full.stream().filter((l) -> l.startsWith("20,")).findFirst()
            .orElseThrow()), full.size()));
        assertEquals(expected, Files.readAllLines(dir.resolve("half/metrics.csv")), "the header, then from step 20");
    }

    @Test
    void shouldRefuseAnotherRunsMetricsFileAndChangeNothing() throws IOException
    {
        run("half", 27);
        final Path file = dir.resolve("half/metrics.csv");
        final List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, lines.get(0).replace("traders", "dealers"));
        Files.write(file, lines);
        final byte[] before = Files.readAllBytes(file);

        final CliRun resume = CliRun.run(dir, "resume", "half", "--ticks", "13");

        assertEquals(Main.EXIT_BAD_INPUT, resume.status, resume.toString());
        assertTrue(resume.err.startsWith("myriad: metrics file " + file + " cannot be continued: its header is " +
            "'step,dealers,"), resume.err);
        assertTrue(resume.err.contains("move it aside to start a new one"), resume.err);
        assertEquals(new String(before), Files.readString(file), "nothing already written is lost");
        final CliRun verify = CliRun.run(dir, "journal", "verify", "half");
        assertEquals(Main.EXIT_OK, verify.status, verify.toString());
    }

    @Test
    void shouldRefuseAMetricsFileThatLostRowsTheResumeCannotWriteAgain() throws IOException
    {
        run("half", 27);
        final Path file = dir.resolve("half/metrics.csv");
        final List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 4)); // the header and the rows of steps 0, 4 and 8

        final CliRun resume = CliRun.run(dir, "resume", "half", "--ticks", "13");

        assertEquals(Main.EXIT_BAD_INPUT, resume.status, resume.toString());
        assertTrue(resume.err.contains("its rows end at step 8, but the run resumes at step 20"), resume.err);
        assertTrue(resume.err.contains("resume from a checkpoint at or before tick 12"), resume.err);
        assertEquals(lines.subList(0, 4), Files.readAllLines(file), "nothing already written is lost");

        final CliRun older = CliRun.run(dir, "resume", "half/checkpoints/tick-000000000010.manifest", "--ticks", "13");
        assertEquals(Main.EXIT_OK, older.status, older.toString());
        run("full", 40);
        assertEquals(new String(metrics("full")), new String(metrics("half")));
    }

    private Process start(final Path log, final String... args) throws IOException
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
        command.add("-Xmx256m");
        command.add("-D" + KillPoint.PROP_NAME + "=" + KillPoint.CATCH_UP);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    }
}
