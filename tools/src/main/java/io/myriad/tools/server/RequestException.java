package io.myriad.tools.server;

/**
 * A request the server refuses: its HTTP status and a message that says what is wrong and how to put it right,
 * sent as {@code {"error": message, "status": status}}.
 */
public final class RequestException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status, 4xx (or 503).
     * @param message what is wrong, and how to fix it.
     */
    public RequestException(final int status, final String message)
    {
        super(message);
        this.status = status;
    }

    /**
     * @return the HTTP status.
     */
    public int status()
    {
        return status;
    }
}
