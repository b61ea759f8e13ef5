package io.myriad.bench.event;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.event.DueEvents;
import io.myriad.kernel.event.EventQueue;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hold model, the classic benchmark of pending-event sets: with {@code pending} events waiting, each operation
 * takes the earliest and schedules one more, due after an exponentially distributed delay (mean 1 s) from the time
 * just taken, so the number pending stays the same. {@code queue} is {@code myriad} ({@link EventQueue}: primitive
 * chunks, nothing allocated per event) or {@code priorityQueue} ({@link PriorityQueue} of event objects ordered by
 * time, priority and sequence, one object allocated per event). Both draw their delays from the same table.
 * <p>
 * The score is the time of one take-and-schedule; operations per second are its inverse.
 * <pre>
 * java -jar bench/target/benchmarks.jar EventQueueBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EventQueueBenchmark extends JvmFlags
{
    private static final int DELAYS = 1 << 16;

    /** Events pending throughout. */
    @Param({ "1000000", "10000000" })
    public int pending;

    /** Which queue: {@code myriad} or {@code priorityQueue}. */
    @Param({ "myriad", "priorityQueue" })
    public String queue;

    private final double[] delays = new double[DELAYS];
    private EventQueue events;
    private DueEvents due;
    private PriorityQueue<Event> objects;
    private double objectsNow;
    private long objectsSequence;
    private int next;

    /**
     * Fills the queue with {@code pending} events due within the mean delay's reach of time 0.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        long state = 42;
        for (int i = 0; i < DELAYS; i++)
        {
            state = state * 6364136223846793005L + 1442695040888963407L;
            delays[i] = -Math.log(1.0 - (state >>> 11) * 0x1.0p-53);
        }
        if ("myriad".equals(queue))
        {
            events = new EventQueue("events", pending);
            due = new DueEvents(16);
            for (int i = 0; i < pending; i++)
            {
                events.schedule(delay(), 0, 1, i, i);
            }
        }
        else if ("priorityQueue".equals(queue))
        {
            objects = new PriorityQueue<>(pending, Event.ORDER);
            for (int i = 0; i < pending; i++)
            {
                objects.add(new Event(delay(), 0, objectsSequence++, 1, i, i));
            }
        }
        else
        {
            throw new IllegalArgumentException("queue is myriad or priorityQueue, not " + queue);
        }
    }

    /**
     * Lets the queue's memory go before the next trial.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        events = null;
        objects = null;
    }

    /**
     * @return the time taken, so the work cannot be optimised away.
     */
    @Benchmark
    public double takeAndSchedule()
    {
        if (events != null)
        {
            events.take(due);
            events.schedule(due.time() + delay(), 0, 1, due.agent(0), due.data(0));
            return due.time();
        }
        final Event first = objects.poll();
        objectsNow = first.time;
        objects.add(new Event(objectsNow + delay(), 0, objectsSequence++, 1, first.agent, first.data));
        return objectsNow;
    }

    private double delay()
    {
        return delays[next++ & (DELAYS - 1)];
    }

    /**
     * The baseline's event: an object per event, as a textbook discrete-event simulator keeps them.
     */
    static final class Event
    {
        static final Comparator<Event> ORDER = Comparator.<Event>comparingDouble(event -> event.time)
            .thenComparingInt(event -> event.priority).thenComparingLong(event -> event.sequence);

        final double time;
        final int priority;
        final long sequence;
        final int kind;
        final int agent;
        final long data;

        Event(final double time, final int priority, final long sequence, final int kind, final int agent,
            final long data)
        {
            this.time = time;
            this.priority = priority;
            this.sequence = sequence;
            this.kind = kind;
            this.agent = agent;
            this.data = data;
        }
    }
}
