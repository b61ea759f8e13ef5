package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import io.myriad.tools.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code journal dump}: prints a journal's records as JSON lines ({@link RecordJson}), in order, keeping only those
 * of the ticks, type and agent asked for.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Prints the journal's records as JSON lines, in order, optionally filtered.")
final class JournalDumpCommand extends JournalSubcommand
{
    @Option(names = "--from", paramLabel = "T", description = "Only records of tick T or later.")
    long from = Long.MIN_VALUE;

    @Option(names = "--to", paramLabel = "T", description = "Only records of tick T or earlier.")
    long to = Long.MAX_VALUE;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only records of this type.")
    String type;

    @Option(names = "--agent", paramLabel = "ID", description = "Only the events and inputs for agent ID.")
    Integer agent;

    JournalDumpCommand(final Path workingDirectory)
    {
        super(workingDirectory);
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final RecordType only = parseType(type);
        if (from > to)
        {
            throw new ScenarioException("--from " + from + " is after --to " + to + "; give --from T <= --to T");
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (JournalReader reader = JournalReader.open(journal()))
        {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record))
            {
                if (record.tick() < from || record.tick() > to || (only != null && record.type() != only))
                {
                    continue;
                }
                RecordJson.forEachLine(record, agent, out::println);
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static RecordType parseType(final String type)
    {
        if (type == null)
        {
            return null;
        }
        final RecordType parsed = RecordType.ofLabel(type);
        if (parsed == null)
        {
            final StringBuilder names = new StringBuilder();
            for (final RecordType known : RecordType.values())
            {
                names.append(names.length() == 0 ? "" : ", ").append(known.label());
            }
            throw new ScenarioException("--type " + type + ": unknown record type; the types are " + names);
        }
        return parsed;
    }
}
