package io.myriad.kernel.model;

/**
 * A setting that cannot be used, with the path of the setting and what is wrong with it. The command line turns
 * it into one line of error text and exit status 2.
 */
public final class InvalidConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path    the setting, e.g. {@code agents} or {@code parameters.vision}.
     * @param problem what is wrong and, where it helps, what would be right.
     */
    public InvalidConfigException(final String path, final String problem)
    {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /**
     * @return the setting at fault.
     */
    public String path()
    {
        return path;
    }

    /**
     * @return what is wrong with it.
     */
    public String problem()
    {
        return problem;
    }
}
