package io.myriad.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.myriad.tools.report.RunSummary;
import io.myriad.tools.report.SummaryJson;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.ScenarioException;
import io.myriad.tools.scenario.ScenarioWriter;

/**
 * Where a {@code myriad run} goes and what it leaves there at the end.
 * <p>
 * The directory is planned before the run, so that one that cannot be used is bad input before anything is run:
 * {@code --out DIR}, unless it is a file or already holds a run, or else a new
 * {@code runs/<model>-<yyyyMMdd-HHmmss>-<seed>} under the working directory ({@code m5} for seed -5). The journal,
 * checkpoints and metrics are written into it while the run goes; the resolved scenario and the summary once its
 * ticks are done.
 */
final class RunDirectory
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path workingDirectory;
    private final Path path;

    private RunDirectory(final Path workingDirectory, final Path path)
    {
        this.workingDirectory = workingDirectory;
        this.path = path;
    }

    /**
     * Chooses the run's directory and checks that it can be written, creating nothing.
     *
     * @param workingDirectory where {@code --out} and {@code runs/} are resolved.
     * @param out              the directory {@code --out} names, or null for a new one under {@code runs/}.
     * @param settings         the run's settings, which name a new directory.
     * @param now              the time that names a new directory.
     * @return the run's directory, not yet created.
     * @throws ScenarioException if {@code --out} names a file or a directory that holds a run already, or the
     *                           directory cannot be created.
     */
    static RunDirectory plan(
        final Path workingDirectory, final String out, final RunSettings settings, final LocalDateTime now)
    {
        if (out != null)
        {
            final Path directory = workingDirectory.resolve(out);
            if (Files.exists(directory) && !Files.isDirectory(directory))
            {
                throw new ScenarioException("--out " + out + ": is a file; give a directory for the run");
            }
            if (Files.exists(directory.resolve(SummaryJson.FILE_NAME)))
            {
                throw new ScenarioException("--out " + out + ": already holds a run (" + SummaryJson.FILE_NAME +
                    "); give another directory or remove that one");
            }
            if (Files.isDirectory(directory.resolve(RunCommand.JOURNAL_DIRECTORY)))
            {
                throw new ScenarioException("--out " + out + ": already holds a run's journal (a run that stopped?); " +
                    "continue it with 'myriad resume " + out + "', or give another directory");
            }
            requireWritable(directory, "--out " + out);
            return new RunDirectory(workingDirectory, directory);
        }
        final Path runs = workingDirectory.resolve(RunCommand.RUNS_DIRECTORY);
        // a negative seed is written m5, not -5: a name with "--" reads as a flag
        final String seed = settings.seed() < 0 ? "m" + Long.toString(settings.seed()).substring(1) :
            Long.toString(settings.seed());
        final String name = settings.name() + "-" + TIMESTAMP.format(now) + "-" + seed;
        Path directory = runs.resolve(name);
        for (int i = 2; Files.exists(directory); i++)
        {
            directory = runs.resolve(name + "-" + i);
        }
        requireWritable(directory, "run directory " + display(workingDirectory, directory));
        return new RunDirectory(workingDirectory, directory);
    }

    /**
     * How messages and summaries show a path: relative to the working directory when it lies under it, else
     * absolute.
     *
     * @param workingDirectory the working directory.
     * @param path             the path.
     * @return the path as shown.
     */
    static String display(final Path workingDirectory, final Path path)
    {
        final Path absolute = path.toAbsolutePath().normalize();
        final Path base = workingDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ?
            base.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * @return the directory.
     */
    Path path()
    {
        return path;
    }

    /**
     * @return the directory as messages and summaries show it.
     */
    String display()
    {
        return display(workingDirectory, path);
    }

    /**
     * @param other a path, e.g. of something in the directory.
     * @return it as messages and summaries show it.
     */
    String display(final Path other)
    {
        return display(workingDirectory, other);
    }

    /**
     * Writes what a finished run leaves besides its journal, checkpoints and metrics: the resolved scenario, to run
     * it again, and the summary.
     *
     * @param settings the run's settings.
     * @param summary  the run's summary.
     * @throws RunFailedException if the directory cannot be written.
     */
    void write(final RunSettings settings, final RunSummary summary)
    {
        try
        {
            Files.createDirectories(path);
            Files.write(path.resolve(RunCommand.SCENARIO_FILE_NAME),
                ScenarioWriter.toYaml(settings).getBytes(StandardCharsets.UTF_8));
            SummaryJson.write(summary, path.resolve(SummaryJson.FILE_NAME));
        }
        catch (final IOException | UncheckedIOException ex)
        {
            throw new RunFailedException("cannot write the run directory " + display() + ": " +
                ex.getMessage() + "; give --out DIR somewhere writable", ex);
        }
    }

    private static void requireWritable(final Path directory, final String what)
    {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing))
        {
            throw new ScenarioException(what + ": cannot be created, " + existing + " is not a writable " +
                "directory; give --out DIR somewhere writable");
        }
    }
}
