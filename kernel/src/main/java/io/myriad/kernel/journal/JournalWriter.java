package io.myriad.kernel.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.core.time.TimeProvider;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;

/**
 * The journal stage: one producer thread (the simulation's) appends records, and the writer's own thread drains
 * them into the Chronicle Queue.
 * <p>
 * An append encodes its record ({@link RecordEncoder}) straight into an Agrona one-to-one ring buffer
 * ({@link JournalRing}) and returns: no allocation and no wait, unless the ring is full, when the producer backs off
 * until the stage has made room (counted by {@link #stalls()}). The stage ({@link JournalStage}, an Agrona agent on
 * its own thread) copies whatever the ring holds into one Chronicle document at a time, so a burst of events costs
 * one queue write, not one per record. {@link #flush()} waits until every record appended so far is in the queue
 * (in the memory-mapped file, which survives the process being killed). A journal reopened by
 * {@link #resume(JournalScan, long)} checks the records the resumed run produces again against its own
 * ({@link CatchUp}) and appends only those past its end. Appends are not thread safe: one thread appends, as one
 * thread drives a simulation.
 */
public final class JournalWriter implements AutoCloseable
{
    /**
     * Default capacity of the ring between the producer and the stage, in bytes: a million 64-byte records, or a
     * fifth of a second at five million appends a second, so that the stage's pauses (a page fault on a new page
     * of the file, a new file mapped) do not reach the producer.
     */
    public static final int DEFAULT_RING_CAPACITY = 1 << 26;

    private final Path directory;
    private final RunHeader header;
    private final CatchUp catchUp;
    private final JournalRing ring;
    private long records;
    private boolean closed;

    private JournalWriter(
        final Path directory,
        final RunHeader header,
        final int ringCapacity,
        final CatchUp catchUp,
        final TimeProvider timeProvider)
    {
        this.directory = directory;
        this.header = header;
        this.catchUp = catchUp;
        this.ring = new JournalRing(directory, Journals.open(directory, timeProvider), ringCapacity);
        try
        {
            if (!catchUp.isReopened())
            {
                appendRunStart(header);
            }
            ring.start();
            ring.flush();
        }
        catch (final RuntimeException | Error ex)
        {
            CloseHelper.quietClose(ring);
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
        // before Chronicle's clock is touched: a JVM without the flags gets their names, and no empty directory
        JournalAccess.require();
        return create(directory, header, ringCapacity, Journals.SYSTEM_CLOCK);
    }

    /**
     * As {@link #create(Path, RunHeader, int)}, with the clock Chronicle reads to decide which of the queue's files
     * (one a {@link Journals#ROLL_CYCLE cycle}) a document goes into: tests set the time to make a journal span
     * several files.
     *
     * @param directory    where the journal goes; must not already hold one.
     * @param header       what the run is.
     * @param ringCapacity bytes of ring between the producer and the stage.
     * @param timeProvider the queue's clock.
     * @return the writer, its stage running.
     */
    static JournalWriter create(
        final Path directory, final RunHeader header, final int ringCapacity, final TimeProvider timeProvider)
    {
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
        return new JournalWriter(directory, header, ringCapacity, CatchUp.none(directory), timeProvider);
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
        JournalAccess.require();
        if (fromPosition < 0 || fromPosition > scan.size())
        {
            throw new JournalException("journal " + scan.directory() + " holds " + scan.size() + " records; " +
                "cannot resume after record " + fromPosition + " (a checkpoint of another run?)");
        }
        return new JournalWriter(scan.directory(), scan.header(), DEFAULT_RING_CAPACITY,
            CatchUp.from(scan, (int)fromPosition), Journals.SYSTEM_CLOCK);
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
        appendHash(RecordType.STATE_HASH, tick, hash, liveAgents, 0);
    }

    /**
     * Appends the run's end: its last tick and state hash, and whether it was over.
     *
     * @param tick       ticks done.
     * @param hash       the state hash.
     * @param liveAgents agents alive.
     * @param over       true if the run ended because it was over, not at its ticks or stopped early.
     */
    public void runEnd(final long tick, final long hash, final int liveAgents, final boolean over)
    {
        appendHash(RecordType.RUN_END, tick, hash, liveAgents, over ? RunEndDescriptor.FLAG_OVER : 0);
    }

    /**
     * A state-hash and a run-end record share their payload: a hash, the live agents and a run end's flags.
     */
    private void appendHash(final RecordType type, final long tick, final long hash, final int live, final int flags)
    {
        final int length = StateHashDescriptor.LENGTH;
        final int index = claim(length);
        RecordEncoder.hash(ring.buffer(), index, type, tick, hash, live, flags);
        commit(index, length);
    }

    /**
     * Appends the commands a batch's outbox emitted and the outcome of each, in as many records as it takes.
     *
     * @param tick           the tick being computed.
     * @param phase          the phase, from 0.
     * @param batch          the batch within the phase.
     * @param commands       the outbox's commands, laid out as {@link io.myriad.kernel.command.CommandDescriptor}
     *                       says, from offset 0.
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
            final int n = EventsDescriptor.commandsThatFit(commands, from, count - first);
            final int bytes = EventsDescriptor.commandsLength(commands, from, n);
            final int length = EventsDescriptor.length(bytes, n);
            final int index = claim(length);
            RecordEncoder.events(ring.buffer(), index, tick, phase, batch, commands, from, bytes, outcomes, first, n);
            commit(index, length);
            first += n;
            from += bytes;
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
        RecordEncoder.input(ring.buffer(), index, tick, kind, target, data, offset, length);
        commit(index, recordLength);
    }

    /**
     * Waits until every record appended so far is in the queue.
     *
     * @throws JournalException if the stage has failed.
     */
    public void flush()
    {
        ring.flush();
    }

    /**
     * @return records in the journal after its run start: those there when it was opened and those appended.
     */
    public long position()
    {
        return catchUp.position(records);
    }

    /**
     * @param tick a tick.
     * @return true if the journal, as reopened by a resume, already ends with the run's end at {@code tick} and
     *         nothing has been appended since: closing again there would only repeat it.
     */
    public boolean isEndRecordedAt(final long tick)
    {
        return catchUp.isEndRecordedAt(tick, records);
    }

    /**
     * @return true while a resumed run is still re-producing records the journal already holds.
     */
    public boolean isCatchingUp()
    {
        return catchUp.isCatchingUp();
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
        return ring.stalls();
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
                if (!ring.hasFailed())
                {
                    flush();
                }
            }
            finally
            {
                ring.close();
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
        return ring.claim(length);
    }

    private void commit(final int index, final int length)
    {
        final AtomicBuffer buffer = ring.buffer();
        RecordDescriptor.seal(buffer, index, length);
        if (catchUp.isCatchingUp())
        {
            // produced again: checked against the journal's copy, never appended twice
            try
            {
                catchUp.check(buffer, index, length);
            }
            finally
            {
                ring.abort(index);
            }
            return;
        }
        ring.commit(index);
        records++;
    }

    private void appendRunStart(final RunHeader header)
    {
        final int length = RunStartDescriptor.recordLength(header);
        if (length > ring.maxMsgLength())
        {
            throw new JournalException("the run's description is " + length + " bytes, more than a journal record " +
                "holds (" + ring.maxMsgLength() + "); shorten the scenario");
        }
        final int index = ring.claim(length);
        RunStartDescriptor.encode(ring.buffer(), index, header);
        ring.commit(index);
    }
}
