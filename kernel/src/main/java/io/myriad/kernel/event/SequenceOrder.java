package io.myriad.kernel.event;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartWriter;

import static io.myriad.kernel.event.EventChunks.NONE;
import static io.myriad.kernel.event.EventDescriptor.WORDS;

/**
 * Visits every pending event in sequence order, whatever bucket it is in, by merging the buckets, each of which
 * keeps its events in sequence order. What the state hash and a checkpoint see therefore depends on the pending
 * events alone, not on how the radix heap happens to hold them. Costs a pass over the events and a binary heap of
 * the non-empty buckets; allocates nothing.
 */
final class SequenceOrder
{
    /**
     * What to do with each pending event.
     */
    interface Visitor
    {
        void visit(long time, long sequence, long meta, long data);
    }

    private final EventBuckets buckets;
    private final int[] cursorChunk = new int[EventBuckets.COUNT];
    private final int[] cursorEntry = new int[EventBuckets.COUNT];
    private final int[] open = new int[EventBuckets.COUNT];
    private final Hashing hashing = new Hashing();
    private final Writing writing = new Writing();

    SequenceOrder(final EventBuckets buckets)
    {
        this.buckets = buckets;
    }

    /**
     * Folds every pending event's four words into a hash, in sequence order.
     */
    void hash(final long count, final StateHasher hasher)
    {
        hashing.hasher = hasher;
        visit(count, hashing);
        hashing.hasher = null;
    }

    /**
     * Writes every pending event's four words, in sequence order.
     */
    void write(final long count, final PartWriter out)
    {
        writing.out = out;
        visit(count, writing);
        writing.out = null;
    }

    void visit(final long count, final Visitor visitor)
    {
        final EventChunks chunks = buckets.chunks();
        int size = 0;
        for (int bucket = buckets.nextNonEmpty(0); bucket < EventBuckets.COUNT;
            bucket = buckets.nextNonEmpty(bucket + 1))
        {
            cursorChunk[bucket] = buckets.head(bucket);
            cursorEntry[bucket] = 0;
            open[size++] = bucket;
        }
        // a binary heap of the open buckets by the sequence at their cursors: log(buckets) an event
        for (int i = size / 2 - 1; i >= 0; i--)
        {
            siftDown(i, size);
        }
        for (long remaining = count; remaining > 0; remaining--)
        {
            final int bucket = open[0];
            final int chunk = cursorChunk[bucket];
            final long[] words = chunks.words(chunk);
            final int at = cursorEntry[bucket] * WORDS;
            visitor.visit(words[at], words[at + EventDescriptor.SEQUENCE_WORD],
                words[at + EventDescriptor.META_WORD], words[at + EventDescriptor.DATA_WORD]);
            if (++cursorEntry[bucket] == EventBuckets.fill(chunk, buckets.tail(bucket), buckets.tailFill(bucket)))
            {
                cursorChunk[bucket] = chunks.next(chunk);
                cursorEntry[bucket] = 0;
                if (cursorChunk[bucket] == NONE)
                {
                    open[0] = open[--size];
                }
            }
            if (size > 1)
            {
                siftDown(0, size);
            }
        }
    }

    private long sequenceAt(final int bucket)
    {
        return buckets.chunks().words(cursorChunk[bucket])[cursorEntry[bucket] * WORDS + EventDescriptor.SEQUENCE_WORD];
    }

    private void siftDown(final int from, final int size)
    {
        int hole = from;
        final int bucket = open[hole];
        final long key = sequenceAt(bucket);
        while (true)
        {
            int child = 2 * hole + 1;
            if (child >= size)
            {
                break;
            }
            long childKey = sequenceAt(open[child]);
            if (child + 1 < size)
            {
                final long right = sequenceAt(open[child + 1]);
                if (right < childKey)
                {
                    child++;
                    childKey = right;
                }
            }
            if (key <= childKey)
            {
                break;
            }
            open[hole] = open[child];
            hole = child;
        }
        open[hole] = bucket;
    }

    private static final class Hashing implements Visitor
    {
        private StateHasher hasher;

        public void visit(final long time, final long sequence, final long meta, final long data)
        {
            hasher.word(time).word(sequence).word(meta).word(data);
        }
    }

    private static final class Writing implements Visitor
    {
        private PartWriter out;

        public void visit(final long time, final long sequence, final long meta, final long data)
        {
            out.putLong(time).putLong(sequence).putLong(meta).putLong(data);
        }
    }
}
