package io.myriad.plugins.declared;

/**
 * A declaration that cannot be compiled: names the place in the declaration (a path such as
 * {@code agents.Greeter.policy[1].when}), what is wrong, and where in an expression's text, if it is one.
 */
public final class SpecException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int column;

    /**
     * @param path    where in the declaration.
     * @param column  the character of the expression at fault, from 0, or -1.
     * @param problem what is wrong and how to put it right.
     */
    public SpecException(final String path, final int column, final String problem)
    {
        super(problem);
        this.path = path;
        this.column = column;
    }

    /**
     * @return where in the declaration, e.g. {@code agents.Greeter.policy[1].when}.
     */
    public String path()
    {
        return path;
    }

    /**
     * @return the character of the expression at fault, from 0, or -1 when the fault is not in an expression.
     */
    public int column()
    {
        return column;
    }

    /**
     * @return the problem, without the path.
     */
    public String problem()
    {
        return getMessage();
    }
}
