package io.myriad.layouts;

import java.util.Arrays;

/**
 * Which indices of an {@link AgentStore} hold live agents, and so which index the next spawn takes: a bit set of
 * live indices, the high-water mark (one past the highest index ever used), the live count, and a hint below which
 * no index is free.
 * <p>
 * A claim always takes the lowest free index, so the sequence of indices depends only on the sequence of claims
 * and releases: the free list is deterministic, and follows from the live set alone (a restored store claims what
 * the saved one would have). Bits at or above the high-water mark are always clear.
 * <p>
 * Knows nothing of memory: the store zeroes an agent's fields when it claims its index. Not thread safe; the
 * store's owner makes every change on one thread.
 */
final class Liveness
{
    private final String storeName;
    private final int capacity;
    private final long[] aliveWords;
    private int highWaterMark;
    private int liveCount;
    private int lowestFreeHint;

    /**
     * @param storeName the agent type's name, for error messages.
     * @param capacity  the most agents the store holds at once.
     */
    Liveness(final String storeName, final int capacity)
    {
        this.storeName = storeName;
        this.capacity = capacity;
        this.aliveWords = new long[(capacity + 63) >>> 6];
    }

    /**
     * @return number of live agents.
     */
    int liveCount()
    {
        return liveCount;
    }

    /**
     * @return one past the highest index ever claimed.
     */
    int highWaterMark()
    {
        return highWaterMark;
    }

    /**
     * @return true when every index below the high-water mark is alive.
     */
    boolean isDense()
    {
        return liveCount == highWaterMark;
    }

    /**
     * @param index an agent index.
     * @return true if an agent lives at the index.
     */
    boolean isAlive(final int index)
    {
        return index >= 0 && index < highWaterMark && (aliveWords[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * @param index an agent index, 0 or more.
     * @return the lowest live index at or above it, or the high-water mark if there is none.
     */
    int nextAlive(final int index)
    {
        if (index >= highWaterMark)
        {
            return highWaterMark;
        }
        final long[] words = aliveWords;
        final int lastWord = (highWaterMark - 1) >>> 6;
        int w = index >>> 6;
        long word = words[w] & (-1L << index);
        while (word == 0)
        {
            if (++w > lastWord)
            {
                return highWaterMark;
            }
            word = words[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(word);
    }

    /**
     * Marks the lowest free index alive.
     *
     * @return the index.
     * @throws IllegalStateException if every index is in use.
     */
    int claim()
    {
        final int index;
        if (liveCount == highWaterMark)
        {
            if (highWaterMark == capacity)
            {
                throw new IllegalStateException(
                    "agent store " + storeName + " is full: capacity " + capacity + " agents");
            }
            index = highWaterMark++;
        }
        else
        {
            index = lowestFree(lowestFreeHint);
        }
        aliveWords[index >>> 6] |= 1L << index;
        liveCount++;
        lowestFreeHint = index + 1;
        return index;
    }

    /**
     * Marks {@code count} indices from the high-water mark on alive, as {@code count} calls to {@link #claim()}
     * would when the set is dense.
     *
     * @param count number of indices, no more than are free.
     * @return the first of them.
     */
    int claimAtHighWaterMark(final int count)
    {
        final int first = highWaterMark;
        for (int i = first; i < first + count; i++)
        {
            aliveWords[i >>> 6] |= 1L << i;
        }
        highWaterMark += count;
        liveCount += count;
        lowestFreeHint = highWaterMark;
        return first;
    }

    /**
     * @param count number of agents about to be spawned.
     * @throws IllegalArgumentException if the count is negative or more than the free indices.
     */
    void checkRoomFor(final int count)
    {
        if (count < 0 || count > capacity - liveCount)
        {
            throw new IllegalArgumentException(
                "cannot spawn " + count + " agents into " + storeName + ": " + liveCount + " of " +
                capacity + " in use");
        }
    }

    /**
     * Marks a live index free; the next claim takes it if it is the lowest free one.
     *
     * @param index a live agent's index.
     * @throws IllegalArgumentException if no agent lives there.
     */
    void release(final int index)
    {
        if (!isAlive(index))
        {
            throw new IllegalArgumentException("no live agent at index " + index + " in " + storeName);
        }
        aliveWords[index >>> 6] &= ~(1L << index);
        liveCount--;
        if (index < lowestFreeHint)
        {
            lowestFreeHint = index;
        }
    }

    /**
     * @param dst destination of at least {@code (highWaterMark + 63) / 64} words.
     * @return number of words copied.
     */
    int copyAliveWords(final long[] dst)
    {
        final int words = (highWaterMark + 63) >>> 6;
        System.arraycopy(aliveWords, 0, dst, 0, words);
        return words;
    }

    /**
     * @param wordIndex index of a 64-bit word of the bit set.
     * @return the word: bit {@code i % 64} of word {@code i / 64} is set when agent i is alive.
     */
    long aliveWord(final int wordIndex)
    {
        return aliveWords[wordIndex];
    }

    /**
     * Sets the live set to a saved one, after checking that it fits; changes nothing if it does not.
     *
     * @param highWaterMark one past the highest index ever used.
     * @param alive         the bit set's words, at least {@code (highWaterMark + 63) / 64} of them.
     * @throws IllegalArgumentException if the saved set cannot belong to this store.
     */
    void restore(final int highWaterMark, final long[] alive)
    {
        if (highWaterMark < 0 || highWaterMark > capacity)
        {
            throw new IllegalArgumentException(
                "high-water mark " + highWaterMark + " is outside the capacity " + capacity + " of " + storeName);
        }
        final int words = (highWaterMark + 63) >>> 6;
        if (alive.length < words)
        {
            throw new IllegalArgumentException(
                "liveness bits for " + highWaterMark + " agents need " + words + " words, given " + alive.length);
        }
        int live = 0;
        for (int w = 0; w < words; w++)
        {
            long word = alive[w];
            if (w == words - 1 && (highWaterMark & 63) != 0)
            {
                if ((word & (-1L << highWaterMark)) != 0)
                {
                    throw new IllegalArgumentException("an agent is alive at or above the high-water mark " +
                        highWaterMark);
                }
                word &= ~(-1L << highWaterMark);
            }
            live += Long.bitCount(word);
        }
        Arrays.fill(aliveWords, 0L);
        System.arraycopy(alive, 0, aliveWords, 0, words);
        this.highWaterMark = highWaterMark;
        this.liveCount = live;
        this.lowestFreeHint = 0;
    }

    /**
     * Takes on another store's live set, for a store grown from it.
     *
     * @param source the live set of a store of this capacity or less.
     */
    void copyFrom(final Liveness source)
    {
        restore(source.highWaterMark, source.aliveWords);
    }

    private int lowestFree(final int from)
    {
        int word = from >>> 6;
        long bits = ~aliveWords[word] & (-1L << from);
        while (bits == 0)
        {
            bits = ~aliveWords[++word];
        }
        final int index = (word << 6) + Long.numberOfTrailingZeros(bits);
        if (index >= highWaterMark)
        {
            throw new IllegalStateException("free list out of step with live count in " + storeName);
        }
        return index;
    }
}
