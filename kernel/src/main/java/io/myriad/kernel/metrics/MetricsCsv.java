package io.myriad.kernel.metrics;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The format of a run's metrics file, {@code metrics.csv}, and what of an existing one a resumed run keeps.
 * <pre>
 *   step,NAME,NAME,...\n      the header: step, then one column per value, a name with a comma or a quote quoted
 *   0,V,V,...\n               a row at the run's start
 *   E,V,V,...\n               a row every E steps: 2E, 3E, ...
 *   T,V,V,...\n               a row at the run's end, unless T is on the cadence already
 * </pre>
 * Every line ends with {@code \n}. A value is an integer when it is integral and below 10<sup>15</sup> in
 * magnitude, otherwise Java's shortest round-tripping decimal ({@code NaN} and {@code Infinity} as Java spells
 * them). A row's values never hold a comma, so a row's fields are its comma-separated parts.
 */
public final class MetricsCsv
{
    /** The first column of the header: the steps done when a row was computed. */
    public static final String STEP_COLUMN = "step";

    private static final int NONE = -1;

    private MetricsCsv()
    {
    }

    /**
     * @param columns the value columns' names, after {@link #STEP_COLUMN}.
     * @return the header line, its {@code \n} included.
     */
    public static String header(final List<String> columns)
    {
        final StringBuilder header = new StringBuilder(STEP_COLUMN);
        for (final String column : columns)
        {
            header.append(',').append(quote(column));
        }
        return header.append('\n').toString();
    }

    /**
     * Appends a value as a row holds it.
     *
     * @param line  the row being built.
     * @param value the value.
     */
    public static void appendValue(final StringBuilder line, final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            line.append((long)value);
        }
        else
        {
            line.append(value);
        }
    }

    /**
     * Reads an existing metrics file to continue it, and works out what of it a run resumed at {@code startStep}
     * keeps: the header, then the rows up to step {@code keptUpTo}, less a torn last line and a last row off the
     * cadence (the end of an earlier stop, which an uninterrupted run does not have). What is kept must be this
     * run's: the same header, rows every {@code every} steps after the first, and no row the resumed run cannot
     * write again missing before {@code startStep}. Reads only; changes nothing.
     *
     * @param file      the metrics file.
     * @param header    the header this run writes ({@link #header(List)}).
     * @param every     steps between rows.
     * @param keptUpTo  the last step whose rows are still the run's.
     * @param startStep the step the resumed run starts at: it writes rows again only from there.
     * @return how many bytes to keep and the step of the last row kept.
     * @throws MetricsException     if the file is not this run's or lacks rows the resumed run cannot write.
     * @throws UncheckedIOException if it cannot be read.
     */
    public static Kept keep(
        final Path file, final String header, final int every, final long keptUpTo, final long startStep)
    {
        final String headerLine = header.substring(0, header.length() - 1);
        final int columns = fields(headerLine);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file)))
        {
            final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            if (!readLine(in, line))
            {
                // a header never finished (a kill before it reached the disk): a prefix of this run's is rewritten
                if (!startsWith(header.getBytes(StandardCharsets.UTF_8), line.toByteArray()))
                {
                    throw notThisRuns(file, line.toString(StandardCharsets.UTF_8), headerLine);
                }
                return new Kept(0, NONE);
            }
            final String found = line.toString(StandardCharsets.UTF_8);
            if (!found.equals(headerLine))
            {
                throw notThisRuns(file, found, headerLine);
            }
            long length = line.size() + 1;
            long lengthBeforeLast = length;
            long first = NONE;
            long beforeLast = NONE;
            long last = NONE;
            for (int number = 2; readLine(in, line); number++)
            {
                final String row = line.toString(StandardCharsets.UTF_8);
                final long step = step(file, number, row);
                if (step > keptUpTo)
                {
                    break; // what follows was written past where the run is known to have been
                }
                requireFields(file, number, row, columns);
                if (first != NONE)
                {
                    requireNext(file, number, first, last, step, every);
                }
                first = first == NONE ? step : first;
                beforeLast = last;
                last = step;
                lengthBeforeLast = length;
                length += line.size() + 1;
            }
            if (last != first && last % every != 0)
            {
                // the row of an earlier end: an uninterrupted run goes on past it without one
                length = lengthBeforeLast;
                last = beforeLast;
            }
            requireRowsBefore(file, first, last, every, startStep);
            return new Kept(length, last);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read metrics file " + file + " to continue it: " + ex, ex);
        }
    }

    /**
     * What of an existing metrics file a resumed run keeps.
     *
     * @param length   bytes kept from the start of the file; 0 if its header is to be written again.
     * @param lastStep the step of the last row kept, or -1 if none is.
     */
    public record Kept(long length, long lastStep)
    {
    }

    /**
     * A row after the first is the next on the cadence, or a run's end before it; nothing follows an end.
     */
    private static void requireNext(
        final Path file, final int number, final long first, final long last, final long step, final int every)
    {
        final long next = nextOnCadence(last, every);
        if (last != first && last % every != 0)
        {
            throw new MetricsException("metrics file " + file + " cannot be continued: line " + number +
                " follows the row of step " + last + ", which is off the cadence of a row every " + every +
                " steps and so a run's end; it is another run's or another cadence's: move it aside to start " +
                "a new one");
        }
        if (step != next && (step <= last || step > next))
        {
            throw new MetricsException("metrics file " + file + " cannot be continued: line " + number +
                " is the row of step " + step + ", but the row after step " + last + " is step " + next +
                " at a row every " + every + " steps; it is another run's or another cadence's: move it aside " +
                "to start a new one");
        }
    }

    private static void requireRowsBefore(
        final Path file, final long first, final long last, final int every, final long startStep)
    {
        if (first == NONE)
        {
            if (startStep > 0)
            {
                throw new MetricsException("metrics file " + file + " cannot be continued: it holds no row " +
                    "before step " + startStep + ", where the run resumes, and those rows cannot be computed " +
                    "again from there; resume from tick 0, or move the file aside to start a new one at step " +
                    startStep);
            }
            return;
        }
        if (first > startStep)
        {
            throw new MetricsException("metrics file " + file + " cannot be continued: it starts at step " + first +
                ", after step " + startStep + ", where the run resumes; move it aside to start a new one");
        }
        final long missing = nextOnCadence(last, every);
        if (missing < startStep)
        {
            throw new MetricsException("metrics file " + file + " cannot be continued: its rows end at step " +
                last + ", but the run resumes at step " + startStep + ", and the rows from step " + missing +
                " on cannot be computed again from there (a run killed before its rows reached the disk?); " +
                "resume from a checkpoint at or before tick " + missing + ", or move the file aside to start a " +
                "new one at step " + startStep);
        }
    }

    private static long step(final Path file, final int number, final String row)
    {
        final int comma = row.indexOf(',');
        try
        {
            final long step = Long.parseLong(comma < 0 ? row : row.substring(0, comma));
            if (step >= 0)
            {
                return step;
            }
        }
        catch (final NumberFormatException ex)
        {
            // said below
        }
        throw new MetricsException("metrics file " + file + " cannot be continued: line " + number + " is not a " +
            "row (it does not start with a step, 0 or more): " + abbreviate(row) + "; move the file aside to start " +
            "a new one");
    }

    private static void requireFields(final Path file, final int number, final String row, final int columns)
    {
        final int fields = fields(row);
        if (fields != columns)
        {
            throw new MetricsException("metrics file " + file + " cannot be continued: line " + number + " has " +
                fields + " fields where the header has " + columns + ": " + abbreviate(row) + "; move the file " +
                "aside to start a new one");
        }
    }

    private static MetricsException notThisRuns(final Path file, final String found, final String headerLine)
    {
        return new MetricsException("metrics file " + file + " cannot be continued: its header is '" +
            abbreviate(found) + "', but this run writes '" + abbreviate(headerLine) + "' (another model's file, " +
            "or another version's?); move it aside to start a new one");
    }

    /**
     * Reads up to the next {@code \n} into {@code line}, without it.
     *
     * @return true if the line ended with {@code \n}; false at the end of the file (what was read is torn).
     */
    private static boolean readLine(final InputStream in, final ByteArrayOutputStream line) throws IOException
    {
        line.reset();
        int b;
        while ((b = in.read()) != -1)
        {
            if (b == '\n')
            {
                return true;
            }
            line.write(b);
        }
        return false;
    }

    private static boolean startsWith(final byte[] whole, final byte[] prefix)
    {
        if (prefix.length > whole.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (whole[i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int fields(final String line)
    {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields++;
            }
        }
        return fields;
    }

    private static long nextOnCadence(final long step, final int every)
    {
        return step - step % every + every;
    }

    private static String abbreviate(final String text)
    {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String quote(final String column)
    {
        return column.indexOf(',') >= 0 || column.indexOf('"') >= 0 ?
            '"' + column.replace("\"", "\"\"") + '"' : column;
    }
}
