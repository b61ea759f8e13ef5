package io.myriad.tools.report;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTextTest
{
    @Test
    void shouldPickUnitsKeepingThreeSignificantDigits()
    {
        assertEquals("850 ns", SummaryText.duration(850));
        assertEquals("1.50 us", SummaryText.duration(1_500));
        assertEquals("61.2 ms", SummaryText.duration(61_234_567));
        assertEquals("1.23 s", SummaryText.duration(1_234_000_000));
        assertEquals("16.2 M", SummaryText.rate(16_234_567));
        assertEquals("999", SummaryText.rate(999));
    }

    @Test
    void shouldPrintEveryFigure()
    {
        final StringWriter text = new StringWriter();

        SummaryText.print(SummaryJsonTest.summary(0.25), new PrintWriter(text));

        final String out = text.toString();
        for (final String expected : new String[]{ "model", "counter", "agents", "ticks", "threads", "wall time",
            "agent updates/s", "tick p50/p99/p999/max", "1.00 us / 2.00 us / 3.00 us / 4.00 us", "allocated per tick",
            "0 B median (over the 15 ticks after warm-up); 1 of them allocated, mean 3 B",
            "(the JIT settling: the steady state allocates nothing)",
            "state hash", "0123456789abcdef", "order", "0.25", "run directory" })
        {
            assertTrue(out.contains(expected), expected + " missing from:\n" + out);
        }
        // a metric's name longer than the names' column widens it: every value starts in the same column
        final int column = out.lines().findFirst().orElseThrow().indexOf("counter");
        out.lines().forEach((line) -> assertTrue(line.length() > column && line.charAt(column - 1) == ' ' &&
            line.charAt(column) != ' ', "misaligned: " + line + "\n" + out));
        assertTrue(column > "  share_of_agents_that_moved_this_tick".length(), out);
    }
}
