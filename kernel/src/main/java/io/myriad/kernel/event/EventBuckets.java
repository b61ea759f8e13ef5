package io.myriad.kernel.event;

import static io.myriad.kernel.event.EventChunks.CHUNK_ENTRIES;
import static io.myriad.kernel.event.EventChunks.NONE;
import static io.myriad.kernel.event.EventDescriptor.WORDS;

/**
 * The buckets of the {@link EventQueue}'s radix heap, each a chain of {@link EventChunks} appended to at its tail
 * and consumed whole, with a bit set of the non-empty ones. Bucket 0 holds the events due now; bucket
 * {@code 1 + 256 p + d} those whose time first differs from now in byte {@code p} (from the least significant),
 * where it is {@code d}: 2,049 buckets. Bytes rather than bits or nibbles: fewer moves an event, which is what the
 * queue's time goes to (a byte, with chunks of 64 events, measured 17 % faster than a nibble with chunks of 256 in
 * {@code EventQueueBenchmark}). Bucket order is time order: every time in a bucket is below every time in a higher
 * one. Each bucket keeps its least (time, priority) as events are appended, so the queue's earliest event is known
 * without a scan. Knows nothing else of time: the queue decides which bucket an event goes to.
 */
final class EventBuckets
{
    /** Bits in a digit. */
    static final int DIGIT_BITS = 8;
    /** Values a digit takes. */
    static final int DIGIT_VALUES = 1 << DIGIT_BITS;
    /** Bucket 0, and one for each digit position and value. */
    static final int COUNT = 1 + ((Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS) * DIGIT_VALUES;
    private static final int MASK_WORDS = (COUNT + Long.SIZE - 1) / Long.SIZE;

    private final EventChunks chunks = new EventChunks();
    private final int[] head = new int[COUNT];
    private final int[] tail = new int[COUNT];
    private final long[][] tailWords = new long[COUNT][];
    private final int[] tailFill = new int[COUNT];
    private final long[] leastTime = new long[COUNT];
    private final int[] leastPriority = new int[COUNT];
    private final long[] nonEmpty = new long[MASK_WORDS];
    /** Bit w is set when word w of {@link #nonEmpty} has a bit set: the lowest non-empty bucket in two steps. */
    private long nonEmptyWords;

    EventBuckets()
    {
        for (int bucket = 0; bucket < COUNT; bucket++)
        {
            detach(bucket);
        }
    }

    /**
     * @param events events pending at most.
     * @return chunks they can take at most: every chunk of a chain but its tail is full, and moving a bucket holds
     *         one chunk more, the one being read.
     */
    static int chunksFor(final long events)
    {
        final long full = (events + EventChunks.CHUNK_ENTRIES - 1) / EventChunks.CHUNK_ENTRIES;
        return events <= 0 ? 0 : Math.toIntExact(full + COUNT + 1);
    }

    /**
     * @param timeBits an event's time, as raw bits, at {@code nowBits} or later.
     * @param nowBits  now, as raw bits.
     * @return the bucket it goes to.
     */
    static int bucketOf(final long timeBits, final long nowBits)
    {
        final long differ = timeBits ^ nowBits;
        if (differ == 0)
        {
            return 0;
        }
        final int position = (Long.SIZE - 1 - Long.numberOfLeadingZeros(differ)) / DIGIT_BITS;
        return 1 + position * DIGIT_VALUES + ((int)(timeBits >>> (position * DIGIT_BITS)) & (DIGIT_VALUES - 1));
    }

    boolean isEmpty(final int bucket)
    {
        return (nonEmpty[bucket >>> 6] & 1L << bucket) == 0;
    }

    /**
     * @param from a bucket.
     * @return the lowest non-empty bucket at {@code from} or above, or {@link #COUNT} if none is.
     */
    int nextNonEmpty(final int from)
    {
        int word = from >>> 6;
        if (word >= MASK_WORDS)
        {
            return COUNT;
        }
        long bits = nonEmpty[word] & -1L << from;
        if (bits == 0)
        {
            final long words = word + 1 < Long.SIZE ? nonEmptyWords & -1L << (word + 1) : 0;
            if (words == 0)
            {
                return COUNT;
            }
            word = Long.numberOfTrailingZeros(words);
            bits = nonEmpty[word];
        }
        return word * Long.SIZE + Long.numberOfTrailingZeros(bits);
    }

    int head(final int bucket)
    {
        return head[bucket];
    }

    int tail(final int bucket)
    {
        return tail[bucket];
    }

    int tailFill(final int bucket)
    {
        return tailFill[bucket];
    }

    /**
     * @param bucket a non-empty bucket.
     * @return the least time in it, as raw bits: kept as events are appended, so no scan finds it.
     */
    long leastTime(final int bucket)
    {
        return leastTime[bucket];
    }

    /**
     * @param bucket a non-empty bucket.
     * @return the least priority among its events at {@link #leastTime(int)}.
     */
    int leastPriority(final int bucket)
    {
        return leastPriority[bucket];
    }

    EventChunks chunks()
    {
        return chunks;
    }

    /**
     * @param chunk     a chunk of a chain.
     * @param lastChunk the chain's tail.
     * @param lastFill  events in the tail.
     * @return events in the chunk: all it holds, unless it is the tail.
     */
    static int fill(final int chunk, final int lastChunk, final int lastFill)
    {
        return chunk == lastChunk ? lastFill : CHUNK_ENTRIES;
    }

    /**
     * Appends an event to a bucket's chain.
     */
    void append(final int bucket, final long time, final long sequence, final long meta, final long data)
    {
        long[] words = tailWords[bucket];
        int fill = tailFill[bucket];
        if (words == null || fill == CHUNK_ENTRIES)
        {
            final int chunk = chunks.allocate();
            if (words == null)
            {
                head[bucket] = chunk;
                nonEmpty[bucket >>> 6] |= 1L << bucket;
                nonEmptyWords |= 1L << (bucket >>> 6);
                leastTime[bucket] = Long.MAX_VALUE;
            }
            else
            {
                chunks.link(tail[bucket], chunk);
            }
            tail[bucket] = chunk;
            words = chunks.words(chunk);
            tailWords[bucket] = words;
            fill = 0;
        }
        final int at = fill * WORDS;
        words[at] = time;
        words[at + EventDescriptor.SEQUENCE_WORD] = sequence;
        words[at + EventDescriptor.META_WORD] = meta;
        words[at + EventDescriptor.DATA_WORD] = data;
        tailFill[bucket] = fill + 1;
        if (time <= leastTime[bucket])
        {
            final int priority = EventDescriptor.priority(meta);
            if (time < leastTime[bucket] || priority < leastPriority[bucket])
            {
                leastTime[bucket] = time;
                leastPriority[bucket] = priority;
            }
        }
    }

    /**
     * Empties a bucket without releasing its chain: the caller has read its head, tail and fill, walks the chain
     * and releases each chunk once it has read it.
     */
    void detach(final int bucket)
    {
        head[bucket] = NONE;
        tail[bucket] = NONE;
        tailWords[bucket] = null;
        tailFill[bucket] = 0;
        final int word = bucket >>> 6;
        nonEmpty[word] &= ~(1L << bucket);
        if (nonEmpty[word] == 0)
        {
            nonEmptyWords &= ~(1L << word);
        }
    }

    /**
     * Empties every bucket and releases every chunk.
     */
    void clear()
    {
        for (int bucket = 0; bucket < COUNT; bucket++)
        {
            int chunk = head[bucket];
            while (chunk != NONE)
            {
                final int following = chunks.next(chunk);
                chunks.release(chunk);
                chunk = following;
            }
            detach(bucket);
        }
    }
}
