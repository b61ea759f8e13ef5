package io.myriad.kernel.metrics;

/**
 * A metrics file that a resumed run cannot continue: another run's, another cadence's, or missing rows the run
 * cannot write again. The message says what is wrong, where, and what to do; the file is left as it was.
 */
public class MetricsException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, where, and how to fix it.
     */
    public MetricsException(final String message)
    {
        super(message);
    }
}
