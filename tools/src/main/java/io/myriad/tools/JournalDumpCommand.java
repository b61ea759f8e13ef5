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
    private static final String DECISION = "decision";

    @Option(names = "--from", paramLabel = "T", description = "Only records of tick T or later.")
    long from = Long.MIN_VALUE;

    @Option(names = "--to", paramLabel = "T", description = "Only records of tick T or earlier.")
    long to = Long.MAX_VALUE;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only records of this type: run_start, " +
        "state_hash, events, run_end, input, or decision (the inputs that are decisions' outcomes, with their " +
        "prompts and answers).")
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
        final boolean decisions = DECISION.equalsIgnoreCase(type);
        final RecordType only = decisions ? RecordType.INPUT : parseType(type);
        if (from > to)
        {
            throw new ScenarioException("--from " + from + " is after --to " + to + "; give --from T <= --to T");
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (JournalReader reader = JournalReader.open(journal()))
        {
            final JournalRecord record = new JournalRecord();
            RunVocabulary vocabulary = RunVocabulary.none();
            while (reader.next(record))
            {
                if (record.type() == RecordType.RUN_START)
                {
                    vocabulary = RunVocabulary.of(record.runHeader(), journal());
                }
                if (record.tick() < from || record.tick() > to || (only != null && record.type() != only) ||
                    (decisions && !RecordJson.isDecision(record)))
                {
                    continue;
                }
                RecordJson.forEachLine(record, agent, vocabulary, (line) ->
                {
                    if (!out.checkError())
                    {
                        out.println(line);
                    }
                });
                if (out.checkError())
                {
                    // the reader went away (| head): a PrintWriter swallows the broken pipe, so stop here
                    return Main.EXIT_OK;
                }
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
            throw new ScenarioException("--type " + type + ": unknown record type; the types are " + names +
                ", and " + DECISION);
        }
        return parsed;
    }
}
