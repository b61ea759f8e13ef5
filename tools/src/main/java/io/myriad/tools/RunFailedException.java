package io.myriad.tools;

/**
 * A run that could not finish for a reason the user can act on that is not bad input, e.g. not enough memory or
 * a run directory that cannot be written. The command line prints the message and exits with status 1.
 */
public final class RunFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: what failed and what to do about it.
     * @param cause   the failure, shown with {@code --verbose}.
     */
    public RunFailedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
