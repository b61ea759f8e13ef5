package io.myriad.kernel.journal;

import java.util.Locale;

/**
 * How much a journal records.
 */
public enum JournalLevel
{
    /** What replay needs: the run's start, state hashes and its end. The default. */
    INPUTS,
    /** Also every entry systems emit, as the apply stage handled it. */
    EVENTS;

    /**
     * @return the name the command line and scenarios use.
     */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code inputs} or {@code events}, in any case.
     * @return the level, or null if there is none of that name.
     */
    public static JournalLevel ofLabel(final String label)
    {
        for (final JournalLevel level : values())
        {
            if (level.label().equalsIgnoreCase(label))
            {
                return level;
            }
        }
        return null;
    }
}
