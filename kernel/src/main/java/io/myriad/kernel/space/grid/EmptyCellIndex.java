package io.myriad.kernel.space.grid;

import java.util.Arrays;

/**
 * Which cells of a {@link SingleOccupancy} are empty, as a bit set with a Fenwick tree of empty cells per 64-cell
 * word, so that the k-th empty cell in cell order is found in {@code O(log(cells / 64))} and marking a cell
 * empty or taken costs the same. The answer to "the k-th empty cell" depends only on which cells are empty, never
 * on the order in which they became so: the index is derived state, rebuilt from the occupants on restore.
 */
final class EmptyCellIndex
{
    private final int cellCount;
    private final int wordCount;
    private final int topStep;
    private final long[] emptyWords;
    private final int[] tree;
    private int emptyCount;

    EmptyCellIndex(final int cellCount)
    {
        this.cellCount = cellCount;
        this.wordCount = (cellCount + 63) >>> 6;
        this.topStep = Integer.highestOneBit(wordCount);
        this.emptyWords = new long[wordCount];
        this.tree = new int[wordCount + 1];
        fillEmpty();
    }

    int emptyCount()
    {
        return emptyCount;
    }

    boolean isEmpty(final int cell)
    {
        return (emptyWords[cell >>> 6] & (1L << cell)) != 0;
    }

    /**
     * Marks every cell empty, in {@code O(cells / 64)}.
     */
    void fillEmpty()
    {
        Arrays.fill(emptyWords, -1L);
        if ((cellCount & 63) != 0)
        {
            emptyWords[wordCount - 1] = (1L << cellCount) - 1;
        }
        build();
    }

    /**
     * Starts a rebuild: every cell taken until {@link #markEmptyForRebuild(int)} and {@link #build()}.
     */
    void clearForRebuild()
    {
        Arrays.fill(emptyWords, 0L);
    }

    void markEmptyForRebuild(final int cell)
    {
        emptyWords[cell >>> 6] |= 1L << cell;
    }

    /**
     * Builds the tree from the bit set, in {@code O(cells / 64)}.
     */
    void build()
    {
        final long[] words = emptyWords;
        final int[] tree = this.tree;
        final int n = wordCount;
        int total = 0;
        for (int i = 1; i <= n; i++)
        {
            final int count = Long.bitCount(words[i - 1]);
            tree[i] = count;
            total += count;
        }
        for (int i = 1; i <= n; i++)
        {
            final int parent = i + (i & -i);
            if (parent <= n)
            {
                tree[parent] += tree[i];
            }
        }
        emptyCount = total;
    }

    void markTaken(final int cell)
    {
        final int word = cell >>> 6;
        emptyWords[word] &= ~(1L << cell);
        add(word, -1);
        emptyCount--;
    }

    void markEmpty(final int cell)
    {
        final int word = cell >>> 6;
        emptyWords[word] |= 1L << cell;
        add(word, 1);
        emptyCount++;
    }

    /**
     * @param rank which empty cell, in {@code [0, emptyCount())}.
     * @return the empty cell with {@code rank} empty cells before it in cell order.
     */
    int select(final int rank)
    {
        final int[] tree = this.tree;
        final int n = wordCount;
        int word = 0;
        int remaining = rank;
        for (int step = topStep; step > 0; step >>>= 1)
        {
            final int next = word + step;
            if (next <= n && tree[next] <= remaining)
            {
                word = next;
                remaining -= tree[next];
            }
        }
        return (word << 6) + selectBit(emptyWords[word], remaining);
    }

    private void add(final int word, final int delta)
    {
        final int[] tree = this.tree;
        final int n = wordCount;
        for (int i = word + 1; i <= n; i += i & -i)
        {
            tree[i] += delta;
        }
    }

    /**
     * @param bits a word with more than {@code rank} bits set.
     * @param rank which set bit, from 0.
     * @return the position of that set bit, by halving the word six times.
     */
    static int selectBit(final long bits, final int rank)
    {
        long word = bits;
        int remaining = rank;
        int position = 0;
        for (int width = 32; width > 0; width >>>= 1)
        {
            final int low = Long.bitCount(word & ((1L << width) - 1));
            if (remaining >= low)
            {
                remaining -= low;
                word >>>= width;
                position += width;
            }
        }
        return position;
    }
}
