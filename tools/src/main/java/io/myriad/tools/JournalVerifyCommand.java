package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import picocli.CommandLine.Command;

/**
 * {@code journal verify}: reads a whole journal, checking each record (framing, type, version, checksum) and their
 * order (one run_start first, ticks never going back), and reports every problem rather than stopping at the first.
 * A torn tail, which a run killed mid-write leaves and {@code myriad resume} writes again, is a warning, not damage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Checks every record's framing, type, version and checksum, and the journal's structure " +
        "(one run_start first, ticks in order). Exit 0 if sound, 1 if damaged, 2 if there is no journal.")
final class JournalVerifyCommand extends JournalSubcommand
{
    JournalVerifyCommand(final Path workingDirectory)
    {
        super(workingDirectory);
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final Path journal = journal();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        long records = 0;
        long problems = 0;
        long lastTick = Long.MIN_VALUE;
        boolean started = false;
        boolean ended = false;
        int sessions = 0;
        final String torn;
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalRecord record = new JournalRecord();
            while (true)
            {
                try
                {
                    if (!reader.next(record))
                    {
                        break;
                    }
                }
                catch (final JournalException ex)
                {
                    err.println("myriad: " + ex.getMessage());
                    problems++;
                    reader.skipRestOfDocument();
                    continue;
                }
                records++;
                final String structural = structuralProblem(record, started, lastTick);
                if (structural != null)
                {
                    err.println("myriad: journal " + journal + ", document at byte " + record.documentIndex() +
                        ", record at byte " + record.offsetInDocument() + " of it: " + structural);
                    problems++;
                }
                started = true;
                ended = record.type() == RecordType.RUN_END;
                sessions += ended ? 1 : 0;
                if (record.type() != RecordType.RUN_START)
                {
                    lastTick = Math.max(lastTick, record.tick());
                }
            }
            torn = reader.tornTail();
        }
        if (torn != null)
        {
            err.println("myriad: warning: " + torn + "; 'myriad resume' writes them again");
        }
        if (problems > 0)
        {
            out.printf(Locale.ROOT, "damaged: %,d problems; %,d sound records read%n", problems, records);
            out.flush();
            return Main.EXIT_FAILURE;
        }
        out.printf(Locale.ROOT, "ok: %,d records, ticks up to %,d, %s%s%n", records, Math.max(lastTick, 0),
            ended ? "ended with run_end" : "no run_end record at the end (the run was stopped or is running)",
            sessions > 1 ? String.format(Locale.ROOT, " (%d run_end records: the run was resumed)", sessions) :
            "");
        out.flush();
        return Main.EXIT_OK;
    }

    private static String structuralProblem(final JournalRecord record, final boolean started, final long lastTick)
    {
        if (!started && record.type() != RecordType.RUN_START)
        {
            return "the first record is " + record.type().label() + ", not run_start";
        }
        if (started && record.type() == RecordType.RUN_START)
        {
            return "a second run_start record";
        }
        if (record.type() != RecordType.RUN_START && record.tick() < lastTick)
        {
            return record.type().label() + " record of tick " + record.tick() + " after one of tick " + lastTick;
        }
        return null;
    }
}
