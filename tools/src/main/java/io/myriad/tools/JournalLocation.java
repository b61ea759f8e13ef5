package io.myriad.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.myriad.tools.scenario.ScenarioException;

/**
 * Finds the journal a command is pointed at: a run directory (its {@code journal/}) or a journal directory.
 */
final class JournalLocation
{
    private JournalLocation()
    {
    }

    /**
     * @param workingDirectory where a relative argument is resolved.
     * @param argument         the path as given.
     * @return the journal's directory.
     * @throws ScenarioException if there is no journal there, saying what was found instead.
     */
    static Path resolve(final Path workingDirectory, final String argument)
    {
        final Path path = workingDirectory.resolve(argument);
        if (!Files.exists(path))
        {
            throw new ScenarioException(argument + ": no such run directory; give the directory a run wrote " +
                "(runs/<model>-<time>-<seed> unless --out said otherwise)");
        }
        if (!Files.isDirectory(path))
        {
            throw new ScenarioException(argument + ": is a file; give the run's directory, which holds journal/");
        }
        final Path journal = path.resolve(RunCommand.JOURNAL_DIRECTORY);
        if (holdsQueueFiles(journal))
        {
            return journal;
        }
        if (holdsQueueFiles(path))
        {
            return path;
        }
        if (Files.isRegularFile(path.resolve("summary.json")))
        {
            throw new ScenarioException(argument + ": the run wrote no journal (it ran with --no-journal or " +
                "'journal: false'), so it cannot be replayed or inspected");
        }
        throw new ScenarioException(argument + ": holds no journal; give a run directory (with journal/ in it) " +
            "or a journal directory (with .cq4 files in it)");
    }

    private static boolean holdsQueueFiles(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.anyMatch((file) -> file.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException ex)
        {
            throw new ScenarioException(directory + ": cannot be listed (" + ex.getMessage() + ")");
        }
    }
}
