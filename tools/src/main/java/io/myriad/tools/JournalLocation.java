package io.myriad.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import io.myriad.kernel.journal.JournalReader;
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
        if (JournalReader.isJournal(journal))
        {
            return journal;
        }
        if (JournalReader.isJournal(path))
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
}
