package io.myriad.layouts;

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
 * <p>
 * The store is the face of two package-private parts it owns: its {@code Liveness} (which indices live, the free
 * list) and its {@code OffHeapRegions} (the memory). It keeps the parity and joins the two where an operation needs
 * both: a spawn claims an index and zeroes the agent's fields, a grown store takes a copy of each.
 */
public final class AgentStore implements AutoCloseable
{
    private final Schema schema;
    private final Layout layout;
    private final Addressing addressing;
    private final OffHeapRegions memory;
    private final Liveness liveness;
    private int parity;
    private long swapCount;

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
        this.memory = new OffHeapRegions(schema, addressing);
        this.liveness = new Liveness(schema.name(), addressing.capacity());
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
        return liveness.liveCount();
    }

    /**
     * @return one past the highest index ever spawned; sweeps cover {@code [0, highWaterMark)}.
     */
    public int highWaterMark()
    {
        return liveness.highWaterMark();
    }

    /**
     * @return true when every index below the high-water mark is alive, so sweeps need not check.
     */
    public boolean isDense()
    {
        return liveness.isDense();
    }

    /**
     * @param index an agent index.
     * @return true if an agent lives at the index.
     */
    public boolean isAlive(final int index)
    {
        return liveness.isAlive(index);
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
        return liveness.nextAlive(index);
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
        return memory.buffer(addressing.region(slot));
    }

    /**
     * @param region a region of the addressing.
     * @return its buffer.
     */
    public UnsafeBuffer region(final int region)
    {
        return memory.buffer(region);
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
        final int index = liveness.claim();
        memory.clear(index);
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
        liveness.checkRoomFor(count);
        if (liveness.isDense())
        {
            final int first = liveness.claimAtHighWaterMark(count);
            for (int i = first; i < first + count; i++)
            {
                memory.clear(i);
            }
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
        liveness.release(index);
    }

    /**
     * Copies the raw words of the liveness bit set, for checkpoints and hashes.
     *
     * @param dst destination of at least {@code (highWaterMark + 63) / 64} words.
     * @return number of words copied.
     */
    public int copyAliveWords(final long[] dst)
    {
        return liveness.copyAliveWords(dst);
    }

    /**
     * @param wordIndex index of a 64-bit word of the liveness bit set.
     * @return the word: bit {@code i % 64} of word {@code i / 64} is set when agent i is alive.
     */
    public long aliveWord(final int wordIndex)
    {
        return liveness.aliveWord(wordIndex);
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
        if (parity != 0 && parity != 1)
        {
            throw new IllegalArgumentException("parity must be 0 or 1, was " + parity);
        }
        liveness.restore(highWaterMark, alive);
        this.parity = parity;
        this.swapCount = swapCount;
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
        memory.copyTo(grown.memory, liveness.highWaterMark());
        grown.liveness.copyFrom(liveness);
        grown.parity = parity;
        grown.swapCount = swapCount;
        return grown;
    }

    /**
     * Frees the memory. The store must not be used afterwards.
     */
    public void close()
    {
        memory.close();
    }
}
