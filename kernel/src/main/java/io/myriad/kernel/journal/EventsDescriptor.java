package io.myriad.kernel.journal;

import io.myriad.kernel.model.OutboxDescriptor;

/**
 * Payload of an {@link RecordType#EVENTS} record (level {@code events}): the entries one batch's outbox emitted
 * during the tick in the record's header, as the apply stage handled them, in apply order. Entries keep the
 * outbox's own layout ({@link OutboxDescriptor}, 24 bytes each), followed by one bit per entry: set if it was
 * applied, clear if rejected. A batch that emitted more than {@link #MAX_ENTRIES} entries takes several records.
 * Record length {@code 32 + 24 * count + ceil(count / 8) + 4}.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Phase (int32)                         |  16  the model's phase, from 0
 *  +---------------------------------------------------------------+
 *  |                         Batch (int32)                         |  20  the batch within the phase
 *  +---------------------------------------------------------------+
 *  |                         Count (int32)                         |  24  entries in this record
 *  +---------------------------------------------------------------+
 *  |                     First Entry (int32)                       |  28  index of the first in the batch
 *  +---------------------------------------------------------------+
 *  |  Entries: Count times { Kind (int32), Target (int32),        ...  32
 *  |  A (int64), B (int64) }                                       |
 *  +---------------------------------------------------------------+
 *  |  Outcomes: ceil(Count / 8) bytes; bit (i % 8) of byte i / 8  ...
 *  |  is set if entry i was applied                                |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class EventsDescriptor
{
    /** Payload version. */
    public static final int VERSION = 1;
    /** Offset of the phase. */
    public static final int PHASE_OFFSET = RecordDescriptor.HEADER_LENGTH;
    /** Offset of the batch index. */
    public static final int BATCH_OFFSET = PHASE_OFFSET + 4;
    /** Offset of the entry count. */
    public static final int COUNT_OFFSET = BATCH_OFFSET + 4;
    /** Offset of the index of the record's first entry within its batch. */
    public static final int FIRST_ENTRY_OFFSET = COUNT_OFFSET + 4;
    /** Offset of the first entry. */
    public static final int ENTRIES_OFFSET = FIRST_ENTRY_OFFSET + 4;
    /** Most entries one record holds (a multiple of 8, so a batch's outcome bits split on byte boundaries). */
    public static final int MAX_ENTRIES = 32_768;

    private EventsDescriptor()
    {
    }

    /**
     * @param count entries.
     * @return the record's whole length.
     */
    public static int length(final int count)
    {
        return outcomesOffset(count) + outcomesLength(count) + RecordDescriptor.CHECKSUM_LENGTH;
    }

    /**
     * @param count entries.
     * @return the offset of the outcome bits.
     */
    public static int outcomesOffset(final int count)
    {
        return ENTRIES_OFFSET + count * OutboxDescriptor.ENTRY_LENGTH;
    }

    /**
     * @param count entries.
     * @return bytes of outcome bits.
     */
    public static int outcomesLength(final int count)
    {
        return (count + 7) >>> 3;
    }
}
