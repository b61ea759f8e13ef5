package io.myriad.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import picocli.CommandLine.Command;

/**
 * {@code journal stats}: counts a journal's records and their bytes by type, with the ticks they span, the records
 * and events per tick, and the bytes its files take on disk.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Counts the journal's records by type, with their bytes, the ticks they span and the rate.")
final class JournalStatsCommand extends JournalSubcommand
{
    JournalStatsCommand(final Path workingDirectory)
    {
        super(workingDirectory);
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final Path journal = journal();
        final Map<RecordType, long[]> byType = new EnumMap<>(RecordType.class);
        long records = 0;
        long events = 0;
        long bytes = 0;
        long firstTick = Long.MAX_VALUE;
        long lastTick = Long.MIN_VALUE;
        final long documents;
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record))
            {
                final long[] counts = byType.computeIfAbsent(record.type(), (type) -> new long[2]);
                counts[0]++;
                counts[1] += record.length();
                records++;
                bytes += record.length();
                if (record.type() == RecordType.EVENTS)
                {
                    events += record.eventsCount();
                }
                firstTick = Math.min(firstTick, record.tick());
                lastTick = Math.max(lastTick, record.tick());
            }
            documents = reader.documents();
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-14s %s%n", "journal", journal);
        out.printf(Locale.ROOT, "%-14s %,d in %,d documents, %,d bytes of records%n",
            "records", records, documents, bytes);
        out.printf(Locale.ROOT, "%-14s %,d bytes (Chronicle's files are sparse: blocks are allocated as " +
            "records fill them)%n", "file sizes", fileBytes(journal));
        if (records > 0)
        {
            final long ticks = lastTick - firstTick;
            out.printf(Locale.ROOT, "%-14s %,d to %,d%n", "ticks", firstTick, lastTick);
            out.printf(Locale.ROOT, "%-14s %.3f records per tick%s%n", "rate",
                ticks == 0 ? (double)records : (double)records / ticks, events == 0 ? "" :
                String.format(Locale.ROOT, ", %.1f events per tick (%,d events)",
                ticks == 0 ? (double)events : (double)events / ticks, events));
        }
        for (final Map.Entry<RecordType, long[]> entry : byType.entrySet())
        {
            out.printf(Locale.ROOT, "  %-12s %,14d records %,16d bytes%n",
                entry.getKey().label(), entry.getValue()[0], entry.getValue()[1]);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static long fileBytes(final Path journal)
    {
        try (Stream<Path> files = Files.list(journal))
        {
            long total = 0;
            for (final Path file : files.toList())
            {
                total += Files.size(file);
            }
            return total;
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }
}
