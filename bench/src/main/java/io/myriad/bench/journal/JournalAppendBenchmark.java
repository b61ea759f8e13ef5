package io.myriad.bench.journal;

import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.myriad.bench.JvmFlags;

/**
 * Sustained appends of 64-byte records through the journal stage: the benchmark thread encodes each record into
 * the stage's ring, and the stage's own thread copies them into the Chronicle Queue. The ring is a few MiB, so
 * within a second the producer runs at the stage's pace (it waits when the ring is full): the score is the rate
 * the journal sustains, not the rate the ring absorbs a burst. {@code -prof gc} gives bytes per append.
 * <p>
 * Each iteration writes a fresh journal (a second of appends is about a gigabyte) under
 * {@code -Dmyriad.bench.dir} (default: the system's temporary directory), deleted after the iteration; the last
 * part of an iteration's records may still be in the ring when it ends, and are flushed in the tear-down.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class JournalAppendBenchmark extends JvmFlags
{
    private final UnsafeBuffer data = new UnsafeBuffer(new byte[JournalFixture.DATA_LENGTH]);
    private JournalFixture journal;
    private long tick;

    /**
     * Opens a fresh journal.
     */
    @Setup(Level.Iteration)
    public void setUp()
    {
        journal = new JournalFixture(Paths.get(System.getProperty("myriad.bench.dir",
            System.getProperty("java.io.tmpdir"))));
    }

    /**
     * Flushes and deletes the journal.
     */
    @TearDown(Level.Iteration)
    public void tearDown()
    {
        journal.close();
    }

    /**
     * @return the tick appended at.
     */
    @Benchmark
    public long append()
    {
        final long tick = this.tick++;
        data.putLong(0, tick);
        journal.writer().input(tick, 1, (int)tick & 0xFFFF, data, 0, JournalFixture.DATA_LENGTH);
        return tick;
    }
}
