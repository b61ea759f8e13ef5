package io.myriad.kernel.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;


/**
 * The Chronicle Queue behind a journal: how the writer opens it, and how the writer, the reader and the tools find
 * its data files.
 */
final class Journals
{
    /** Suffix of Chronicle Queue's data files. */
    static final String DATA_FILE_SUFFIX = ".cq4";

    /**
     * How often a journal starts a new data file: weekly, by the queue's clock, so a run rarely crosses one. Tests
     * that need a journal spanning several files move the clock instead (see
     * {@link JournalWriter#create(Path, RunHeader, int, TimeProvider)}).
     */
    static final RollCycle ROLL_CYCLE = RollCycles.WEEKLY;

    static
    {
        // Chronicle's usage analytics would try the network from inside a simulation; an embedder may still opt in.
        if (System.getProperty("chronicle.analytics.disable") == null)
        {
            System.setProperty("chronicle.analytics.disable", "true");
        }
    }

    /** The clock a journal's queue reads outside tests: the system's (after the property above is set). */
    static final TimeProvider SYSTEM_CLOCK = SystemTimeProvider.INSTANCE;

    private Journals()
    {
    }

    /**
     * @param directory a journal directory.
     * @return true if it holds at least one data file.
     */
    static boolean hasData(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.anyMatch((file) -> file.getFileName().toString().endsWith(DATA_FILE_SUFFIX));
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot list journal directory " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param directory a journal directory.
     * @return its newest data file (cycle names sort by time), or null if it has none.
     */
    static Path newestDataFile(final Path directory)
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter((file) -> file.getFileName().toString().endsWith(DATA_FILE_SUFFIX))
                .max(Comparator.comparing((Path file) -> file.getFileName().toString())).orElse(null);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /**
     * @param directory    the journal directory.
     * @param timeProvider the clock that decides which data file (one a {@link #ROLL_CYCLE cycle}) a document goes
     *                     into; {@link #SYSTEM_CLOCK} but in tests.
     * @return the queue, open for appending.
     * @throws IllegalStateException if the JVM lacks a module flag Chronicle Queue needs, naming it.
     */
    static SingleChronicleQueue open(final Path directory, final TimeProvider timeProvider)
    {
        JournalAccess.require();
        return SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(ROLL_CYCLE)
            .timeProvider(timeProvider)
            .readOnly(false)
            .build();
    }
}
