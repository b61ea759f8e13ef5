package io.myriad.kernel.space.network;

/**
 * An edge-list file that cannot be read into a network: unreadable, or a line that is not an edge of the network
 * as declared. The message reads {@code <file>:<line>: <what is wrong>; <how to fix it>} (without the line when
 * the fault is the whole file's), and the command line turns it into one line of error text and exit status 2.
 */
public final class EdgeListException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file, as the user named it.
     * @param line    the line at fault, from 1, or 0 for the whole file.
     * @param problem what is wrong and how to fix it.
     */
    public EdgeListException(final String file, final int line, final String problem)
    {
        this(file, line, problem, null);
    }

    /**
     * @param file    the file, as the user named it.
     * @param line    the line at fault, from 1, or 0 for the whole file.
     * @param problem what is wrong and how to fix it.
     * @param cause   the underlying failure, if any.
     */
    public EdgeListException(final String file, final int line, final String problem, final Throwable cause)
    {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /**
     * @return the file, as the user named it.
     */
    public String file()
    {
        return file;
    }

    /**
     * @return the line at fault, from 1, or 0 if the fault is the whole file's.
     */
    public int line()
    {
        return line;
    }

    /**
     * @return what is wrong and how to fix it, without the file and line.
     */
    public String problem()
    {
        return problem;
    }
}
