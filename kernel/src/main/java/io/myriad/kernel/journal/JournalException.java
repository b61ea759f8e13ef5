package io.myriad.kernel.journal;

/**
 * A journal that cannot be used as it is: missing, of another format or version, or damaged. The message says
 * what is wrong and where.
 */
public class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, where, and how to fix it if it can be fixed.
     */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong.
     * @param cause   the underlying failure.
     */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
