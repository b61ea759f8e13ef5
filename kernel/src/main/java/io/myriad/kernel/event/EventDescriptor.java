package io.myriad.kernel.event;

/**
 * How one pending event is laid out: four 64-bit words, in the queue's chunks and in its checkpoint section.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |          time: the raw bits of a double, 0 or more            |  word 0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |          sequence: the order it was scheduled in              |  word 1
 *  |                                                               |
 *  +-------------------------------+-------------------------------+
 *  |      agent index, or -1       |      kind     |   priority    |  word 2
 *  |                               |  (unsigned)   |   (signed)    |
 *  +-------------------------------+-------------------------------+
 *  |          data: the event's argument, 64 bits                  |  word 3
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * Word 2 is {@code priority << 48 | kind << 32 | agent} as a long: priority in its top 16 bits, signed, so that
 * shifting it back keeps the sign; kind in the next 16; the agent in the low 32. The raw bits of doubles that are
 * 0 or more compare as longs in the order of the doubles, which the queue relies on.
 */
public final class EventDescriptor
{
    /** Words an event takes. */
    public static final int WORDS = 4;
    /** Word holding the time's raw bits. */
    public static final int TIME_WORD = 0;
    /** Word holding the sequence. */
    public static final int SEQUENCE_WORD = 1;
    /** Word holding priority, kind and agent. */
    public static final int META_WORD = 2;
    /** Word holding the data. */
    public static final int DATA_WORD = 3;
    /** Bytes an event takes. */
    public static final int LENGTH = WORDS * Long.BYTES;

    /** Lowest priority value: events of lower priority values come first at equal times. */
    public static final int MIN_PRIORITY = Short.MIN_VALUE;
    /** Highest priority value. */
    public static final int MAX_PRIORITY = Short.MAX_VALUE;
    /** Highest kind. */
    public static final int MAX_KIND = 0xFFFF;
    /** The agent of an event that is for no agent. */
    public static final int NO_AGENT = -1;

    private EventDescriptor()
    {
    }

    /**
     * @param priority in {@code [MIN_PRIORITY, MAX_PRIORITY]}.
     * @param kind     in {@code [0, MAX_KIND]}.
     * @param agent    an agent index, or {@link #NO_AGENT}.
     * @return word 2.
     */
    public static long meta(final int priority, final int kind, final int agent)
    {
        return (long)priority << 48 | (long)kind << 32 | (agent & 0xFFFF_FFFFL);
    }

    /**
     * @param meta word 2.
     * @return its priority.
     */
    public static int priority(final long meta)
    {
        return (int)(meta >> 48);
    }

    /**
     * @param meta word 2.
     * @return its kind.
     */
    public static int kind(final long meta)
    {
        return (int)(meta >>> 32) & MAX_KIND;
    }

    /**
     * @param meta word 2.
     * @return its agent index, or {@link #NO_AGENT}.
     */
    public static int agent(final long meta)
    {
        return (int)meta;
    }
}
