package io.myriad.kernel.journal;

import org.agrona.DirectBuffer;

import io.myriad.kernel.model.OutboxDescriptor;

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
     * @return for an events record, the entries it holds.
     */
    public int eventsCount()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.COUNT_OFFSET);
    }

    /**
     * @return for an events record, the index within its batch of its first entry.
     */
    public int eventsFirstEntry()
    {
        requireType(RecordType.EVENTS, RecordType.EVENTS);
        return buffer.getInt(offset + EventsDescriptor.FIRST_ENTRY_OFFSET);
    }

    /**
     * @param entry from 0 to {@link #eventsCount()} - 1.
     * @return the entry's kind.
     */
    public int eventKind(final int entry)
    {
        return buffer.getInt(entryOffset(entry) + OutboxDescriptor.kindOffset(0));
    }

    /**
     * @param entry from 0 to {@link #eventsCount()} - 1.
     * @return the agent the entry is for.
     */
    public int eventTarget(final int entry)
    {
        return buffer.getInt(entryOffset(entry) + OutboxDescriptor.targetOffset(0));
    }

    /**
     * @param entry from 0 to {@link #eventsCount()} - 1.
     * @return the entry's first payload word.
     */
    public long eventA(final int entry)
    {
        return buffer.getLong(entryOffset(entry) + OutboxDescriptor.payloadAOffset(0));
    }

    /**
     * @param entry from 0 to {@link #eventsCount()} - 1.
     * @return the entry's second payload word.
     */
    public long eventB(final int entry)
    {
        return buffer.getLong(entryOffset(entry) + OutboxDescriptor.payloadBOffset(0));
    }

    /**
     * @param entry from 0 to {@link #eventsCount()} - 1.
     * @return true if the entry was applied, false if rejected.
     */
    public boolean eventApplied(final int entry)
    {
        final int count = eventsCount();
        final int bits = offset + EventsDescriptor.outcomesOffset(count);
        return (buffer.getByte(bits + (entry >>> 3)) & (1 << (entry & 7))) != 0;
    }

    private int entryOffset(final int entry)
    {
        final int count = eventsCount();
        if (entry < 0 || entry >= count)
        {
            throw new IndexOutOfBoundsException("entry " + entry + " of an events record of " + count);
        }
        return offset + EventsDescriptor.ENTRIES_OFFSET + entry * OutboxDescriptor.ENTRY_LENGTH;
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
