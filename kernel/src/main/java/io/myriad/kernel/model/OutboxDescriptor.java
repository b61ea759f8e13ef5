package io.myriad.kernel.model;

/**
 * The bytes of one {@link Outbox} entry, native byte order, 8-byte aligned.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Kind (int32)                          |
 *  +---------------------------------------------------------------+
 *  |                      Target agent (int32)                     |
 *  +---------------------------------------------------------------+
 *  |                        Payload a (int64)                      |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                        Payload b (int64)                      |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * Kinds below zero are the kernel's ({@link #KIND_SPAWN}, {@link #KIND_DESPAWN}); zero and above are the model's.
 */
public final class OutboxDescriptor
{
    /** Length of an entry in bytes. */
    public static final int ENTRY_LENGTH = 24;

    /** Alignment of every entry. */
    public static final int ALIGNMENT = 8;

    /** Kernel kind: spawn an agent; payload goes to {@link Model#onSpawn}; target unused (-1). */
    public static final int KIND_SPAWN = -1;

    /** Kernel kind: despawn the target agent. */
    public static final int KIND_DESPAWN = -2;

    private OutboxDescriptor()
    {
    }

    /**
     * @param entryIndex index of the entry.
     * @return offset of its kind field.
     */
    public static int kindOffset(final int entryIndex)
    {
        return entryIndex * ENTRY_LENGTH;
    }

    /**
     * @param entryIndex index of the entry.
     * @return offset of its target field.
     */
    public static int targetOffset(final int entryIndex)
    {
        return entryIndex * ENTRY_LENGTH + 4;
    }

    /**
     * @param entryIndex index of the entry.
     * @return offset of its first payload word.
     */
    public static int payloadAOffset(final int entryIndex)
    {
        return entryIndex * ENTRY_LENGTH + 8;
    }

    /**
     * @param entryIndex index of the entry.
     * @return offset of its second payload word.
     */
    public static int payloadBOffset(final int entryIndex)
    {
        return entryIndex * ENTRY_LENGTH + 16;
    }
}
