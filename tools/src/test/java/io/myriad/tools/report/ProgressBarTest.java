package io.myriad.tools.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest
{
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void shouldDrawNothingWhenDisabled()
    {
        final ProgressBar bar = new ProgressBar(out, 100, false);
        bar.start(0);

        for (int tick = 1; tick <= 100; tick++)
        {
            assertFalse(bar.update(tick, TimeUnit.SECONDS.toNanos(tick)));
        }
        bar.finish();

        assertEquals("", text.toString());
    }

    @Test
    void shouldRedrawAtMostTenTimesASecond()
    {
        final ProgressBar bar = new ProgressBar(out, 10_000, true);
        bar.start(0);

        int draws = 0;
        for (int tick = 1; tick <= 10_000; tick++)
        {
            draws += bar.update(tick, TimeUnit.MICROSECONDS.toNanos(100L * tick)) ? 1 : 0;
        }

        assertEquals(10, draws, "one second of ticks, each 100 us");
    }

    @Test
    void shouldShowTicksRateAndTimeLeft()
    {
        final ProgressBar bar = new ProgressBar(out, 200, true);

        final String line = bar.render(50, TimeUnit.SECONDS.toNanos(5));

        assertTrue(line.startsWith("[#######.......................] 50/200 ticks  10.0 ticks/s  ETA 0:00:15"), line);
    }

    @Test
    void shouldClearItsLineWhenFinished()
    {
        final ProgressBar bar = new ProgressBar(out, 10, true);
        bar.start(0);
        bar.update(5, ProgressBar.REDRAW_INTERVAL_NS);

        bar.finish();

        final String written = text.toString();
        assertTrue(written.startsWith("\r[###"), written);
        final String drawn = written.substring(1, written.indexOf('\r', 1));
        assertTrue(written.endsWith(drawn + "\r" + " ".repeat(drawn.length()) + "\r"), written);
    }
}
