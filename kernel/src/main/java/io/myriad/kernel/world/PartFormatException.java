package io.myriad.kernel.world;

/**
 * A checkpoint section that does not fit the part reading it: of another configuration, cut short, or with
 * values out of range. The checkpoint reader adds the file and the section to the message.
 */
public final class PartFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what does not fit, and how it differs from the part as configured.
     */
    public PartFormatException(final String message)
    {
        super(message);
    }
}
