package io.myriad.kernel.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
 * Writes metric rows to a CSV file ({@code metrics.csv}, see {@link MetricsCsv}: a header, then {@code step} and
 * one column per value) on a thread of its own, an Agrona {@link Agent}: the simulation's thread copies each row
 * into a ring buffer, which allocates nothing, and the writer's thread formats it. Integral values are written
 * without a fraction, others as Java's shortest round-tripping decimal, missing ones as {@code NaN}: ready for
 * pandas or polars. A writer {@link #open creates} a file, or {@link #resume continues} one a stopped run wrote.
 */
public final class MetricsWriter implements AutoCloseable
{
    private static final int ROW_TYPE = 1;
    private static final int FLUSH_TYPE = 2;
    private static final int RING_BYTES = 1 << 20;

    private final OneToOneRingBuffer ring;
    private final UnsafeBuffer row;
    private final AgentRunner runner;
    private final Writer writer;
    private final IdleStrategy producerIdle = new BackoffIdleStrategy(10, 10, 1_000, 100_000);
    private final Path file;
    private final long lastStep;
    private long flushes;
    private boolean closed;

    private MetricsWriter(final Path file, final FileChannel channel, final int columns, final long lastStep)
    {
        this.file = file;
        this.lastStep = lastStep;
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
        this.row = new UnsafeBuffer(new byte[BitUtil.align(Long.BYTES + columns * Double.BYTES, 8)]);
        this.writer = new Writer(ring, channel, columns, file);
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
        FileChannel channel = null;
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            channel.write(ByteBuffer.wrap(MetricsCsv.header(columns).getBytes(StandardCharsets.UTF_8)));
            return new MetricsWriter(file, channel, columns.size(), -1);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("cannot create metrics file " + file + ": " +
                (ex instanceof FileAlreadyExistsException ? "it exists already" : ex.toString()), ex);
        }
    }

    /**
     * Continues the metrics file of a stopped run that resumes at {@code startStep}: keeps its header and its
     * rows up to step {@code keptUpTo}, cut as {@link MetricsCsv#keep} says (a torn last line, rows past
     * {@code keptUpTo} and an earlier end's row are dropped), and starts the writer's thread to append after them.
     * The caller writes only rows after {@link #lastStep()}.
     *
     * @param file      the run's CSV file; must exist.
     * @param columns   the value columns' names, after {@code step}: the file's header must name them.
     * @param every     steps between the run's rows.
     * @param keptUpTo  the last step whose rows are still the run's (where its journal reaches).
     * @param startStep the step the run resumes at.
     * @return the writer.
     * @throws MetricsException     if the file is not this run's, or lacks rows before {@code startStep}; it is
     *                              left as it was.
     * @throws UncheckedIOException if the file cannot be read or cut, saying why.
     */
    public static MetricsWriter resume(
        final Path file, final List<String> columns, final int every, final long keptUpTo, final long startStep)
    {
        final String header = MetricsCsv.header(columns);
        final MetricsCsv.Kept kept = MetricsCsv.keep(file, header, every, keptUpTo, startStep);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.truncate(kept.length());
            channel.position(kept.length());
            if (kept.length() == 0)
            {
                channel.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8)));
            }
            channel.force(false);
            return new MetricsWriter(file, channel, columns.size(), kept.lastStep());
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("cannot continue metrics file " + file + ": " + ex, ex);
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
     * Forces every row handed over so far to disk, waiting for the writer's thread to write them: a checkpoint
     * taken after this never reaches past the file. Allocates nothing.
     *
     * @throws UncheckedIOException if a row could not be written or forced.
     */
    public void flush()
    {
        writer.checkFailure();
        final long request = ++flushes;
        row.putLong(0, request);
        producerIdle.reset();
        while (!ring.write(FLUSH_TYPE, row, 0, Long.BYTES))
        {
            writer.checkFailure();
            producerIdle.idle();
        }
        producerIdle.reset();
        while (writer.flushed < request)
        {
            writer.checkFailure();
            producerIdle.idle();
        }
    }

    /**
     * @return the step of the last row the file held when it was {@link #resume resumed}, or -1.
     */
    public long lastStep()
    {
        return lastStep;
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

    /**
     * The writer's thread: drains rows from the ring and formats them.
     */
    private static final class Writer implements Agent, MessageHandler
    {
        private final OneToOneRingBuffer ring;
        private final FileChannel channel;
        private final BufferedWriter out;
        private final int columns;
        private final Path file;
        private final StringBuilder line = new StringBuilder(256);
        private volatile Throwable failure;
        private volatile long flushed;

        Writer(final OneToOneRingBuffer ring, final FileChannel channel, final int columns, final Path file)
        {
            this.ring = ring;
            this.channel = channel;
            this.out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
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
            try
            {
                if (msgTypeId == FLUSH_TYPE)
                {
                    out.flush();
                    channel.force(false);
                    flushed = buffer.getLong(index);
                    return;
                }
                line.setLength(0);
                line.append(buffer.getLong(index));
                for (int c = 0; c < columns; c++)
                {
                    line.append(',');
                    MetricsCsv.appendValue(line, buffer.getDouble(index + Long.BYTES + c * Double.BYTES));
                }
                line.append('\n');
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
