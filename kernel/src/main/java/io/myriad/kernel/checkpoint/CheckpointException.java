package io.myriad.kernel.checkpoint;

/**
 * A checkpoint that cannot be written or used: incomplete, damaged, of another format, or of another run. The
 * message says what is wrong, where, and what to do.
 */
public class CheckpointException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, where, and how to fix it.
     */
    public CheckpointException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong.
     * @param cause   the underlying failure.
     */
    public CheckpointException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
