package io.myriad.kernel.journal;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.BitUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

import io.myriad.kernel.command.CommandDescriptor;

/**
 * The journal stage: one producer thread (the simulation's) appends records, and the writer's own thread drains
 * them into the Chronicle Queue.
 * <p>
 * An append encodes its record straight into an Agrona {@link OneToOneRingBuffer} and returns: no allocation and no
 * wait, unless the ring is full, when the producer backs off until the stage has made room (counted by
 * {@link #stalls()}). The stage's thread copies whatever the ring holds into one Chronicle document at a time, so
 * a burst of events costs one queue write, not one per record. {@link #flush()} waits until every record appended
 * so far is in the queue (in the memory-mapped file, which survives the process being killed).
 * <p>
 * Appends are not thread safe: one thread appends, as one thread drives a simulation.
 */
public final class JournalWriter implements AutoCloseable
{
    /**
     * Default capacity of the ring between the producer and the stage, in bytes: a million 64-byte records, or a
     * fifth of a second at five million appends a second, so that the stage's pauses (a page fault on a new page
     * of the file, a new file mapped) do not reach the producer.
     */
    public static final int DEFAULT_RING_CAPACITY = 1 << 26;

    private static final int MESSAGE_TYPE = 1;
    private static final int RECORDS_PER_DOCUMENT = 4096;
    /** Bytes after which a document is closed and the next begun: Chronicle wants documents well under a block. */
    private static final int MAX_DOCUMENT_BYTES = 4 << 20;

    private final Path directory;
    private final RunHeader header;
    private final SingleChronicleQueue queue;
    private final OneToOneRingBuffer ring;
    private final AtomicBuffer ringBuffer;
    private final Stage stage;
    private final AgentRunner runner;
    private final IdleStrategy producerIdle = new BackoffIdleStrategy(100, 100, 1_000, 100_000);
    private final int[] expectedPositions;
    private final int[] expectedTypes;
    private final long[] expectedTicks;
    private final int[] expectedChecksums;
    private int expectedNext;
    private long caughtUpTo;
    private long endedAtTick = -1;
    private long stalls;
    private long records;
    private long existingRecords;
    private boolean closed;

    private JournalWriter(
        final Path directory,
        final RunHeader header,
        final int ringCapacity,
        final JournalScan resumed,
        final int fromPosition)
    {
        this.directory = directory;
        this.header = header;
        if (resumed != null)
        {
            existingRecords = resumed.size();
            caughtUpTo = fromPosition;
            final int last = resumed.size() - 1;
            endedAtTick = last >= 0 && resumed.type(last) == RecordType.RUN_END ? resumed.tick(last) : -1;
            final IntArrayList positions = new IntArrayList();
            for (int p = fromPosition; p < resumed.size(); p++)
            {
                if (resumed.type(p) != RecordType.RUN_END)
                {
                    positions.addInt(p);
                }
            }
            expectedPositions = positions.toIntArray();
            expectedTypes = new int[expectedPositions.length];
            expectedTicks = new long[expectedPositions.length];
            expectedChecksums = new int[expectedPositions.length];
            for (int i = 0; i < expectedPositions.length; i++)
            {
                expectedTypes[i] = resumed.type(expectedPositions[i]).id();
                expectedTicks[i] = resumed.tick(expectedPositions[i]);
                expectedChecksums[i] = resumed.checksum(expectedPositions[i]);
            }
        }
        else
        {
            expectedPositions = new int[0];
            expectedTypes = expectedPositions;
            expectedTicks = new long[0];
            expectedChecksums = expectedPositions;
        }
        this.queue = Journals.open(directory, false);
        BytesStore<?, ?> ringMemory = null;
        AgentRunner started = null;
        try
        {
            final int length = RingBufferDescriptor.TRAILER_LENGTH + ringCapacity;
            // Chronicle owns the ring's memory, so the stage can copy from it in bulk; Agrona sees it by address
            ringMemory = BytesStore.nativeStoreWithFixedCapacity(length);
            ringMemory.zeroOut(0, length);
            this.ringBuffer = new UnsafeBuffer(ringMemory.addressForRead(0), length);
            this.ring = new OneToOneRingBuffer(ringBuffer);
            this.stage = new Stage(queue, ring, ringMemory);
            if (resumed == null)
            {
                appendRunStart(header);
            }
            this.runner = new AgentRunner(new BackoffIdleStrategy(10, 20, 1_000, 1_000_000), stage::fail,
                (AtomicCounter)null, stage);
            AgentRunner.startOnThread(runner, (task) ->
            {
                final Thread thread = new Thread(task, "myriad-journal");
                thread.setDaemon(true);
                return thread;
            });
            started = runner;
            flush();
        }
        catch (final RuntimeException | Error ex)
        {
            CloseHelper.quietClose(started);
            queue.close();
            if (ringMemory != null)
            {
                ringMemory.releaseLast();
            }
            throw ex;
        }
    }

    /**
     * Starts a new journal in {@code directory} (created if need be) with its {@link RecordType#RUN_START} record.
     *
     * @param directory where the journal goes; must not already hold one.
     * @param header    what the run is.
     * @return the writer, its stage running.
     * @throws JournalException if the directory already holds a journal.
     */
    public static JournalWriter create(final Path directory, final RunHeader header)
    {
        return create(directory, header, DEFAULT_RING_CAPACITY);
    }

    /**
     * As {@link #create(Path, RunHeader)}, with a ring of {@code ringCapacity} bytes (a power of two).
     *
     * @param directory    where the journal goes; must not already hold one.
     * @param header       what the run is.
     * @param ringCapacity bytes of ring between the producer and the stage.
     * @return the writer, its stage running.
     */
    public static JournalWriter create(final Path directory, final RunHeader header, final int ringCapacity)
    {
        // before anything is created, so a JVM without the flags leaves no empty journal directory behind
        Journals.requireModuleAccess();
        if (Journals.hasData(directory))
        {
            throw new JournalException(directory + " already holds a journal; give the run another directory");
        }
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot create journal directory " + directory + ": " + ex.getMessage(), ex);
        }
        return new JournalWriter(directory, header, ringCapacity, null, 0);
    }

    /**
     * Reopens a run's journal to continue it from a point in its record sequence, as a resume does: the run is
     * re-executed from that point, and the records it produces again are checked against the journal's own (type,
     * tick and checksum) instead of being appended a second time, until it passes the journal's end; from there on
     * records are appended. A record that differs means the re-execution is not the run the journal recorded,
     * and the append that produced it throws. Run-end records in the journal are left out of the check: a run that
     * was closed and is resumed simply goes on.
     *
     * @param scan         the journal, read.
     * @param fromPosition how many of its records (after the run start) precede the re-execution's first.
     * @return the writer, its stage running.
     */
    public static JournalWriter resume(final JournalScan scan, final long fromPosition)
    {
        if (fromPosition < 0 || fromPosition > scan.size())
        {
            throw new JournalException("journal " + scan.directory() + " holds " + scan.size() + " records; " +
                "cannot resume after record " + fromPosition + " (a checkpoint of another run?)");
        }
        return new JournalWriter(scan.directory(), scan.header(), DEFAULT_RING_CAPACITY, scan, (int)fromPosition);
    }

    /**
     * @return the journal's directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return what the journal's first record says.
     */
    public RunHeader header()
    {
        return header;
    }

    /**
     * @return what the journal records.
     */
    public JournalLevel level()
    {
        return header.level();
    }

    /**
     * @return ticks between state-hash records.
     */
    public long hashEvery()
    {
        return header.hashEvery();
    }

    /**
     * Appends the state hash after {@code tick}.
     *
     * @param tick       ticks done.
     * @param hash       the state hash.
     * @param liveAgents agents alive.
     */
    public void stateHash(final long tick, final long hash, final int liveAgents)
    {
        appendHash(RecordType.STATE_HASH, tick, hash, liveAgents);
    }

    /**
     * Appends the run's end: its last tick and state hash.
     *
     * @param tick       ticks done.
     * @param hash       the state hash.
     * @param liveAgents agents alive.
     */
    public void runEnd(final long tick, final long hash, final int liveAgents)
    {
        appendHash(RecordType.RUN_END, tick, hash, liveAgents);
    }

    /**
     * A state-hash and a run-end record have the same payload ({@link StateHashDescriptor},
     * {@link RunEndDescriptor}): a hash and the live agents.
     */
    private void appendHash(final RecordType type, final long tick, final long hash, final int liveAgents)
    {
        final int length = StateHashDescriptor.LENGTH;
        final int index = claim(length);
        final AtomicBuffer buffer = ringBuffer;
        RecordDescriptor.writeHeader(buffer, index, length, type, tick);
        buffer.putLong(index + StateHashDescriptor.HASH_OFFSET, hash);
        buffer.putInt(index + StateHashDescriptor.LIVE_AGENTS_OFFSET, liveAgents);
        buffer.putInt(index + StateHashDescriptor.LIVE_AGENTS_OFFSET + 4, 0);
        commit(index, length);
    }

    /**
     * Appends the commands a batch's outbox emitted and the outcome of each, in as many records as it takes.
     *
     * @param tick           the tick being computed.
     * @param phase          the phase, from 0.
     * @param batch          the batch within the phase.
     * @param commands       the outbox's commands, laid out as {@link CommandDescriptor} says, from offset 0.
     * @param commandsLength their bytes.
     * @param count          their number.
     * @param outcomes       one outcome byte per command, from offset 0.
     */
    public void events(
        final long tick,
        final int phase,
        final int batch,
        final DirectBuffer commands,
        final int commandsLength,
        final int count,
        final DirectBuffer outcomes)
    {
        int first = 0;
        int from = 0;
        while (first < count)
        {
            int to = from;
            int n = 0;
            while (first + n < count && (n == 0 || to - from +
                commands.getInt(to + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) <=
                EventsDescriptor.MAX_COMMAND_BYTES))
            {
                to += commands.getInt(to + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
                n++;
            }
            final int bytes = to - from;
            final int length = EventsDescriptor.length(bytes, n);
            final int index = claim(length);
            final AtomicBuffer buffer = ringBuffer;
            RecordDescriptor.writeHeader(buffer, index, length, RecordType.EVENTS, tick);
            buffer.putInt(index + EventsDescriptor.PHASE_OFFSET, phase);
            buffer.putInt(index + EventsDescriptor.BATCH_OFFSET, batch);
            buffer.putInt(index + EventsDescriptor.COUNT_OFFSET, n);
            buffer.putInt(index + EventsDescriptor.FIRST_COMMAND_OFFSET, first);
            buffer.putInt(index + EventsDescriptor.COMMANDS_LENGTH_OFFSET, bytes);
            buffer.putInt(index + EventsDescriptor.COMMANDS_LENGTH_OFFSET + 4, 0);
            buffer.putBytes(index + EventsDescriptor.COMMANDS_OFFSET, commands, from, bytes);
            final int outcomesAt = index + EventsDescriptor.outcomesOffset(bytes);
            buffer.putBytes(outcomesAt, outcomes, first, n);
            buffer.setMemory(outcomesAt + n, BitUtil.align(n, 4) - n, (byte)0);
            commit(index, length);
            first += n;
            from = to;
        }
    }

    /**
     * Appends an input from outside the run, to take effect at the start of {@code tick}.
     *
     * @param tick   the tick it takes effect at.
     * @param kind   the model's input kind.
     * @param target the agent it is for, or -1.
     * @param data   its bytes.
     * @param offset where they start in {@code data}.
     * @param length how many, at most {@link InputDescriptor#MAX_DATA_LENGTH}.
     */
    public void input(
        final long tick,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        if (length < 0 || length > InputDescriptor.MAX_DATA_LENGTH)
        {
            throw new IllegalArgumentException("input data of " + length + " bytes; at most " +
                InputDescriptor.MAX_DATA_LENGTH);
        }
        final int recordLength = InputDescriptor.length(length);
        final int index = claim(recordLength);
        final AtomicBuffer buffer = ringBuffer;
        RecordDescriptor.writeHeader(buffer, index, recordLength, RecordType.INPUT, tick);
        buffer.putInt(index + InputDescriptor.KIND_OFFSET, kind);
        buffer.putInt(index + InputDescriptor.TARGET_OFFSET, target);
        buffer.putInt(index + InputDescriptor.DATA_LENGTH_OFFSET, length);
        buffer.putBytes(index + InputDescriptor.DATA_OFFSET, data, offset, length);
        commit(index, recordLength);
    }

    /**
     * Waits until every record appended so far is in the queue.
     *
     * @throws JournalException if the stage has failed.
     */
    public void flush()
    {
        final long target = ring.producerPosition();
        final IdleStrategy idle = producerIdle;
        idle.reset();
        while (stage.written < target)
        {
            checkStage();
            idle.idle();
        }
    }

    /**
     * @return records in the journal after its run start: those there when it was opened and those appended.
     */
    public long position()
    {
        return expectedNext < expectedPositions.length ? caughtUpTo : existingRecords + records;
    }

    /**
     * @param tick a tick.
     * @return true if the journal, as reopened by a resume, already ends with the run's end at {@code tick} and
     *         nothing has been appended since: closing again there would only repeat it.
     */
    public boolean isEndRecordedAt(final long tick)
    {
        return records == 0 && endedAtTick == tick && expectedNext == expectedPositions.length;
    }

    /**
     * @return true while a resumed run is still re-producing records the journal already holds.
     */
    public boolean isCatchingUp()
    {
        return expectedNext < expectedPositions.length;
    }

    /**
     * @return records appended through this writer, not counting the run start or records a resume re-produced.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return times an append found the ring full and waited for the stage.
     */
    public long stalls()
    {
        return stalls;
    }

    /**
     * Flushes, stops the stage and closes the queue. Idempotent.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            try
            {
                if (stage.failure == null)
                {
                    flush();
                }
            }
            finally
            {
                CloseHelper.closeAll(runner, queue);
                stage.ringStore.releaseLast();
            }
        }
    }

    private int claim(final int length)
    {
        if (closed)
        {
            throw new IllegalStateException("journal " + directory + " is closed: an append came after close(); " +
                "close the simulation before its journal");
        }
        int index = ring.tryClaim(MESSAGE_TYPE, length);
        if (index < 0)
        {
            index = claimAfterWaiting(length);
        }
        return index;
    }

    private int claimAfterWaiting(final int length)
    {
        final IdleStrategy idle = producerIdle;
        idle.reset();
        int index;
        while ((index = ring.tryClaim(MESSAGE_TYPE, length)) < 0)
        {
            checkStage();
            stalls++;
            idle.idle();
        }
        return index;
    }

    private void commit(final int index, final int length)
    {
        RecordDescriptor.seal(ringBuffer, index, length);
        if (expectedNext < expectedPositions.length)
        {
            final int expected = expectedNext;
            final AtomicBuffer buffer = ringBuffer;
            final int type = buffer.getShort(index + RecordDescriptor.TYPE_OFFSET) & 0xFFFF;
            final long tick = buffer.getLong(index + RecordDescriptor.TICK_OFFSET);
            final int checksum = buffer.getInt(index + length - RecordDescriptor.CHECKSUM_LENGTH);
            ring.abort(index);
            if (type != expectedTypes[expected] || tick != expectedTicks[expected] ||
                checksum != expectedChecksums[expected])
            {
                throw new JournalException("the resumed run differs from its journal " + directory + " at record " +
                    (expectedPositions[expected] + 1) + ": it produced a " + RecordType.ofId(type).label() +
                    " record for tick " + tick + " where the journal holds a " +
                    RecordType.ofId(expectedTypes[expected]).label() + " record for tick " + expectedTicks[expected] +
                    (type == expectedTypes[expected] && tick == expectedTicks[expected] ? " with other contents" : "") +
                    "; was it resumed with other settings than the run's?");
            }
            expectedNext = expected + 1;
            caughtUpTo = expectedPositions[expected] + 1L;
            return;
        }
        ring.commit(index);
        records++;
    }

    private void checkStage()
    {
        final Throwable failure = stage.failure;
        if (failure != null)
        {
            throw new JournalException("journal " + directory + " stopped writing: " + failure, failure);
        }
    }

    private void appendRunStart(final RunHeader header)
    {
        final int length = RunStartDescriptor.recordLength(header);
        if (length > ring.maxMsgLength())
        {
            throw new JournalException("the run's description is " + length + " bytes, more than a journal record " +
                "holds (" + ring.maxMsgLength() + "); shorten the scenario");
        }
        final int index = ring.tryClaim(MESSAGE_TYPE, length);
        RunStartDescriptor.encode(ringBuffer, index, header);
        ring.commit(index);
    }

    /**
     * Drains the ring into the queue, one document per drain.
     */
    private static final class Stage implements Agent, ControlledMessageHandler
    {
        private final SingleChronicleQueue queue;
        private final RingBuffer ring;
        private final BytesStore<?, ?> ringStore;
        private ExcerptAppender appender;
        private Bytes<?> bytes;
        private int documentBytes;
        volatile long written;
        volatile Throwable failure;

        Stage(final SingleChronicleQueue queue, final RingBuffer ring, final BytesStore<?, ?> ringStore)
        {
            this.queue = queue;
            this.ring = ring;
            this.ringStore = ringStore;
        }

        public void onStart()
        {
            // Chronicle's appenders belong to the thread that makes them
            appender = queue.createAppender();
        }

        public void onClose()
        {
            CloseHelper.close(appender);
        }

        public int doWork()
        {
            if (failure != null || ring.producerPosition() == ring.consumerPosition())
            {
                return 0;
            }
            final int read;
            try (DocumentContext dc = appender.writingDocument())
            {
                bytes = dc.wire().bytes();
                documentBytes = 0;
                try
                {
                    read = ring.controlledRead(this, RECORDS_PER_DOCUMENT);
                }
                catch (final RuntimeException | Error ex)
                {
                    dc.rollbackOnClose();
                    throw ex;
                }
                if (read == 0)
                {
                    // the producer had claimed but not yet committed: leave no empty document behind
                    dc.rollbackOnClose();
                }
            }
            finally
            {
                bytes = null;
            }
            written = ring.consumerPosition();
            return read;
        }

        public ControlledMessageHandler.Action onMessage(
            final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            if (documentBytes > 0 && documentBytes + length > MAX_DOCUMENT_BYTES)
            {
                return ControlledMessageHandler.Action.ABORT; // left in the ring for the next document
            }
            // one bulk copy from the ring's memory, seen by Chronicle as a store of its own
            bytes.write(ringStore, (long)index, (long)length);
            documentBytes += length;
            return ControlledMessageHandler.Action.CONTINUE;
        }

        public String roleName()
        {
            return "myriad-journal";
        }

        void fail(final Throwable ex)
        {
            failure = ex;
        }
    }
}
