package io.myriad.kernel.journal;

import org.agrona.DirectBuffer;


/**
 * A flyweight over one checked journal record, valid until the reader moves on.
 */
public final class JournalRecord
{
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private RecordType type;
    private long documentIndex;
    private int offsetInDocument;

    void wrap(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final RecordType type,
        final long documentIndex,
        final int offsetInDocument)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.type = type;
        this.documentIndex = documentIndex;
        this.offsetInDocument = offsetInDocument;
    }

    /**
     * @return the record's type.
     */
    public RecordType type()
    {
        return type;
    }

    /**
     * @return the tick in the record's header.
     */
    public long tick()
    {
        return buffer.getLong(offset + RecordDescriptor.TICK_OFFSET);
    }

    /**
     * @return the record's whole length in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the buffer holding the record; offsets in the descriptors are relative to {@link #offset()}.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return where the record starts in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return the byte offset, in its queue file, of the document holding the record.
     */
    public long documentIndex()
    {
        return documentIndex;
    }

    /**
     * @return the record's byte offset within its document.
     */
    public int offsetInDocument()
    {
        return offsetInDocument;
    }

    /**
     * @return for a state-hash or run-end record, the hash.
     */
    public long hash()
    {
        requireType(RecordType.STATE_HASH, RecordType.RUN_END);
        return buffer.getLong(offset + StateHashDescriptor.HASH_OFFSET);
    }

    /**
     * @return for a state-hash or run-end record, the live agents.
     */
    public int liveAgents()
    {
        requireType(RecordType.STATE_HASH, RecordType.RUN_END);
        return buffer.getInt(offset + StateHashDescriptor.LIVE_AGENTS_OFFSET);
    }

    /**
     * @return for a run-end record, its flags ({@link RunEndDescriptor#FLAG_OVER}).
     */
    public int runEndFlags()
    {
        requireType(RecordType.RUN_END, RecordType.RUN_END);
        return buffer.getInt(offset + RunEndDescriptor.FLAGS_OFFSET);
    }

    /**
     * @return for an events record, the phase.
     */
    public int eventsPhase()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.PHASE_OFFSET);
    }

    /**
     * @return for an events record, the batch within the phase.
     */
    public int eventsBatch()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.BATCH_OFFSET);
    }

    /**
     * @return for an events record, the commands it holds.
     */
    public int eventsCount()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.COUNT_OFFSET);
    }

    /**
     * @return for an events record, the index within its batch of its first command.
     */
    public int eventsFirstCommand()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.FIRST_COMMAND_OFFSET);
    }

    /**
     * @return for an events record, where its first command starts in {@link #buffer()}; each command is laid out
     *         as {@link io.myriad.kernel.command.CommandDescriptor} says, the next one after its length.
     */
    public int commandsOffset()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return offset + EventsDescriptor.COMMANDS_OFFSET;
    }

    /**
     * @return for an events record, the bytes of its commands.
     */
    public int commandsLength()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.COMMANDS_LENGTH_OFFSET);
    }

    /**
     * @param command from 0 to {@link #eventsCount()} - 1.
     * @return its outcome, see {@link io.myriad.kernel.command.Outcome}.
     */
    public int outcome(final int command)
    {
        final int count = eventsCount();
        if (command < 0 || command >= count)
        {
            throw new IndexOutOfBoundsException("command " + command + " of an events record of " + count);
        }
        return buffer.getByte(offset + EventsDescriptor.outcomesOffset(commandsLength()) + command) & 0xFF;
    }

    /**
     * @return for an input record, its kind.
     */
    public int inputKind()
    {
        requireType(RecordType.INPUT, RecordType.INPUT);
        return buffer.getInt(offset + InputDescriptor.KIND_OFFSET);
    }

    /**
     * @return for an input record, its target agent or -1.
     */
    public int inputTarget()
    {
        requireType(RecordType.INPUT, RecordType.INPUT);
        return buffer.getInt(offset + InputDescriptor.TARGET_OFFSET);
    }

    /**
     * @return for an input record, the length of its data.
     */
    public int inputDataLength()
    {
        requireType(RecordType.INPUT, RecordType.INPUT);
        return buffer.getInt(offset + InputDescriptor.DATA_LENGTH_OFFSET);
    }

    /**
     * @return for an input record, where its data starts in {@link #buffer()}.
     */
    public int inputDataOffset()
    {
        requireType(RecordType.INPUT, RecordType.INPUT);
        return offset + InputDescriptor.DATA_OFFSET;
    }

    /**
     * @return for a run-start record, the header it holds.
     */
    public RunHeader runHeader()
    {
        requireType(RecordType.RUN_START, RecordType.RUN_START);
        return RunStartDescriptor.decode(buffer, offset, length);
    }

    private void requireType(final RecordType one, final RecordType other)
    {
        if (type != one && type != other)
        {
            throw new IllegalStateException("record is " + type.label() + ", not " + one.label());
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return type.label() + "@" + tick();
    }
}
