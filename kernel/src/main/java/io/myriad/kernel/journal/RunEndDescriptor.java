package io.myriad.kernel.journal;

/**
 * Payload of a {@link RecordType#RUN_END} record, written when a run closes: the state hash after the last tick,
 * which is the tick in the record's header, and whether the run was over then. A journal without one ends where its
 * run stopped or was killed.
 * Record length 36.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                                                               |  16
 *  +                       State Hash (int64)                      +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     Live Agents (int32)                       |  24
 *  +---------------------------------------------------------------+
 *  |                         Flags (int32)                         |  28
 *  +---------------------------------------------------------------+
 * </pre>
 * Flag {@link #FLAG_OVER}: the run ended because it was over (on the event clock, no event due at or before its
 * maximum sim time; or its model finished), so it is complete whatever ticks it was asked for. Journals written
 * before the flag have 0 there.
 */
public final class RunEndDescriptor
{
    /** Payload version. */
    public static final int VERSION = 1;
    /** Offset of the hash. */
    public static final int HASH_OFFSET = RecordDescriptor.HEADER_LENGTH;
    /** Offset of the live agent count. */
    public static final int LIVE_AGENTS_OFFSET = HASH_OFFSET + 8;
    /** Offset of the flags. */
    public static final int FLAGS_OFFSET = LIVE_AGENTS_OFFSET + 4;
    /** Flag: the run was over when it ended. */
    public static final int FLAG_OVER = 1;
    /** Length of the payload. */
    public static final int PAYLOAD_LENGTH = 16;
    /** Length of the record. */
    public static final int LENGTH = RecordDescriptor.recordLength(PAYLOAD_LENGTH);

    private RunEndDescriptor()
    {
    }
}
