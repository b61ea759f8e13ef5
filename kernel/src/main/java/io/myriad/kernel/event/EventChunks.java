package io.myriad.kernel.event;

import java.util.Arrays;

/**
 * Where pending events live: chunks of {@link #CHUNK_ENTRIES} events, each its own {@code long[]}, linked into
 * chains and recycled through a free list. A chain is appended to at its tail and consumed whole, so every chunk
 * of a chain but its tail is full; the chain's owner keeps the tail's fill. The pool only grows, a chunk at a
 * time, when more events are pending than ever before; in steady state taking and scheduling events reuses chunks
 * and allocates nothing. Chains are read and appended to sequentially, so a chunk's words stream through the
 * cache.
 */
final class EventChunks
{
    /** Events a chunk holds. */
    static final int CHUNK_ENTRIES = 64;
    /** Words a chunk holds. */
    static final int CHUNK_WORDS = CHUNK_ENTRIES * EventDescriptor.WORDS;
    /** No chunk: the end of a chain, or an empty free list. */
    static final int NONE = -1;

    private long[][] words = new long[16][];
    private int[] next = new int[16];
    private int created;
    private int free = NONE;

    /**
     * @return an empty chunk at the end of no chain, from the free list or newly made.
     */
    int allocate()
    {
        int chunk = free;
        if (chunk != NONE)
        {
            free = next[chunk];
        }
        else
        {
            chunk = create();
        }
        next[chunk] = NONE;
        return chunk;
    }

    /**
     * Returns a chunk to the free list; its words may be overwritten by the next {@link #allocate()}.
     *
     * @param chunk a chunk no chain holds any more.
     */
    void release(final int chunk)
    {
        next[chunk] = free;
        free = chunk;
    }

    long[] words(final int chunk)
    {
        return words[chunk];
    }

    int next(final int chunk)
    {
        return next[chunk];
    }

    void link(final int chunk, final int following)
    {
        next[chunk] = following;
    }

    /**
     * Makes chunks up front, on the free list, until {@code total} have been made.
     *
     * @param total chunks to have made.
     */
    void reserve(final int total)
    {
        while (created < total)
        {
            release(create());
        }
    }

    /**
     * @return chunks made so far: the pool's high-water mark.
     */
    int created()
    {
        return created;
    }

    private int create()
    {
        if (created == words.length)
        {
            final int length = words.length * 2;
            words = Arrays.copyOf(words, length);
            next = Arrays.copyOf(next, length);
        }
        words[created] = new long[CHUNK_WORDS];
        return created++;
    }
}
