package io.myriad.bench.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.InputDescriptor;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.RunHeader;

/**
 * A journal in a fresh temporary directory, removed again on close, and the size of the record the benchmarks
 * append: a 64-byte input record (32 bytes of data).
 */
final class JournalFixture implements AutoCloseable
{
    /** Bytes of data in each benchmarked input record. */
    static final int DATA_LENGTH = 32;
    /** Length of each benchmarked record. */
    static final int RECORD_LENGTH = InputDescriptor.length(DATA_LENGTH);

    private final Path directory;
    private final JournalWriter writer;

    JournalFixture(final Path parent)
    {
        try
        {
            directory = Files.createTempDirectory(parent, "myriad-journal-bench");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        writer = JournalWriter.create(directory.resolve("journal"), new RunHeader(
            "drift", 1, 42, Map.of(), JournalLevel.EVENTS, 1, 0, StateHash.VERSION, "benchmark"));
    }

    JournalWriter writer()
    {
        return writer;
    }

    public void close()
    {
        writer.close();
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
