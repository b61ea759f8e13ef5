package io.myriad.kernel.event;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import static io.myriad.kernel.event.EventChunks.NONE;
import static io.myriad.kernel.event.EventDescriptor.WORDS;

/**
 * The pending events of a run, as a part of its world: ordered by (time, priority, sequence), where the sequence
 * is the order they were scheduled in, so that ties are broken the same way on every run.
 * {@link #take(DueEvents)} removes every event at the earliest (time, priority) at once: one step's events.
 * <p>
 * Time only moves forward: an event may be scheduled at {@link #now()}, the time of the last events taken, or
 * later, never earlier. That makes the queue a <em>radix heap</em> over the raw bits of the times (which order
 * non-negative doubles as longs), with digits of a byte ({@link EventBuckets}): bucket 0 holds the events at
 * {@code now}, the others those whose time first differs from {@code now} in a given digit, by that digit's value.
 * Scheduling appends to one bucket's chain; taking, when bucket 0 is empty, moves {@code now} to the least time of
 * the lowest non-empty bucket and redistributes that bucket into lower ones, each event at least one digit lower.
 * An event therefore moves down at most 8 times in its life, by sequential appends (two or three times in a hold
 * model of a million events); events due now with a higher priority than those taken stay in bucket 0 and are
 * copied once more for each priority taken before them. A bucket keeps its events in sequence order, so bucket 0
 * holds the events due now in the order they were scheduled.
 * <p>
 * Events live in recycled chunks ({@link EventChunks}). A chunk is made only when more are in use than ever before,
 * and the {@link #EventQueue(String, long) capacity} given reserves enough for that many pending events whatever
 * buckets they sit in, so scheduling and taking then allocate nothing.
 * <p>
 * The state hash and the checkpoint section list the pending events in sequence order, whatever buckets they sit
 * in, so a restored queue hashes and pops as the saved one did. One thread owns it: the one that drives the
 * simulation.
 */
public final class EventQueue implements Part
{
    private static final long INFINITE_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private final String name;
    private final EventBuckets buckets = new EventBuckets();
    private final EventChunks chunks = buckets.chunks();
    private final SequenceOrder inSequence = new SequenceOrder(buckets);
    private long nowBits;
    private double now;
    private long nextSequence;
    private long size;

    /**
     * A queue that takes memory as events come.
     *
     * @param name the part's name.
     */
    public EventQueue(final String name)
    {
        this(name, 0);
    }

    /**
     * A queue with room for some pending events made at once, so that a run that never has more pending allocates
     * nothing while it runs.
     *
     * @param name     the part's name.
     * @param capacity events to make room for now; more may be scheduled, and room is then made as they come.
     */
    public EventQueue(final String name, final long capacity)
    {
        this.name = name;
        chunks.reserve(EventBuckets.chunksFor(capacity));
    }

    /**
     * Adds an event.
     *
     * @param time     when it is due: {@link #now()} or later, finite.
     * @param priority which of the events due at one time come first: lower first, in
     *                 {@code [EventDescriptor.MIN_PRIORITY, EventDescriptor.MAX_PRIORITY]}.
     * @param kind     what it is, in {@code [0, EventDescriptor.MAX_KIND]}.
     * @param agent    the agent it is for, or {@link EventDescriptor#NO_AGENT}.
     * @param data     its argument.
     * @return its sequence.
     * @throws IllegalArgumentException if the time is before now, not finite, or priority or kind are out of range.
     */
    public long schedule(final double time, final int priority, final int kind, final int agent, final long data)
    {
        if (!accepts(time, priority, kind))
        {
            throw invalid(time, priority, kind);
        }
        final double due = time + 0.0;
        final long bits = Double.doubleToRawLongBits(due);
        final long sequence = nextSequence++;
        buckets.append(bucketOf(bits), bits, sequence, EventDescriptor.meta(priority, kind, agent), data);
        size++;
        return sequence;
    }

    /**
     * @return true if {@link #schedule} takes an event of this time (now or later, finite), priority and kind.
     */
    public boolean accepts(final double time, final int priority, final int kind)
    {
        return time + 0.0 >= now && time != Double.POSITIVE_INFINITY &&
            priority >= EventDescriptor.MIN_PRIORITY && priority <= EventDescriptor.MAX_PRIORITY &&
            kind >= 0 && kind <= EventDescriptor.MAX_KIND;
    }

    /**
     * Removes every event at the earliest (time, priority) and moves {@link #now()} to their time.
     *
     * @param due where to put them, in sequence order; emptied first.
     * @return how many were taken; 0 when the queue is empty.
     */
    public int take(final DueEvents due)
    {
        if (size == 0)
        {
            due.start(now, 0);
            return 0;
        }
        if (buckets.isEmpty(0))
        {
            takeFromLowestBucket(due);
        }
        else
        {
            takeFromNow(due);
        }
        size -= due.count();
        return due.count();
    }

    /**
     * @return the time of the earliest pending event, or positive infinity when there is none. Changes nothing
     *         that hashes.
     */
    public double nextTime()
    {
        if (size == 0)
        {
            return Double.POSITIVE_INFINITY;
        }
        return Double.longBitsToDouble(buckets.leastTime(earliestBucket()));
    }

    /**
     * @return the time of the events last taken, 0 before any; nothing may be scheduled earlier.
     */
    public double now()
    {
        return now;
    }

    /**
     * @return events pending.
     */
    public long size()
    {
        return size;
    }

    /**
     * @return true when no event is pending.
     */
    public boolean isEmpty()
    {
        return size == 0;
    }

    /**
     * @return the sequence the next scheduled event will get: events scheduled so far.
     */
    public long nextSequence()
    {
        return nextSequence;
    }

    /** {@inheritDoc} */
    public String name()
    {
        return name;
    }

    /**
     * Folds in now, the next sequence, the number pending, then every pending event's four words in sequence
     * order.
     */
    public void hash(final StateHasher hasher)
    {
        hasher.doubleValue(now).word(nextSequence).word(size);
        inSequence.hash(size, hasher);
    }

    /**
     * Writes now, the next sequence, the number pending, then every pending event as laid out by
     * {@link EventDescriptor}, in sequence order.
     */
    public void write(final PartWriter out)
    {
        out.putDouble(now).putLong(nextSequence).putLong(size);
        inSequence.write(size, out);
    }

    /**
     * {@inheritDoc}
     */
    public void read(final PartReader in)
    {
        buckets.clear();
        size = 0;
        final double savedNow = in.getDouble();
        final long savedNext = in.getLong();
        final long count = in.getLong();
        if (!(savedNow >= 0) || savedNow == Double.POSITIVE_INFINITY)
        {
            throw in.fail("event queue " + name + " saved at time " + savedNow + ", which is not a time");
        }
        if (count < 0 || count * EventDescriptor.LENGTH != in.remaining())
        {
            throw in.fail("event queue " + name + " says it holds " + count + " events, but " + in.remaining() +
                " bytes follow, " + EventDescriptor.LENGTH + " an event");
        }
        now = savedNow + 0.0;
        nowBits = Double.doubleToRawLongBits(now);
        long previous = -1;
        for (long i = 0; i < count; i++)
        {
            final long time = in.getLong();
            final long sequence = in.getLong();
            final long meta = in.getLong();
            final long data = in.getLong();
            if (time < nowBits || time >= INFINITE_BITS || sequence <= previous || sequence >= savedNext)
            {
                buckets.clear();
                throw in.fail("event " + i + " of queue " + name + " (time " + Double.longBitsToDouble(time) +
                    ", sequence " + sequence + ") is before now (" + now + "), not finite, or out of sequence " +
                    "order (previous " + previous + ", next " + savedNext + ")");
            }
            buckets.append(bucketOf(time), time, sequence, meta, data);
            previous = sequence;
        }
        size = count;
        nextSequence = savedNext;
    }

    /**
     * Bucket 0 is empty: moves now to the least time of the lowest non-empty bucket, takes that bucket's events at
     * the least (time, priority), and spreads the others over the buckets below it (those due now into bucket 0),
     * keeping their order.
     */
    private void takeFromLowestBucket(final DueEvents due)
    {
        final int bucket = lowestBucket();
        final int lastChunk = buckets.tail(bucket);
        final int lastFill = buckets.tailFill(bucket);
        final long leastTime = buckets.leastTime(bucket);
        final int leastPriority = buckets.leastPriority(bucket);
        nowBits = leastTime;
        now = Double.longBitsToDouble(leastTime);
        due.start(now, leastPriority);
        int chunk = buckets.head(bucket);
        buckets.detach(bucket);
        while (chunk != NONE)
        {
            final long[] words = chunks.words(chunk);
            final int following = chunks.next(chunk);
            for (int at = 0, end = EventBuckets.fill(chunk, lastChunk, lastFill) * WORDS; at < end; at += WORDS)
            {
                final long time = words[at];
                final long sequence = words[at + EventDescriptor.SEQUENCE_WORD];
                final long meta = words[at + EventDescriptor.META_WORD];
                final long data = words[at + EventDescriptor.DATA_WORD];
                if (time == leastTime && EventDescriptor.priority(meta) == leastPriority)
                {
                    due.add(sequence, meta, data);
                }
                else
                {
                    buckets.append(bucketOf(time), time, sequence, meta, data);
                }
            }
            chunks.release(chunk);
            chunk = following;
        }
    }

    /**
     * Bucket 0 holds every event due now: takes those of the least priority, and keeps the others in bucket 0,
     * in their order.
     */
    private void takeFromNow(final DueEvents due)
    {
        final int lastChunk = buckets.tail(0);
        final int lastFill = buckets.tailFill(0);
        int least = EventDescriptor.MAX_PRIORITY;
        int most = EventDescriptor.MIN_PRIORITY;
        for (int chunk = buckets.head(0); chunk != NONE; chunk = chunks.next(chunk))
        {
            final long[] words = chunks.words(chunk);
            for (int at = EventDescriptor.META_WORD, end = EventBuckets.fill(chunk, lastChunk, lastFill) * WORDS;
                at < end; at += WORDS)
            {
                final int priority = EventDescriptor.priority(words[at]);
                least = Math.min(least, priority);
                most = Math.max(most, priority);
            }
        }
        due.start(now, least);
        int chunk = buckets.head(0);
        buckets.detach(0);
        while (chunk != NONE)
        {
            final long[] words = chunks.words(chunk);
            final int following = chunks.next(chunk);
            for (int at = 0, end = EventBuckets.fill(chunk, lastChunk, lastFill) * WORDS; at < end; at += WORDS)
            {
                final long sequence = words[at + EventDescriptor.SEQUENCE_WORD];
                final long meta = words[at + EventDescriptor.META_WORD];
                final long data = words[at + EventDescriptor.DATA_WORD];
                if (least == most || EventDescriptor.priority(meta) == least)
                {
                    due.add(sequence, meta, data);
                }
                else
                {
                    buckets.append(0, nowBits, sequence, meta, data);
                }
            }
            chunks.release(chunk);
            chunk = following;
        }
    }

    /**
     * @return the bucket holding the earliest (time, priority), whose least it keeps: bucket 0 when events are due
     *         now, else the lowest non-empty one, which {@link #takeFromLowestBucket} will spread.
     */
    private int earliestBucket()
    {
        return buckets.isEmpty(0) ? lowestBucket() : 0;
    }

    private int lowestBucket()
    {
        return buckets.nextNonEmpty(1);
    }

    private int bucketOf(final long timeBits)
    {
        return EventBuckets.bucketOf(timeBits, nowBits);
    }

    private IllegalArgumentException invalid(final double time, final int priority, final int kind)
    {
        return new IllegalArgumentException(accepts(time, EventDescriptor.MIN_PRIORITY, 0) ?
            "an event of priority " + priority + " and kind " + kind + " cannot be scheduled in " + name +
                ": priority is in [" + EventDescriptor.MIN_PRIORITY + ", " + EventDescriptor.MAX_PRIORITY +
                "] and kind in [0, " + EventDescriptor.MAX_KIND + "]" :
            "an event cannot be scheduled at time " + time + " in " + name + ": it is " + now +
                " now, and an event is due now or later, at a finite time");
    }
}
