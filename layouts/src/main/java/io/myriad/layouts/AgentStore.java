package io.myriad.layouts;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Off-heap storage for up to {@code capacity} agents of one {@link Schema}, placed by a {@link Layout}.
 * <p>
 * Agents are identified by their index. {@link #spawn()} always takes the lowest free index, so the sequence
 * of indices depends only on the sequence of spawns and despawns: the free list is deterministic. Indices in
 * {@code [0, highWaterMark)} may hold dead agents; sweeps either check {@link #isAlive(int)} or, when
 * {@link #isDense()}, skip the check.
 * <p>
 * Double-buffered fields have two slots; {@link #parity()} says which is current and {@link #swap()} flips it
 * at the end of a tick. Within a tick, an update that writes a double-buffered field must write its next value
 * for every live agent, since after the swap the other copy is what everybody reads.
 * <p>
 * Not thread safe for structural changes (spawn, despawn, swap), which the kernel makes on one thread between
 * the parallel stages; values may be read and written by many threads on disjoint agents.
 */
public final class AgentStore implements AutoCloseable
{
    private final Schema schema;
    private final Layout layout;
    private final Addressing addressing;
    private final ByteBuffer[] allocations;
    private final UnsafeBuffer[] regions;
    private final long[] aliveWords;
    private int parity;
    private int highWaterMark;
    private int liveCount;
    private int lowestFreeHint;
    private long swapCount;
    private boolean closed;

    /**
     * Allocates zeroed, cache-line-aligned memory for the agents.
     *
     * @param schema   the agent type.
     * @param layout   where each field of each agent lives.
     * @param capacity the most agents the store holds at once; at least 1, at most
     *                 {@link Layout#maxCapacity(Schema)}.
     * @throws IllegalArgumentException if the capacity is out of range, naming the largest that fits.
     * @throws IllegalStateException    if the JVM lacks the module flag off-heap memory needs, naming it.
     */
    public AgentStore(final Schema schema, final Layout layout, final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        final String tooLarge = Layout.capacityProblem(layout, schema, capacity);
        if (tooLarge != null)
        {
            throw new IllegalArgumentException("agent store " + schema.name() + ": " + tooLarge);
        }
        ModuleAccess.require("an agent store", ModuleAccess.Need.OFF_HEAP);
        this.schema = schema;
        this.layout = layout;
        this.addressing = layout.plan(schema, capacity);
        final int regionCount = addressing.regionCount();
        this.allocations = new ByteBuffer[regionCount];
        this.regions = new UnsafeBuffer[regionCount];
        for (int r = 0; r < regionCount; r++)
        {
            // Over-allocate and wrap the aligned part ourselves: the slice that BufferUtil.allocateDirectAligned
            // returns cannot be freed explicitly (invokeCleaner rejects slices), the whole allocation can.
            final int bytes = addressing.regionBytes(r);
            final ByteBuffer allocation = ByteBuffer.allocateDirect(bytes + Addressing.REGION_ALIGNMENT);
            final int misalignment = (int)(BufferUtil.address(allocation) & (Addressing.REGION_ALIGNMENT - 1));
            final int alignedOffset = misalignment == 0 ? 0 : Addressing.REGION_ALIGNMENT - misalignment;
            allocations[r] = allocation;
            regions[r] = new UnsafeBuffer(allocation, alignedOffset, bytes);
        }
        this.aliveWords = new long[(capacity + 63) >>> 6];
    }

    /**
     * @return the agent type.
     */
    public Schema schema()
    {
        return schema;
    }

    /**
     * @return the layout the store was planned with.
     */
    public Layout layout()
    {
        return layout;
    }

    /**
     * @return where each slot of each agent lives.
     */
    public Addressing addressing()
    {
        return addressing;
    }

    /**
     * @return the most agents the store holds at once.
     */
    public int capacity()
    {
        return addressing.capacity();
    }

    /**
     * @return number of live agents.
     */
    public int liveCount()
    {
        return liveCount;
    }

    /**
     * @return one past the highest index ever spawned; sweeps cover {@code [0, highWaterMark)}.
     */
    public int highWaterMark()
    {
        return highWaterMark;
    }

    /**
     * @return true when every index below the high-water mark is alive, so sweeps need not check.
     */
    public boolean isDense()
    {
        return liveCount == highWaterMark;
    }

    /**
     * @param index an agent index.
     * @return true if an agent lives at the index.
     */
    public boolean isAlive(final int index)
    {
        return index >= 0 && index < highWaterMark && (aliveWords[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * The next live agent from an index on, for sweeps that skip the dead without a test per index:
     * {@code for (int i = store.nextAlive(from); i < to; i = store.nextAlive(i + 1))}. Reads the liveness bit set a
     * word (64 indices) at a time.
     *
     * @param index an agent index, 0 or more.
     * @return the lowest live index at or above it, or the high-water mark if there is none.
     */
    public int nextAlive(final int index)
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
     * @return 0 or 1: which copy of each double-buffered field is current.
     */
    public int parity()
    {
        return parity;
    }

    /**
     * @return how many times {@link #swap()} has run; accessors wrapped before a swap must be wrapped again.
     */
    public long swapCount()
    {
        return swapCount;
    }

    /**
     * @param fieldIndex a field of the schema.
     * @return the slot holding its current value.
     */
    public int currentSlot(final int fieldIndex)
    {
        return schema.currentSlot(fieldIndex, parity);
    }

    /**
     * @param fieldIndex a field of the schema.
     * @return the slot receiving its next value; the current slot for fields that are not double buffered.
     */
    public int nextSlot(final int fieldIndex)
    {
        return schema.nextSlot(fieldIndex, parity);
    }

    /**
     * @param slot a slot of the schema.
     * @return the buffer of the region holding the slot.
     */
    public UnsafeBuffer buffer(final int slot)
    {
        return regions[addressing.region(slot)];
    }

    /**
     * @param region a region of the addressing.
     * @return its buffer.
     */
    public UnsafeBuffer region(final int region)
    {
        return regions[region];
    }

    /**
     * @param slot  a slot of the schema.
     * @param index an agent index.
     * @return offset of the agent's value within {@link #buffer(int)}.
     */
    public int offset(final int slot, final int index)
    {
        return addressing.offset(slot, index);
    }

    /**
     * Makes the next values of double-buffered fields current. Called once per tick, between the parallel
     * stages, on the thread that owns the store.
     */
    public void swap()
    {
        parity ^= 1;
        swapCount++;
    }

    /**
     * Spawns an agent at the lowest free index, with every field zero in both copies.
     *
     * @return the agent's index.
     * @throws IllegalStateException if the store is full.
     */
    public int spawn()
    {
        final int index;
        if (liveCount == highWaterMark)
        {
            if (highWaterMark == capacity())
            {
                throw new IllegalStateException(
                    "agent store " + schema.name() + " is full: capacity " + capacity() + " agents");
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
        clear(index);
        return index;
    }

    /**
     * Spawns {@code count} agents, as {@code count} calls to {@link #spawn()} would.
     *
     * @param count number of agents to spawn.
     * @return index of the first spawned agent when the store was dense (they are then consecutive), else -1.
     */
    public int spawn(final int count)
    {
        if (count < 0 || count > capacity() - liveCount)
        {
            throw new IllegalArgumentException(
                "cannot spawn " + count + " agents into " + schema.name() + ": " + liveCount + " of " +
                capacity() + " in use");
        }
        if (isDense())
        {
            final int first = highWaterMark;
            for (int i = first; i < first + count; i++)
            {
                aliveWords[i >>> 6] |= 1L << i;
                clear(i);
            }
            highWaterMark += count;
            liveCount += count;
            lowestFreeHint = highWaterMark;
            return count == 0 ? -1 : first;
        }
        for (int i = 0; i < count; i++)
        {
            spawn();
        }
        return -1;
    }

    /**
     * Despawns the agent at the index; the index becomes free for the next spawn.
     *
     * @param index a live agent's index.
     * @throws IllegalArgumentException if no agent lives there.
     */
    public void despawn(final int index)
    {
        if (!isAlive(index))
        {
            throw new IllegalArgumentException("no live agent at index " + index + " in " + schema.name());
        }
        aliveWords[index >>> 6] &= ~(1L << index);
        liveCount--;
        if (index < lowestFreeHint)
        {
            lowestFreeHint = index;
        }
    }

    /**
     * Copies the raw words of the liveness bit set, for checkpoints and hashes.
     *
     * @param dst destination of at least {@code (highWaterMark + 63) / 64} words.
     * @return number of words copied.
     */
    public int copyAliveWords(final long[] dst)
    {
        final int words = (highWaterMark + 63) >>> 6;
        System.arraycopy(aliveWords, 0, dst, 0, words);
        return words;
    }

    /**
     * @param wordIndex index of a 64-bit word of the liveness bit set.
     * @return the word: bit {@code i % 64} of word {@code i / 64} is set when agent i is alive.
     */
    public long aliveWord(final int wordIndex)
    {
        return aliveWords[wordIndex];
    }

    /**
     * Sets the store's bookkeeping to a saved one, as a checkpoint restores it: which agents live, how far indices
     * have been used, and which copy of each double-buffered field is current. The caller writes the fields'
     * bytes into {@link #region(int)} itself. The free list follows from the live set: the next spawn takes the
     * lowest free index, as it would have in the saved run.
     *
     * @param highWaterMark one past the highest index ever used.
     * @param parity        which copy of double-buffered fields is current, 0 or 1.
     * @param swapCount     swaps done so far.
     * @param alive         the liveness bit set's words, at least {@code (highWaterMark + 63) / 64} of them.
     * @throws IllegalArgumentException if the saved state cannot belong to this store.
     */
    public void restore(final int highWaterMark, final int parity, final long swapCount, final long[] alive)
    {
        if (highWaterMark < 0 || highWaterMark > capacity())
        {
            throw new IllegalArgumentException(
                "high-water mark " + highWaterMark + " is outside the capacity " + capacity() + " of " + schema.name());
        }
        if (parity != 0 && parity != 1)
        {
            throw new IllegalArgumentException("parity must be 0 or 1, was " + parity);
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
        this.parity = parity;
        this.swapCount = swapCount;
        this.lowestFreeHint = 0;
    }

    /**
     * A copy of this store in a larger one of the same schema and layout: every slot of every index below the
     * high-water mark, the liveness bits, the parity and the swap count, so every agent keeps its index and the
     * next spawn takes the index it would have taken here. This store is left as it was; the caller closes it.
     *
     * @param newCapacity the new store's capacity, at least this one's.
     * @return the new store.
     */
    public AgentStore grownTo(final int newCapacity)
    {
        if (newCapacity < capacity())
        {
            throw new IllegalArgumentException("cannot shrink " + schema.name() + " from " + capacity() + " to " +
                newCapacity);
        }
        final AgentStore grown = new AgentStore(schema, layout, newCapacity);
        final Addressing to = grown.addressing;
        for (int slot = 0, slots = schema.slotCount(); slot < slots; slot++)
        {
            final int size = schema.slotField(slot).type().size();
            final UnsafeBuffer source = regions[addressing.region(slot)];
            final UnsafeBuffer target = grown.regions[to.region(slot)];
            for (int i = 0; i < highWaterMark; i++)
            {
                target.putBytes(to.offset(slot, i), source, addressing.offset(slot, i), size);
            }
        }
        grown.restore(highWaterMark, parity, swapCount, aliveWords);
        return grown;
    }

    /**
     * Frees the memory. The store must not be used afterwards.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            for (int r = 0; r < allocations.length; r++)
            {
                regions[r].wrap(0L, 0);
                BufferUtil.free(allocations[r]);
                allocations[r] = null;
            }
        }
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
            throw new IllegalStateException("free list out of step with live count in " + schema.name());
        }
        return index;
    }

    private void clear(final int index)
    {
        for (int slot = 0, slots = schema.slotCount(); slot < slots; slot++)
        {
            final int size = schema.slotField(slot).type().size();
            regions[addressing.region(slot)].setMemory(addressing.offset(slot, index), size, (byte)0);
        }
    }
}
