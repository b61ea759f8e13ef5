package io.myriad.kernel.pipeline;

/**
 * A batch failed while a tick was computed. The simulation's state is then partly updated and must not be used
 * further; the cause is the model's exception.
 */
public final class PipelineException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message where it failed: tick and phase.
     * @param cause   what the model threw.
     */
    public PipelineException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
