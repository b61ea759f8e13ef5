package io.myriad.kernel.journal;

import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayList;

/**
 * A whole journal read into memory, in order, one entry per record after the run start: its type, tick and
 * checksum, and for state hashes the hash and for inputs the data. What replay and resume work from.
 */
public final class JournalScan
{
    private final Path directory;
    private final RunHeader header;
    private final IntArrayList types = new IntArrayList();
    private final LongArrayList ticks = new LongArrayList();
    private final IntArrayList checksums = new IntArrayList();
    private final LongArrayList values = new LongArrayList();
    private final ExpandableArrayBuffer inputData = new ExpandableArrayBuffer();
    private int inputDataLength;
    private boolean ended;
    private boolean over;
    private String tornTail;

    private JournalScan(final Path directory, final RunHeader header)
    {
        this.directory = directory;
        this.header = header;
    }

    /**
     * Reads a journal.
     *
     * @param directory the journal.
     * @return what it holds.
     * @throws JournalException if it is missing, damaged, not a run's journal, or out of order.
     */
    public static JournalScan read(final Path directory)
    {
        JournalScan scan = null;
        try (JournalReader reader = JournalReader.open(directory))
        {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record))
            {
                if (scan == null)
                {
                    if (record.type() != RecordType.RUN_START)
                    {
                        throw new JournalException("journal " + directory + " starts with a " +
                            record.type().label() + " record, not run_start: it is not the start of a Myriad run");
                    }
                    scan = new JournalScan(directory, record.runHeader());
                    continue;
                }
                scan.add(record);
            }
            if (scan != null)
            {
                scan.tornTail = reader.tornTail();
            }
        }
        if (scan == null)
        {
            throw new JournalException("journal " + directory + " is empty: the run wrote no records");
        }
        return scan;
    }

    private void add(final JournalRecord record)
    {
        final long tick = record.tick();
        if (!ticks.isEmpty() && tick < lastTick())
        {
            throw new JournalException("journal " + directory + ": " + record.type().label() + " record for tick " +
                tick + " comes after one for tick " + lastTick());
        }
        types.addInt(record.type().id());
        ticks.addLong(tick);
        checksums.addInt(record.buffer().getInt(record.offset() + record.length() - RecordDescriptor.CHECKSUM_LENGTH));
        switch (record.type())
        {
            case STATE_HASH, RUN_END ->
            {
                values.addLong(record.hash());
                ended |= record.type() == RecordType.RUN_END;
                over = record.type() == RecordType.RUN_END &&
                    (record.runEndFlags() & RunEndDescriptor.FLAG_OVER) != 0;
            }
            case INPUT ->
            {
                final int length = record.inputDataLength();
                final int at = inputDataLength;
                inputData.putInt(at, record.inputKind());
                inputData.putInt(at + 4, record.inputTarget());
                inputData.putBytes(at + 8, record.buffer(), record.inputDataOffset(), length);
                inputDataLength = at + 8 + length;
                values.addLong(((long)at << 32) | length);
            }
            default -> values.addLong(0);
        }
    }

    /**
     * @return the journal's directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return what the run start says.
     */
    public RunHeader header()
    {
        return header;
    }

    /**
     * @return records after the run start.
     */
    public int size()
    {
        return types.size();
    }

    /**
     * @param position a record's position after the run start, from 0.
     * @return its type.
     */
    public RecordType type(final int position)
    {
        return RecordType.ofId(types.getInt(position));
    }

    /**
     * @param position a record's position.
     * @return its tick.
     */
    public long tick(final int position)
    {
        return ticks.getLong(position);
    }

    /**
     * @param position a record's position.
     * @return its checksum.
     */
    public int checksum(final int position)
    {
        return checksums.getInt(position);
    }

    /**
     * @param position a state-hash or run-end record's position.
     * @return its hash.
     */
    public long hash(final int position)
    {
        return values.getLong(position);
    }

    /**
     * @param position an input record's position.
     * @return its kind.
     */
    public int inputKind(final int position)
    {
        return inputData.getInt(inputAt(position));
    }

    /**
     * @param position an input record's position.
     * @return its target.
     */
    public int inputTarget(final int position)
    {
        return inputData.getInt(inputAt(position) + 4);
    }

    /**
     * @return the buffer holding inputs' data; see {@link #inputDataOffset(int)}.
     */
    public DirectBuffer inputData()
    {
        return inputData;
    }

    /**
     * @param position an input record's position.
     * @return where its data starts in {@link #inputData()}.
     */
    public int inputDataOffset(final int position)
    {
        return inputAt(position) + 8;
    }

    /**
     * @param position an input record's position.
     * @return its data's length.
     */
    public int inputDataLength(final int position)
    {
        return (int)values.getLong(position);
    }

    /**
     * @return the highest tick of any record, or 0 if there are none.
     */
    public long lastTick()
    {
        return ticks.isEmpty() ? 0 : ticks.getLong(ticks.size() - 1);
    }

    /**
     * @return what {@link JournalReader#tornTail()} found at the journal's end, or null if it ends cleanly.
     */
    public String tornTail()
    {
        return tornTail;
    }

    /**
     * @return true if the journal holds a run-end record.
     */
    public boolean isEnded()
    {
        return ended;
    }

    /**
     * A complete run reached the ticks it was asked for (or more, resumed with more), or was over (its model
     * finished, or no event was due before its maximum sim time), and was closed: its last record is a run end at
     * or past {@link RunHeader#maxTicks()}, or one flagged {@link RunEndDescriptor#FLAG_OVER}. There is nothing
     * left to resume.
     *
     * @return true if the run is complete; false for an unbounded run, or one that stopped or was killed early.
     */
    public boolean isComplete()
    {
        final int last = types.size() - 1;
        return header.maxTicks() > 0 && last >= 0 && types.getInt(last) == RecordType.RUN_END.id() &&
            (ticks.getLong(last) >= header.maxTicks() || over);
    }

    private int inputAt(final int position)
    {
        if (types.getInt(position) != RecordType.INPUT.id())
        {
            throw new IllegalArgumentException("record " + position + " is not an input");
        }
        return (int)(values.getLong(position) >>> 32);
    }
}
