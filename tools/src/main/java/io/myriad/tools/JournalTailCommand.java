package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import io.myriad.tools.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code journal tail}: prints the last lines of a journal's records as JSON lines ({@link RecordJson}) and, with
 * {@code -f}, follows a live run by polling for more until its run_end record.
 */
@Command(name = "tail", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Prints the journal's last records as JSON lines; with -f, then follows a live run until " +
        "its run_end record (or Ctrl-C).")
final class JournalTailCommand extends JournalSubcommand
{
    @Option(names = { "-f", "--follow" }, description = "Keep printing records as the run writes them.")
    boolean follow;

    @Option(names = { "-n", "--lines" }, paramLabel = "N", description = "Records to print first; default 10.")
    int lines = 10;

    @Option(names = "--poll-ms", paramLabel = "MS", hidden = true, description = "How often -f looks for more.")
    long pollMs = 50;

    JournalTailCommand(final Path workingDirectory)
    {
        super(workingDirectory);
    }

    /**
     * {@inheritDoc}
     */
    public Integer call() throws InterruptedException
    {
        if (lines < 0)
        {
            throw new ScenarioException("--lines " + lines + ": must be 0 or more");
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (JournalReader reader = JournalReader.open(journal()))
        {
            final JournalRecord record = new JournalRecord();
            final ArrayDeque<String> last = new ArrayDeque<>();
            boolean ended = false;
            RunVocabulary vocabulary = RunVocabulary.none();
            while (reader.next(record))
            {
                ended = record.type() == RecordType.RUN_END;
                if (record.type() == RecordType.RUN_START)
                {
                    vocabulary = RunVocabulary.of(record.runHeader(), journal());
                }
                RecordJson.forEachLine(record, null, vocabulary, (line) ->
                {
                    if (lines > 0)
                    {
                        if (last.size() == lines)
                        {
                            last.removeFirst();
                        }
                        last.addLast(line);
                    }
                });
            }
            last.forEach(out::println);
            out.flush();
            while (follow && !ended)
            {
                if (reader.next(record))
                {
                    RecordJson.forEachLine(record, null, vocabulary, out::println);
                    ended = record.type() == RecordType.RUN_END || out.checkError();
                }
                else
                {
                    out.flush();
                    if (out.checkError())
                    {
                        break; // the reader went away
                    }
                    TimeUnit.MILLISECONDS.sleep(pollMs);
                }
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
