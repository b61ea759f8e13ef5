package io.myriad.tools.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.myriad.kernel.hash.StateHash;

/**
 * Writes a {@link RunSummary} for people: one figure a line, units chosen to keep three significant digits.
 */
public final class SummaryText
{
    /** The names' column is this wide, or wider when a name (a long metric's) needs it. */
    private static final int NAME_WIDTH = 22;

    private SummaryText()
    {
    }

    /**
     * @param summary a run's figures.
     * @param out     where to print them.
     */
    public static void print(final RunSummary summary, final PrintWriter out)
    {
        final List<String[]> lines = new ArrayList<>();
        line(lines, "model", summary.model() + (summary.preset() == null ? "" : " (preset " + summary.preset() + ")"));
        if (summary.scenario() != null)
        {
            line(lines, "scenario", summary.scenario());
        }
        line(lines, "agents", String.format(Locale.ROOT, "%,d", summary.agents()));
        line(lines, "ticks", String.format(Locale.ROOT, "%,d", summary.ticks()));
        final RunSummary.Time time = summary.time();
        if ("events".equals(time.clock()))
        {
            line(lines, "events", String.format(Locale.ROOT, "%,d to sim time %s s, %s/s", time.events(),
                number(time.simTime()), rate(time.eventsPerSecond())));
        }
        if (time.timeScale() > 0)
        {
            line(lines, "paced", "time scale " + number(time.timeScale()) + "; steps started late by p50/p99/max " +
                duration(time.lagP50Ns()) + " / " + duration(time.lagP99Ns()) + " / " + duration(time.lagMaxNs()));
        }
        final DecisionFigures decisions = time.decisions();
        if (decisions != null)
        {
            line(lines, "decisions", String.format(Locale.ROOT, "%,d completed (%,d answered, %,d cached, %,d timed " +
                "out, %,d failed), %,d stale dropped, %,d in flight; %,d tokens; latency p50/p99/max %,d / %,d / " +
                "%,d ms", decisions.completed(), decisions.answered(), decisions.cached(), decisions.timedOut(),
                decisions.failed(), decisions.staleDropped(), decisions.inFlight(), decisions.tokens(),
                decisions.latencyP50Ms(), decisions.latencyP99Ms(), decisions.latencyMaxMs()));
            if (decisions.lastError() != null)
            {
                line(lines, "last decider error", decisions.lastError());
            }
        }
        line(lines, "threads", summary.threads() + " (layout " + summary.layout() + ", batch size " +
            summary.batchSize() + ", wait " + summary.waitStrategy() + ")");
        line(lines, "seed", Long.toString(summary.seed()));
        line(lines, "wall time", String.format(Locale.ROOT, "%.3f s", summary.wallSeconds()));
        line(lines, "agent updates/s", rate(summary.agentUpdatesPerSecond()));
        line(lines, "tick p50/p99/p999/max", duration(summary.tickP50Ns()) + " / " + duration(summary.tickP99Ns()) +
            " / " + duration(summary.tickP999Ns()) + " / " + duration(summary.tickMaxNs()));
        line(lines, "allocated per tick", allocation(summary));
        line(lines, "state hash", StateHash.toHex(summary.stateHash()));
        if (!summary.metrics().isEmpty())
        {
            line(lines, "model metrics", "(after the last tick)");
            for (final Map.Entry<String, Double> metric : summary.metrics().entrySet())
            {
                line(lines, "  " + metric.getKey(), number(metric.getValue()));
            }
        }
        line(lines, "run directory", summary.runDirectory());
        final RunSummary.Journal journal = summary.journal();
        line(lines, "journal", journal == null ? "none (--no-journal)" : journal.directory() + " (" + journal.level() +
            ", " + journal.records() + " records, a state hash every " + journal.hashEvery() + " ticks)");
        int width = NAME_WIDTH;
        for (final String[] line : lines)
        {
            width = Math.max(width, line[0].length());
        }
        final String format = "%-" + width + "s %s%n";
        for (final String[] line : lines)
        {
            out.printf(Locale.ROOT, format, line[0], line[1]);
        }
        out.flush();
    }

    /**
     * @param nanos a duration in nanoseconds.
     * @return it in ns, us, ms or s with three significant digits.
     */
    public static String duration(final double nanos)
    {
        if (nanos < 1e3)
        {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1e6)
        {
            return significant(nanos / 1e3) + " us";
        }
        if (nanos < 1e9)
        {
            return significant(nanos / 1e6) + " ms";
        }
        return significant(nanos / 1e9) + " s";
    }

    /**
     * @param perSecond a rate.
     * @return it with a k, M or G multiplier and three significant digits.
     */
    public static String rate(final double perSecond)
    {
        if (perSecond >= 1e9)
        {
            return significant(perSecond / 1e9) + " G";
        }
        if (perSecond >= 1e6)
        {
            return significant(perSecond / 1e6) + " M";
        }
        if (perSecond >= 1e3)
        {
            return significant(perSecond / 1e3) + " k";
        }
        return significant(perSecond);
    }

    private static String allocation(final RunSummary summary)
    {
        if (summary.allocatedBytesPerTick() < 0)
        {
            return "unknown (this JVM does not count allocations)";
        }
        if (summary.allocationTicks() == 0)
        {
            return "not measured (all " + summary.ticks() + " ticks were warm-up; run more)";
        }
        final String median = bytes(summary.allocatedBytesPerTick()) + " median (over the " +
            summary.allocationTicks() + " ticks after warm-up)";
        if (summary.ticksThatAllocated() == 0)
        {
            return median;
        }
        return median + "; " + summary.ticksThatAllocated() + " of them allocated, mean " +
            bytes(summary.allocatedBytesMean()) + (summary.allocatedBytesPerTick() == 0 ?
            " (the JIT settling: the steady state allocates nothing)" : "");
    }

    private static String bytes(final double bytes)
    {
        if (bytes < 1024)
        {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        if (bytes < 1024 * 1024)
        {
            return significant(bytes / 1024) + " KiB";
        }
        return significant(bytes / (1024 * 1024)) + " MiB";
    }

    private static String number(final Double value)
    {
        if (value == null || !Double.isFinite(value))
        {
            return String.valueOf(value);
        }
        final double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e9))
        {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String significant(final double value)
    {
        if (value >= 100)
        {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10)
        {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void line(final List<String[]> lines, final String name, final String value)
    {
        lines.add(new String[] { name, value });
    }
}
