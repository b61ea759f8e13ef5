package io.myriad.kernel.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.BitUtil;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Writes metric rows to a CSV file ({@code metrics.csv}: a header, then {@code step} and one column per value) on a
 * thread of its own, an Agrona {@link Agent}: the simulation's thread copies each row into a ring buffer, which
 * allocates nothing, and the writer's thread formats it. Integral values are written without a fraction, others
 * as Java's shortest round-tripping decimal, missing ones as {@code NaN}: ready for pandas or polars.
 */
public final class MetricsWriter implements AutoCloseable
{
    private static final int ROW_TYPE = 1;
    private static final int RING_BYTES = 1 << 20;

    private final OneToOneRingBuffer ring;
    private final UnsafeBuffer row;
    private final AgentRunner runner;
    private final Writer writer;
    private final IdleStrategy producerIdle = new BackoffIdleStrategy(10, 10, 1_000, 100_000);
    private final Path file;
    private boolean closed;

    private MetricsWriter(final Path file, final BufferedWriter out, final int columns)
    {
        this.file = file;
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
        this.row = new UnsafeBuffer(new byte[BitUtil.align(Long.BYTES + columns * Double.BYTES, 8)]);
        this.writer = new Writer(ring, out, columns, file);
        this.runner = new AgentRunner(new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(10),
            TimeUnit.MILLISECONDS.toNanos(1)), (ex) -> writer.fail(ex), null, writer);
        AgentRunner.startOnThread(runner);
    }

    /**
     * Creates the file, writes its header and starts the writer's thread.
     *
     * @param file    the CSV file; must not exist.
     * @param columns the value columns' names, after {@code step}.
     * @return the writer.
     * @throws UncheckedIOException if the file cannot be created, saying why.
     */
    public static MetricsWriter open(final Path file, final List<String> columns)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            final BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            out.write("step");
            for (final String column : columns)
            {
                out.write(',');
                out.write(quote(column));
            }
            out.write('\n');
            return new MetricsWriter(file, out, columns.size());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create metrics file " + file + ": " +
                (ex instanceof FileAlreadyExistsException ? "it exists already" : ex.toString()), ex);
        }
    }

    /**
     * Hands one row to the writer's thread; waits, backing off, while its ring is full. Allocates nothing.
     *
     * @param step   the steps done when the row was computed.
     * @param values the row's values, {@code columns} of them from index 0.
     */
    public void write(final long step, final double[] values)
    {
        writer.checkFailure();
        final int columns = writer.columns;
        row.putLong(0, step);
        for (int c = 0; c < columns; c++)
        {
            row.putDouble(Long.BYTES + c * Double.BYTES, values[c]);
        }
        final int length = Long.BYTES + columns * Double.BYTES;
        producerIdle.reset();
        while (!ring.write(ROW_TYPE, row, 0, length))
        {
            writer.checkFailure();
            producerIdle.idle();
        }
    }

    /**
     * Writes every row handed over, closes the file and stops the thread. Idempotent.
     *
     * @throws UncheckedIOException if a row could not be written.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            while (ring.size() > 0 && writer.failure == null)
            {
                Thread.onSpinWait();
            }
            CloseHelper.close(runner);
            writer.closeFile();
            writer.checkFailure();
        }
    }

    /**
     * @return the file written.
     */
    public Path file()
    {
        return file;
    }

    private static String quote(final String column)
    {
        return column.indexOf(',') >= 0 || column.indexOf('"') >= 0 ?
            '"' + column.replace("\"", "\"\"") + '"' : column;
    }

    /**
     * The writer's thread: drains rows from the ring and formats them.
     */
    private static final class Writer implements Agent, MessageHandler
    {
        private final OneToOneRingBuffer ring;
        private final BufferedWriter out;
        private final int columns;
        private final Path file;
        private final StringBuilder line = new StringBuilder(256);
        private volatile Throwable failure;

        Writer(final OneToOneRingBuffer ring, final BufferedWriter out, final int columns, final Path file)
        {
            this.ring = ring;
            this.out = out;
            this.columns = columns;
            this.file = file;
        }

        public int doWork()
        {
            return failure == null ? ring.read(this) : 0;
        }

        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index,
            final int length)
        {
            line.setLength(0);
            line.append(buffer.getLong(index));
            for (int c = 0; c < columns; c++)
            {
                final double value = buffer.getDouble(index + Long.BYTES + c * Double.BYTES);
                line.append(',');
                if (value == Math.rint(value) && Math.abs(value) < 1e15)
                {
                    line.append((long)value);
                }
                else
                {
                    line.append(value);
                }
            }
            line.append('\n');
            try
            {
                out.append(line);
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
        }

        public String roleName()
        {
            return "myriad-metrics";
        }

        void fail(final Throwable ex)
        {
            if (failure == null)
            {
                failure = ex;
            }
        }

        void checkFailure()
        {
            final Throwable ex = failure;
            if (ex != null)
            {
                throw new UncheckedIOException("cannot write metrics to " + file + ": " + ex.getMessage() +
                    "; is the disk full?", ex instanceof IOException ? (IOException)ex : new IOException(ex));
            }
        }

        void closeFile()
        {
            try
            {
                out.close();
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
        }
    }
}
