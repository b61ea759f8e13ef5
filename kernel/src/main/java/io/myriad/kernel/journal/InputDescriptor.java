package io.myriad.kernel.journal;

/**
 * Payload of an {@link RecordType#INPUT} record: something from outside the run (a control command that changes
 * state, a decider's answer, an external event), journaled before it takes effect at the start of the tick in the
 * record's header. Variable length: the record is {@code 32 + data length} bytes, so 32 bytes of data make a
 * 64-byte record.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Kind (int32)                          |  16  the model's input kind
 *  +---------------------------------------------------------------+
 *  |                        Target (int32)                         |  20  agent index, or -1 for none
 *  +---------------------------------------------------------------+
 *  |                      Data Length (int32)                      |  24
 *  +---------------------------------------------------------------+
 *  |                  Data (Data Length bytes)                    ...  28
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class InputDescriptor
{
    /** Payload version. */
    public static final int VERSION = 1;
    /** Offset of the input's kind. */
    public static final int KIND_OFFSET = RecordDescriptor.HEADER_LENGTH;
    /** Offset of the target agent. */
    public static final int TARGET_OFFSET = KIND_OFFSET + 4;
    /** Offset of the data's length. */
    public static final int DATA_LENGTH_OFFSET = TARGET_OFFSET + 4;
    /** Offset of the data. */
    public static final int DATA_OFFSET = DATA_LENGTH_OFFSET + 4;
    /** Most bytes of data an input carries. */
    public static final int MAX_DATA_LENGTH = 64 * 1024;

    private InputDescriptor()
    {
    }

    /**
     * @param dataLength bytes of data.
     * @return the record's whole length.
     */
    public static int length(final int dataLength)
    {
        return DATA_OFFSET + dataLength + RecordDescriptor.CHECKSUM_LENGTH;
    }
}
