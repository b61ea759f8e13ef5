package io.myriad.kernel.channel;

import java.util.Locale;

/**
 * What a channel does with a message sent when it holds as many as its capacity.
 */
public enum FullPolicy
{
    /** The new message is refused: the send's outcome is {@code channel_full}, and it is counted. */
    REJECT,
    /** The oldest message the channel holds, delivered or not, is dropped and counted; the new one is taken. */
    DROP_OLDEST;

    /**
     * @return the name scenarios use: {@code reject} or {@code drop_oldest}.
     */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label a name as {@link #label()} gives it, in any case.
     * @return the policy, or null if there is none of that name.
     */
    public static FullPolicy ofLabel(final String label)
    {
        for (final FullPolicy policy : values())
        {
            if (policy.label().equalsIgnoreCase(label))
            {
                return policy;
            }
        }
        return null;
    }
}
