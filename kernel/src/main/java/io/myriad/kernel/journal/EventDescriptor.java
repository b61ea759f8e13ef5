package io.myriad.kernel.journal;

/**
 * Payload of an {@link RecordType#EVENT} record: one outbox entry as the apply stage handled it during the tick
 * in the record's header, in apply order. Record length 52.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Kind (int32)                          |  16  OutboxDescriptor kinds
 *  +---------------------------------------------------------------+
 *  |                        Target (int32)                         |  20  as the entry named it
 *  +---------------------------------------------------------------+
 *  |                                                               |  24
 *  +                           A (int64)                           +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                                                               |  32
 *  +                           B (int64)                           +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  Outcome (int32): 1 applied, 0 rejected        |  40
 *  +---------------------------------------------------------------+
 *  |                       Reserved (zero)                         |  44
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class EventDescriptor
{
    /** Payload version. */
    public static final int VERSION = 1;
    /** Offset of the entry's kind. */
    public static final int KIND_OFFSET = RecordDescriptor.HEADER_LENGTH;
    /** Offset of the target agent. */
    public static final int TARGET_OFFSET = KIND_OFFSET + 4;
    /** Offset of the first payload word. */
    public static final int A_OFFSET = TARGET_OFFSET + 4;
    /** Offset of the second payload word. */
    public static final int B_OFFSET = A_OFFSET + 8;
    /** Offset of the outcome. */
    public static final int OUTCOME_OFFSET = B_OFFSET + 8;
    /** Length of the payload. */
    public static final int PAYLOAD_LENGTH = 32;
    /** Length of the record. */
    public static final int LENGTH = RecordDescriptor.recordLength(PAYLOAD_LENGTH);

    private EventDescriptor()
    {
    }
}
