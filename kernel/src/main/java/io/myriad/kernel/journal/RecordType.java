package io.myriad.kernel.journal;

import java.util.Locale;

/**
 * The kinds of journal record, with the type number each carries in its header and the payload version this
 * build writes.
 */
public enum RecordType
{
    /** The first record of a journal: what the run is, so that it can be rebuilt. */
    RUN_START(1, RunStartDescriptor.VERSION),
    /** The state hash after a tick. */
    STATE_HASH(2, StateHashDescriptor.VERSION),
    /** The entries one batch emitted, as the apply stage handled them (level {@code events}). */
    EVENTS(3, EventsDescriptor.VERSION),
    /** The run's last tick and state hash, written when it closes. */
    RUN_END(4, RunEndDescriptor.VERSION),
    /** Something from outside the run, journaled before it takes effect. */
    INPUT(5, InputDescriptor.VERSION);

    private static final RecordType[] BY_ID = new RecordType[6];

    static
    {
        for (final RecordType type : values())
        {
            BY_ID[type.id] = type;
        }
    }

    private final int id;
    private final int version;

    RecordType(final int id, final int version)
    {
        this.id = id;
        this.version = version;
    }

    /**
     * @return the number in a record's type field.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return the payload version this build writes and reads.
     */
    public int version()
    {
        return version;
    }

    /**
     * @return the name tools show and accept, e.g. {@code state_hash}.
     */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a record's type field.
     * @return the type, or null if this build does not know it.
     */
    public static RecordType ofId(final int id)
    {
        return id > 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /**
     * @param label a name as {@link #label()} gives it, in any case.
     * @return the type, or null if there is none of that name.
     */
    public static RecordType ofLabel(final String label)
    {
        for (final RecordType type : values())
        {
            if (type.label().equalsIgnoreCase(label))
            {
                return type;
            }
        }
        return null;
    }
}
