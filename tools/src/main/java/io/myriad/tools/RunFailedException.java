package io.myriad.tools;

import java.util.Locale;

import io.myriad.tools.scenario.RunSettings;

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

    /**
     * @param settings the run's settings, which say how many agents of which model ran out of memory.
     * @param ex       what ran out.
     * @return the failure of a run that ran out of memory, saying how to give the JVM more.
     */
    static RunFailedException outOfMemory(final RunSettings settings, final OutOfMemoryError ex)
    {
        return new RunFailedException("out of memory running " +
            String.format(Locale.ROOT, "%,d", settings.agents()) + " agents of " +
            settings.model() + " (" + ex.getMessage() + "); give the JVM more, e.g. " +
            "MYRIAD_JAVA_OPTS='-Xmx16g -XX:MaxDirectMemorySize=16g', or run fewer agents", ex);
    }
}
