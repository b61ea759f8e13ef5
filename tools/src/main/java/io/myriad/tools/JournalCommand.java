package io.myriad.tools;

import java.nio.ByteOrder;

import io.myriad.kernel.command.CommandDescriptor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import io.myriad.tools.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code myriad journal dump|tail|stats|verify}: reads a run's journal without changing it.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reads a run's journal: dump or follow its records as JSON lines, count them, check them.",
    footer =
    {
        "",
        "RUN_DIR is a run's directory (or its journal directory). Record types: run_start, state_hash, " +
            "events (printed as one 'event' line each), input, run_end; docs/journal.md describes each one's bytes."
    })
final class JournalCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    /**
     * @param workingDirectory where relative paths are resolved.
     * @return the {@code journal} command with its subcommands.
     */
    static CommandLine commandLine(final Path workingDirectory)
    {
        final CommandLine journal = new CommandLine(new JournalCommand());
        journal.addSubcommand(new Dump(workingDirectory));
        journal.addSubcommand(new Tail(workingDirectory));
        journal.addSubcommand(new Stats(workingDirectory));
        journal.addSubcommand(new Verify(workingDirectory));
        return journal;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        spec.commandLine().getErr().println("myriad: journal: missing command; choose one of:");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
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

    /**
     * What every {@code journal} subcommand shares: the run it reads.
     */
    abstract static class Subcommand implements Callable<Integer>
    {
        @Parameters(paramLabel = "RUN_DIR", description = "The run's directory (or its journal directory).")
        String run;

        @Spec
        CommandSpec spec;

        private final Path workingDirectory;

        Subcommand(final Path workingDirectory)
        {
            this.workingDirectory = workingDirectory;
        }

        /**
         * @return the journal directory of the run named, or a bad-input error saying what is there instead.
         */
        Path journal()
        {
            Main.requireModuleAccess();
            return JournalLocation.resolve(workingDirectory, run);
        }
    }

    /**
     * {@code journal dump}.
     */
    @Command(name = "dump", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prints the journal's records as JSON lines, in order, optionally filtered.")
    static final class Dump extends Subcommand
    {
        @Option(names = "--from", paramLabel = "T", description = "Only records of tick T or later.")
        long from = Long.MIN_VALUE;

        @Option(names = "--to", paramLabel = "T", description = "Only records of tick T or earlier.")
        long to = Long.MAX_VALUE;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only records of this type.")
        String type;

        @Option(names = "--agent", paramLabel = "ID", description = "Only the events and inputs for agent ID.")
        Integer agent;

        Dump(final Path workingDirectory)
        {
            super(workingDirectory);
        }

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
                    if (record.type() == RecordType.EVENTS)
                    {
                        int offset = record.commandsOffset();
                        for (int i = 0, count = record.eventsCount(); i < count; i++)
                        {
                            if (agent == null || RecordJson.target(record.buffer(), offset) == agent)
                            {
                                out.println(RecordJson.eventLine(record, i, offset));
                            }
                            offset += record.buffer().getInt(offset + CommandDescriptor.LENGTH_OFFSET,
                                ByteOrder.LITTLE_ENDIAN);
                        }
                    }
                    else if (agent == null || (record.type() == RecordType.INPUT && record.inputTarget() == agent))
                    {
                        out.println(RecordJson.toLine(record));
                    }
                }
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }

    /**
     * {@code journal tail}.
     */
    @Command(name = "tail", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prints the journal's last records as JSON lines; with -f, then follows a live run until " +
            "its run_end record (or Ctrl-C).")
    static final class Tail extends Subcommand
    {
        @Option(names = { "-f", "--follow" }, description = "Keep printing records as the run writes them.")
        boolean follow;

        @Option(names = { "-n", "--lines" }, paramLabel = "N", description = "Records to print first; default 10.")
        int lines = 10;

        @Option(names = "--poll-ms", paramLabel = "MS", hidden = true, description = "How often -f looks for more.")
        long pollMs = 50;

        Tail(final Path workingDirectory)
        {
            super(workingDirectory);
        }

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
                while (reader.next(record))
                {
                    ended = record.type() == RecordType.RUN_END;
                    forEachLine(record, (line) ->
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
                        forEachLine(record, out::println);
                        ended = record.type() == RecordType.RUN_END;
                    }
                    else
                    {
                        out.flush();
                        TimeUnit.MILLISECONDS.sleep(pollMs);
                    }
                }
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }

    private static void forEachLine(final JournalRecord record, final Consumer<String> action)
    {
        if (record.type() == RecordType.EVENTS)
        {
            int offset = record.commandsOffset();
            for (int i = 0, count = record.eventsCount(); i < count; i++)
            {
                action.accept(RecordJson.eventLine(record, i, offset));
                offset += record.buffer().getInt(offset + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            }
        }
        else
        {
            action.accept(RecordJson.toLine(record));
        }
    }

    /**
     * {@code journal stats}.
     */
    @Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Counts the journal's records by type, with their bytes, the ticks they span and the rate.")
    static final class Stats extends Subcommand
    {
        Stats(final Path workingDirectory)
        {
            super(workingDirectory);
        }

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
    }

    /**
     * {@code journal verify}.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks every record's framing, type, version and checksum, and the journal's structure " +
            "(one run_start first, ticks in order). Exit 0 if sound, 1 if damaged, 2 if there is no journal.")
    static final class Verify extends Subcommand
    {
        Verify(final Path workingDirectory)
        {
            super(workingDirectory);
        }

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
