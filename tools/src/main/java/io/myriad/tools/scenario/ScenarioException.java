package io.myriad.tools.scenario;

/**
 * Bad input to a run: a scenario or command-line setting that cannot be used. The message is one line that says
 * where the setting is (file:line:column for a scenario file, the flag for the command line), what is wrong with
 * it and how to fix it. The command line prints it without a stack trace and exits with status 2.
 */
public final class ScenarioException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: where, what is wrong, how to fix it.
     */
    public ScenarioException(final String message)
    {
        super(message, null, false, false);
    }
}
