package io.myriad.kernel.space.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a network from an edge-list file, UTF-8 text with one edge per line:
 * <pre>
 * # a comment, to the end of the line, here or after an edge
 * 0 1
 * 0,2,0.5
 * 1 2 2.0   # from to weight
 * </pre>
 * A line holds two or three columns, {@code from to [weight]}, separated by spaces or tabs or by one comma (with
 * spaces around it or not); blank lines and comments are skipped. Nodes are whole numbers from 0 to the declared
 * node count minus one. A weight is a decimal number ({@code 1}, {@code -0.5}, {@code 2e-3}); without one the edge
 * weighs {@link NetworkBuilder#DEFAULT_WEIGHT}. Negative and zero weights are kept, as signed networks (trust and
 * distrust, excitation and inhibition) need them; NaN and infinite weights are refused, as nothing a model does
 * with them is meaningful. A link given twice with the same weight is kept once (an undirected file may list both
 * directions); given twice with different weights it is an error, as is a self-loop in a network that refuses them.
 * <p>
 * Every error is an {@link EdgeListException} naming the file, the line, what is wrong and how to fix it; the file
 * is read whole before the network is built, and nothing is built from a file with an error.
 */
public final class EdgeListReader
{
    private static final int MAX_COLUMNS = 3;
    private static final String FORM = "an edge is 'from to' or 'from to weight'";

    private final String source;
    private final NetworkBuilder builder;
    private final int[] starts = new int[MAX_COLUMNS + 1];
    private final int[] ends = new int[MAX_COLUMNS + 1];
    private int[] lineOfEdge = new int[1024];
    private int lineNumber;

    private EdgeListReader(final String source, final NetworkBuilder builder)
    {
        this.source = source;
        this.builder = builder;
    }

    /**
     * @param file    the edge-list file.
     * @param builder declares the node count, direction and self-loop rule; must have no edges yet.
     * @param name    the network's part name.
     * @return the network.
     * @throws EdgeListException if the file cannot be read or a line is not an edge of the network as declared.
     */
    public static Network read(final Path file, final NetworkBuilder builder, final String name)
    {
        final String source = file.toString();
        final BufferedReader reader;
        try
        {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new EdgeListException(source, 0, "no such file; check the path", ex);
        }
        catch (final IOException ex)
        {
            throw new EdgeListException(source, 0, "cannot be opened (" + ex + "); check the path and its " +
                "permissions", ex);
        }
        try (BufferedReader in = reader)
        {
            return read(in, source, builder, name);
        }
        catch (final IOException ex)
        {
            throw new EdgeListException(source, 0, "cannot be closed (" + ex + ")", ex);
        }
    }

    /**
     * Reads an edge list from any text source, e.g. a resource; the caller closes it.
     *
     * @param reader  the text.
     * @param source  what to call it in errors, e.g. its file name.
     * @param builder declares the node count, direction and self-loop rule; must have no edges yet.
     * @param name    the network's part name.
     * @return the network.
     * @throws EdgeListException if the text cannot be read or a line is not an edge of the network as declared.
     */
    public static Network read(
        final BufferedReader reader, final String source, final NetworkBuilder builder, final String name)
    {
        if (builder.addedCount() != 0)
        {
            throw new IllegalArgumentException("the builder already has " + builder.addedCount() + " edges");
        }
        return new EdgeListReader(source, builder).readAll(reader, name);
    }

    private Network readAll(final BufferedReader reader, final String name)
    {
        while (true)
        {
            final String line;
            try
            {
                line = reader.readLine();
            }
            catch (final CharacterCodingException ex)
            {
                throw new EdgeListException(source, lineNumber + 1, "is not UTF-8 text; save the file as UTF-8", ex);
            }
            catch (final IOException ex)
            {
                throw new EdgeListException(source, lineNumber + 1, "cannot be read (" + ex + ")", ex);
            }
            if (null == line)
            {
                break;
            }
            lineNumber++;
            edge(lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line);
        }
        final Network network = builder.pack(name);
        if (null == network)
        {
            final int later = builder.conflictLater();
            final int earlier = builder.conflictEarlier();
            throw fail(lineOfEdge[later], "edge " + builder.addedFrom(later) + " " + builder.addedTo(later) +
                " with weight " + builder.addedWeight(later) + " repeats the link on line " + lineOfEdge[earlier] +
                " (" + builder.addedFrom(earlier) + " " + builder.addedTo(earlier) + ") with weight " +
                builder.addedWeight(earlier) + (builder.isDirected() ? "" : ", the same link in an undirected " +
                "network") + "; keep one of the two lines");
        }
        return network;
    }

    private void edge(final String line)
    {
        final int columns = split(line);
        if (columns == 0)
        {
            return;
        }
        if (columns < 2)
        {
            throw fail("has 1 column; " + FORM);
        }
        if (columns > MAX_COLUMNS)
        {
            throw fail("has more than " + MAX_COLUMNS + " columns; " + FORM + ", and a comment starts with #");
        }
        final int from = node(line, 0, "from");
        final int to = node(line, 1, "to");
        final double weight = columns == MAX_COLUMNS ? weight(line, 2) : NetworkBuilder.DEFAULT_WEIGHT;
        if (from == to && !builder.allowsSelfLoops())
        {
            throw fail("edge " + from + " " + to + " is a self-loop and this network refuses them; remove the " +
                "line, or allow self-loops");
        }
        final int index = builder.addedCount();
        if (index == lineOfEdge.length)
        {
            lineOfEdge = Arrays.copyOf(lineOfEdge, 2 * index);
        }
        lineOfEdge[index] = lineNumber;
        try
        {
            builder.addEdge(from, to, weight);
        }
        catch (final IllegalStateException ex)
        {
            throw fail(lineNumber, "is one edge too many: " + ex.getMessage() + "; split the network");
        }
    }

    /**
     * Finds the columns of a line up to its comment, recording where the first {@code MAX_COLUMNS + 1} are.
     *
     * @return how many columns, 0 for a blank line or a comment, or {@code MAX_COLUMNS + 1} if there are more.
     */
    private int split(final String line)
    {
        final int hash = line.indexOf('#');
        final int end = hash < 0 ? line.length() : hash;
        int i = skipSpace(line, 0, end);
        int count = 0;
        while (i < end)
        {
            final int start = i;
            while (i < end && !isSeparator(line.charAt(i)))
            {
                i++;
            }
            if (i == start)
            {
                throw fail("column " + (count + 1) + " is empty, before a comma; " + FORM);
            }
            starts[count] = start;
            ends[count] = i;
            if (++count > MAX_COLUMNS)
            {
                return count;
            }
            i = skipSpace(line, i, end);
            if (i < end && line.charAt(i) == ',')
            {
                i = skipSpace(line, i + 1, end);
                if (i == end)
                {
                    throw fail("ends with a comma; " + FORM);
                }
            }
        }
        return count;
    }

    private int node(final String line, final int column, final String what)
    {
        final int start = starts[column];
        final int end = ends[column];
        final String token = line.substring(start, end);
        final int n = builder.nodeCount();
        final String range = n == 0 ? "the network has no nodes; declare how many it has" :
            "nodes are numbered 0 to " + (n - 1);
        final boolean negative = line.charAt(start) == '-' && end - start > 1;
        if (!isDigits(line, negative ? start + 1 : start, end))
        {
            throw fail("the " + what + " node '" + token + "' is not a whole number; " + range);
        }
        if (negative)
        {
            throw fail("the " + what + " node " + token + " is negative; " + range);
        }
        long value = 0;
        for (int i = start; i < end && value < n; i++)
        {
            value = value * 10 + (line.charAt(i) - '0');
        }
        if (value >= n)
        {
            throw fail("the " + what + " node " + token + " is out of range: " + range + (n == 0 ? "" :
                "; declare more nodes, or renumber the file"));
        }
        return (int)value;
    }

    private double weight(final String line, final int column)
    {
        final String token = line.substring(starts[column], ends[column]);
        if (!isDecimal(token))
        {
            final String bare = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
            if (bare.equalsIgnoreCase("nan") || bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity"))
            {
                throw fail("the weight " + token + " is not a finite number; give a finite weight, or none for " +
                    NetworkBuilder.DEFAULT_WEIGHT);
            }
            throw fail("the weight '" + token + "' is not a number; a weight is a decimal number such as 1, -0.5 " +
                "or 2e-3");
        }
        final double weight = Double.parseDouble(token);
        if (!Double.isFinite(weight))
        {
            throw fail("the weight " + token + " is too large for a double; give a smaller weight");
        }
        return weight;
    }

    private EdgeListException fail(final String problem)
    {
        return fail(lineNumber, problem);
    }

    private EdgeListException fail(final int line, final String problem)
    {
        return new EdgeListException(source, line, problem);
    }

    private static boolean isSeparator(final char c)
    {
        return c == ',' || Character.isWhitespace(c);
    }

    private static int skipSpace(final String line, final int from, final int end)
    {
        int i = from;
        while (i < end && Character.isWhitespace(line.charAt(i)))
        {
            i++;
        }
        return i;
    }

    private static boolean isDigits(final String text, final int start, final int end)
    {
        for (int i = start; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return end > start;
    }

    /**
     * @return true for {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, which is what
     *         {@link Double#parseDouble(String)} should accept here; it would also take hex, NaN and a trailing d.
     */
    private static boolean isDecimal(final String text)
    {
        final int end = text.length();
        int i = 0;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-'))
        {
            i++;
        }
        final int intStart = i;
        i = skipDigits(text, i, end);
        int mantissa = i - intStart;
        if (i < end && text.charAt(i) == '.')
        {
            final int fractionStart = ++i;
            i = skipDigits(text, i, end);
            mantissa += i - fractionStart;
        }
        if (mantissa == 0)
        {
            return false;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E'))
        {
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-'))
            {
                i++;
            }
            final int exponentStart = i;
            i = skipDigits(text, i, end);
            if (i == exponentStart)
            {
                return false;
            }
        }
        return i == end;
    }

    private static int skipDigits(final String text, final int from, final int end)
    {
        int i = from;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9')
        {
            i++;
        }
        return i;
    }
}
