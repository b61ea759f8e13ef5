package io.myriad.tools.report;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.myriad.kernel.Simulation;

/**
 * A one-line progress bar for a run, redrawn in place with a carriage return: ticks done of the total, ticks per
 * second and the time left. It redraws at most every {@link #REDRAW_INTERVAL_NS} and only when enabled, which the
 * command line does when standard error is a terminal, so logs and pipes never see it.
 */
public final class ProgressBar
{
    /** System property that says whether standard error is a terminal; the launcher sets it from {@code -t 2}. */
    public static final String STDERR_TTY_PROP_NAME = "myriad.stderr.tty";

    /** Least time between two redraws: ten a second at most. */
    public static final long REDRAW_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int BAR_WIDTH = 30;
    private static final long CHUNK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_CHUNK_STEPS = 4096;

    private final PrintWriter out;
    private final long total;
    private final String unit;
    private final boolean enabled;
    private final StringBuilder line = new StringBuilder(128);
    private long startNs;
    /** Agents with a decision in flight, shown after the ETA; -1 for a model without deciders. */
    private int thinking = -1;
    private long lastDrawNs;
    private int lastLength;
    private boolean started;

    /**
     * @param out     where to draw, standard error.
     * @param total   ticks in the run.
     * @param enabled false to draw nothing at all.
     */
    public ProgressBar(final PrintWriter out, final long total, final boolean enabled)
    {
        this(out, total, "ticks", enabled);
    }

    /**
     * @param out     where to draw.
     * @param total   units of work in all.
     * @param unit    what they are, plural.
     * @param enabled false to draw nothing.
     */
    public ProgressBar(final PrintWriter out, final long total, final String unit, final boolean enabled)
    {
        this.out = out;
        this.total = total;
        this.unit = unit;
        this.enabled = enabled;
    }

    /**
     * Whether standard error is a terminal: the {@link #STDERR_TTY_PROP_NAME} property when set, else whether
     * the JVM has a console (on JDK 22 and later, whether that console is a terminal).
     *
     * @return true when a progress bar would be seen by a person.
     */
    public static boolean isStderrTerminal()
    {
        final String told = System.getProperty(STDERR_TTY_PROP_NAME);
        if (told != null)
        {
            return Boolean.parseBoolean(told);
        }
        final Console console = System.console();
        if (console == null)
        {
            return false;
        }
        try
        {
            // From JDK 22 System.console() is not null when redirected; Console.isTerminal() says which it is.
            final Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean)isTerminal.invoke(console);
        }
        catch (final NoSuchMethodException ex)
        {
            return true;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * Steps a simulation to {@code endTick}, or until the run is over (on the event clock, no event due before its
     * maximum sim time; or the model finished), drawing a bar on {@code out} when it is a terminal: of the ticks,
     * or of the sim time when the steps are unbounded.
     *
     * @param sim     the simulation, between ticks.
     * @param endTick the tick to reach, {@code Long.MAX_VALUE} for unbounded; nothing is run if it is there.
     * @param out     where the bar goes (standard error).
     * @return wall time of the ticks, in nanoseconds.
     */
    public static long runTicks(final Simulation sim, final long endTick, final PrintWriter out)
    {
        final long startTick = sim.tick();
        final double until = sim.context().maxSimTime();
        final boolean bySimTime = endTick == Long.MAX_VALUE && until < Double.POSITIVE_INFINITY;
        // by sim time, in whole milliseconds of it
        final ProgressBar progress = bySimTime ?
            new ProgressBar(out, Math.max(1, (long)Math.ceil(until * 1e3)), "sim ms", isStderrTerminal()) :
            new ProgressBar(out, Math.max(1, endTick - startTick), isStderrTerminal());
        final long startNs = System.nanoTime();
        progress.start(startNs);
        // steps of a few hundred nanoseconds (an event each) run in chunks of about a millisecond, so the bar's clock
        // is read once a chunk rather than once a step
        long chunk = 1;
        while (sim.tick() < endTick && !sim.isDone())
        {
            final long chunkStartNs = System.nanoTime();
            final long chunkStart = sim.tick();
            sim.run(Math.min(chunk, endTick - chunkStart));
            final long nowNs = System.nanoTime();
            progress.thinking = sim.decisions().counts() == null ? -1 : sim.decisions().thinking();
            progress.update(bySimTime ? (long)(sim.simTime() * 1e3) : sim.tick() - startTick, nowNs);
            final long nsPerStep = (nowNs - chunkStartNs) / Math.max(1, sim.tick() - chunkStart);
            chunk = Math.max(1, Math.min(MAX_CHUNK_STEPS, CHUNK_NS / Math.max(1, nsPerStep)));
        }
        final long wallNs = System.nanoTime() - startNs;
        progress.finish();
        return wallNs;
    }

    /**
     * Marks the start of the ticks.
     *
     * @param nowNs {@link System#nanoTime()}.
     */
    public void start(final long nowNs)
    {
        startNs = nowNs;
        lastDrawNs = nowNs;
        started = true;
    }

    /**
     * Redraws the bar if enabled and the last redraw is at least {@link #REDRAW_INTERVAL_NS} old.
     *
     * @param done  ticks done.
     * @param nowNs {@link System#nanoTime()}.
     * @return true if it redrew.
     */
    public boolean update(final long done, final long nowNs)
    {
        if (!enabled || !started || nowNs - lastDrawNs < REDRAW_INTERVAL_NS)
        {
            return false;
        }
        lastDrawNs = nowNs;
        draw(done, nowNs - startNs);
        return true;
    }

    /**
     * Clears the bar's line, if it drew one.
     */
    public void finish()
    {
        if (lastLength > 0)
        {
            out.print('\r');
            out.print(" ".repeat(lastLength));
            out.print('\r');
            out.flush();
            lastLength = 0;
        }
    }

    /**
     * @param done      ticks done.
     * @param elapsedNs time since the start.
     * @return the bar's text for that progress.
     */
    String render(final long done, final long elapsedNs)
    {
        final double fraction = total == 0 ? 1.0 : Math.min(1.0, (double)done / total);
        final int filled = (int)(fraction * BAR_WIDTH);
        final double seconds = elapsedNs / 1e9;
        final double ticksPerSecond = seconds > 0 ? done / seconds : 0;
        line.setLength(0);
        line.append('[');
        for (int i = 0; i < BAR_WIDTH; i++)
        {
            line.append(i < filled ? '#' : '.');
        }
        line.append("] ").append(done).append('/').append(total).append(' ').append(unit).append("  ")
            .append(String.format(Locale.ROOT, "%.1f %s/s", ticksPerSecond, unit))
            .append("  ETA ");
        if (ticksPerSecond > 0)
        {
            final long left = (long)Math.ceil((total - done) / ticksPerSecond);
            line.append(String.format(Locale.ROOT, "%d:%02d:%02d", left / 3600, (left / 60) % 60, left % 60));
        }
        else
        {
            line.append('?');
        }
        if (thinking >= 0)
        {
            line.append("  thinking ").append(thinking);
        }
        return line.toString();
    }

    private void draw(final long done, final long elapsedNs)
    {
        final String text = render(done, elapsedNs);
        out.print('\r');
        out.print(text);
        if (text.length() < lastLength)
        {
            out.print(" ".repeat(lastLength - text.length()));
        }
        out.flush();
        lastLength = Math.max(text.length(), lastLength);
    }
}
