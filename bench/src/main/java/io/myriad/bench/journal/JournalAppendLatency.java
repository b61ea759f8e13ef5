package io.myriad.bench.journal;

import java.nio.file.Paths;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.metrics.ThreadAllocation;

/**
 * The latency of journal appends as the simulation's thread sees them, in HdrHistograms: 64-byte records offered
 * at a fixed rate for a number of seconds, each append timed, after a warm-up at the same rate.
 * <pre>
 * bench/scripts/journal-latency.sh [rate/s [seconds [warm-up s]]]
 * </pre>
 * The rate defaults to 5,000,000 appends per second for 5 seconds after 2 of warm-up. Appends are paced by the
 * clock (a busy wait, never a sleep). Two figures per append: its service time (the call alone) and its response
 * time from when it was due, which also counts any wait before the call began (the thread descheduled, an
 * earlier append that ran late), so co-ordinated omission cannot hide a stall. The same paced loop without the
 * append runs first as the baseline: its response times are what the machine itself adds, measured in the same
 * run. Also reported: the rate sustained (appends over the time until the last one is in the queue), the bytes
 * the appending thread allocated per append, and how often the ring was full.
 * <p>
 * The journal goes under {@code -Dmyriad.bench.dir} (default: the temporary directory) and is deleted after.
 */
public final class JournalAppendLatency
{
    private static final long HIGHEST_NS = 100_000_000_000L;

    private JournalAppendLatency()
    {
    }

    /**
     * @param args rate per second, seconds measured, seconds of warm-up.
     */
    public static void main(final String[] args)
    {
        final double rate = args.length > 0 ? Double.parseDouble(args[0]) : 5_000_000;
        final double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        final double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        final UnsafeBuffer data = new UnsafeBuffer(new byte[JournalFixture.DATA_LENGTH]);
        final Histogram baseline = new Histogram(1, HIGHEST_NS, 3);
        final Histogram response = new Histogram(1, HIGHEST_NS, 3);
        final Histogram service = new Histogram(1, HIGHEST_NS, 3);
        try (JournalFixture journal = new JournalFixture(Paths.get(System.getProperty("myriad.bench.dir",
            System.getProperty("java.io.tmpdir")))))
        {
            run(null, data, rate, warmup, baseline, service);
            baseline.reset();
            run(null, data, rate, seconds, baseline, service);
            run(journal, data, rate, warmup, response, service);
            response.reset();
            service.reset();

            final long allocatedBefore = ThreadAllocation.currentThreadAllocatedBytes();
            final long startNs = System.nanoTime();
            final long appends = run(journal, data, rate, seconds, response, service);
            journal.writer().flush();
            final long elapsedNs = System.nanoTime() - startNs;
            final long allocated = ThreadAllocation.currentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf(Locale.ROOT, "{\"record_bytes\":%d,\"offered_per_second\":%.0f,\"appends\":%d," +
                "\"sustained_per_second\":%.0f,\"service_ns\":%s,\"response_ns\":%s,\"baseline_response_ns\":%s," +
                "\"allocated_bytes_per_append\":%.4f,\"stalls\":%d}%n",
                JournalFixture.RECORD_LENGTH, rate, appends, appends * 1e9 / elapsedNs, percentiles(service),
                percentiles(response), percentiles(baseline), (double)allocated / appends,
                journal.writer().stalls());
        }
    }

    private static String percentiles(final Histogram histogram)
    {
        return String.format(Locale.ROOT, "{\"p50\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d}",
            histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
            histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }

    /**
     * Offers appends at {@code rate} for {@code seconds}; with no journal, only paces and times the loop.
     */
    private static long run(
        final JournalFixture journal,
        final UnsafeBuffer data,
        final double rate,
        final double seconds,
        final Histogram response,
        final Histogram service)
    {
        final double intervalNs = 1e9 / rate;
        final long total = (long)(rate * seconds);
        final long startNs = System.nanoTime();
        for (long i = 0; i < total; i++)
        {
            final long dueNs = startNs + (long)(i * intervalNs);
            while (System.nanoTime() < dueNs)
            {
                Thread.onSpinWait();
            }
            final long beginNs = System.nanoTime();
            data.putLong(0, i);
            if (journal != null)
            {
                journal.writer().input(i, 1, (int)i & 0xFFFF, data, 0, JournalFixture.DATA_LENGTH);
            }
            final long endNs = System.nanoTime();
            service.recordValue(Math.max(1, endNs - beginNs));
            response.recordValue(Math.max(1, endNs - dueNs));
        }
        return total;
    }
}
