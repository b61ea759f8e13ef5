package io.myriad.kernel.command;

import org.agrona.BitUtil;

/**
 * The bytes of one command in an {@link Outbox}, and in a journal's events records, which copy them as they are.
 * Little-endian; every command starts on an 8-byte boundary and its length is a multiple of 8.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                   Length (int32): header + payload, padded    |  0
 *  +-------------------------------+-------------------------------+
 *  |          Id (int16)           |          Flags (int16)        |  4
 *  +-------------------------------+-------------------------------+
 *  |                      Target type (int32)                      |  8
 *  +---------------------------------------------------------------+
 *  |        Target index (int32): -1 for a spawn until applied      |  12
 *  +---------------------------------------------------------------+
 *  |                Source type (int32): -1 for none               |  16
 *  +---------------------------------------------------------------+
 *  |                      Source index (int32)                     |  20
 *  +---------------------------------------------------------------+
 *  |                Payload: the command's fields                ...  24
 *  +---------------------------------------------------------------+
 * </pre>
 * Ids 1 to 32767 are the model's, as its {@code @Command} records declare them; the kernel's are negative
 * ({@link #DESPAWN}, {@link #SPAWN}, {@link #SCHEDULE},
 * {@link #DECIDE}, {@link #CHANNEL};
 * {@link #DELIVERY} is a journal entry of the same shape). A command with the {@link #FLAG_SPAWN} flag is a birth: the
 * apply stage spawns an agent of the target type, writes its index into the command, and hands the command to its
 * handler to set the newborn's values; its source is the parent, and a parent that died earlier in the step vetoes
 * it.
 * <p>
 * A {@link #SCHEDULE} command puts an event into the world's event queue; its target is the agent the event is for
 * (type and index -1 for none), and its payload is:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                 Time (float64): when it is due                |  24
 *  +---------------------------------------------------------------+
 *  |                      Data (int64): its argument               |  32
 *  +-------------------------------+-------------------------------+
 *  |        Priority (int32)       |          Kind (int32)         |  40
 *  +-------------------------------+-------------------------------+
 * </pre>
 */
public final class CommandDescriptor
{
    /** Bytes before the payload. */
    public static final int HEADER_LENGTH = 24;
    /** Every command's alignment. */
    public static final int ALIGNMENT = 8;
    /** Offset of the whole command's length. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the command's id. */
    public static final int ID_OFFSET = 4;
    /** Offset of the flags. */
    public static final int FLAGS_OFFSET = 6;
    /** Offset of the target's type. */
    public static final int TARGET_TYPE_OFFSET = 8;
    /** Offset of the target's index. */
    public static final int TARGET_INDEX_OFFSET = 12;
    /** Offset of the source's type. */
    public static final int SOURCE_TYPE_OFFSET = 16;
    /** Offset of the source's index. */
    public static final int SOURCE_INDEX_OFFSET = 20;
    /** Flag: the command is a birth of an agent of the target type. */
    public static final int FLAG_SPAWN = 1;
    /** Kernel command: despawn the target agent. */
    public static final int DESPAWN = -1;
    /** Kernel command: spawn an agent of the target type with every field zero (a birth with no values). */
    public static final int SPAWN = -2;
    /** Kernel command: schedule an event for the target agent, or for none. */
    public static final int SCHEDULE = -3;
    /**
     * Kernel command: the target agent asks its model's decider; the payload is the sim time of its last decision
     * (float64, NaN for none), then one float64 per fact of the model's deliberation.
     */
    public static final int DECIDE = -4;
    /**
     * Kernel command: an act on a channel of the world ({@code io.myriad.kernel.channel}); its source is the agent
     * acting, its target the recipient of a message sent point to point (type and index -1 otherwise), and its
     * payload the channel's number, the operation, its argument (a topic, a record), a field, then the message's
     * bytes or the value written.
     */
    public static final int CHANNEL = -5;
    /**
     * Not a command but an entry of the journal's events records, written at the start of a step (phase -1): a
     * message delivered. Target: its recipient (-1 for every receiver); source: its sender; payload: the channel
     * (int32), the topic (int32), the message's number (int64), the sim time and the step it was sent at (float64,
     * int64), then its bytes.
     */
    public static final int DELIVERY = -6;
    /** Offset of a channel command's channel number, from the payload. */
    public static final int CHANNEL_ID_OFFSET = 0;
    /** Offset of a channel command's operation. */
    public static final int CHANNEL_OP_OFFSET = 4;
    /** Offset of a channel command's argument: a topic, or a record of a region. */
    public static final int CHANNEL_ARGUMENT_OFFSET = 8;
    /** Offset of a channel command's field, for a write to a region. */
    public static final int CHANNEL_FIELD_OFFSET = 12;
    /** Bytes of a channel command's payload before the message or value. */
    public static final int CHANNEL_HEADER_LENGTH = 16;
    /** Channel operation: send a message (broadcast, or to the target). */
    public static final int CHANNEL_SEND = 0;
    /** Channel operation: publish a message on a topic. */
    public static final int CHANNEL_PUBLISH = 1;
    /** Channel operation: subscribe the source to a topic. */
    public static final int CHANNEL_SUBSCRIBE = 2;
    /** Channel operation: unsubscribe the source from a topic. */
    public static final int CHANNEL_UNSUBSCRIBE = 3;
    /** Channel operation: write a field of a record of a shared region (value: float64). */
    public static final int CHANNEL_WRITE = 4;
    /** Offset of a delivery's channel number, from the payload. */
    public static final int DELIVERY_CHANNEL_OFFSET = 0;
    /** Offset of a delivery's topic. */
    public static final int DELIVERY_TOPIC_OFFSET = 4;
    /** Offset of a delivery's message number. */
    public static final int DELIVERY_SEQUENCE_OFFSET = 8;
    /** Offset of the sim time the delivered message was sent at. */
    public static final int DELIVERY_SENT_TIME_OFFSET = 16;
    /** Offset of the step the delivered message was sent in. */
    public static final int DELIVERY_SENT_STEP_OFFSET = 24;
    /** Bytes of a delivery's payload before the message. */
    public static final int DELIVERY_HEADER_LENGTH = 32;
    /** Offset of a decide command's time of the last decision, from the payload; its facts follow. */
    public static final int DECIDE_SINCE_OFFSET = 0;
    /** Offset of a schedule command's time, from the payload. */
    public static final int SCHEDULE_TIME_OFFSET = 0;
    /** Offset of a schedule command's data, from the payload. */
    public static final int SCHEDULE_DATA_OFFSET = 8;
    /** Offset of a schedule command's priority, from the payload. */
    public static final int SCHEDULE_PRIORITY_OFFSET = 16;
    /** Offset of a schedule command's kind, from the payload. */
    public static final int SCHEDULE_KIND_OFFSET = 20;
    /** Bytes of a schedule command's payload. */
    public static final int SCHEDULE_LENGTH = 24;
    /** The lowest id a model's command may have. */
    public static final int MIN_MODEL_ID = 1;
    /** The highest id a model's command may have. */
    public static final int MAX_MODEL_ID = Short.MAX_VALUE;

    private CommandDescriptor()
    {
    }

    /**
     * @param payloadLength bytes of the command's fields.
     * @return the whole command's length, padded to the alignment.
     */
    public static int length(final int payloadLength)
    {
        return BitUtil.align(HEADER_LENGTH + payloadLength, ALIGNMENT);
    }
}
