package io.myriad.kernel.space.grid;

import java.util.Arrays;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Any number of agents of one type per cell of a {@link Grid2D}: wolves and sheep, infected and susceptible. An
 * index of agents by cell in compressed sparse rows, rebuilt each step from the agents' own cell column by a
 * stable counting sort, so within a cell agents are in index order and the index depends only on the cells.
 * <p>
 * Where an agent is lives in its column, which the agent store hashes and checkpoints; the index is derived from
 * it afresh every step and holds nothing lasting. So the grid hashes and checkpoints only the occupancy's name and
 * capacity, to refuse a restore into a grid declared otherwise, and a restored run rebuilds the index before it
 * reads it, as every step does. Declare it with {@link Grid2D#multipleOccupancy(String, int)}.
 * <p>
 * Either give each agent its cell with {@link #assign(int, int)} (many threads, disjoint agents) and then
 * {@link #rebuild(int)}, or {@link #rebuild(AgentStore, int)} straight from an int field of a store. A rebuild is
 * serial and touches every (live) agent twice and every cell twice; queries ({@link #start(int)}, {@link #end(int)},
 * {@link #agentAt(int)}) then run on any thread until the next rebuild.
 */
public final class MultipleOccupancy
{
    private final String name;
    private final Grid2D grid;
    private final int capacity;
    private final int[] cells;
    private final int[] listed;
    private final int[] agents;
    private final int[] cellStart;
    private int size;

    MultipleOccupancy(final String name, final Grid2D grid, final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("occupancy " + name + " needs a capacity of at least 1: " + capacity);
        }
        this.name = name;
        this.grid = grid;
        this.capacity = capacity;
        this.cells = new int[capacity];
        this.listed = new int[capacity];
        this.agents = new int[capacity];
        this.cellStart = new int[grid.cellCount() + 1];
        Arrays.fill(cells, -1);
    }

    /**
     * @return the occupancy's name, unique in its grid.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the grid it covers.
     */
    public Grid2D grid()
    {
        return grid;
    }

    /**
     * @return the most agents it indexes: agent indices are below it.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Sets an agent's cell for the next {@link #rebuild(int)}.
     *
     * @param agent an agent index below the capacity.
     * @param cell  its cell, or a negative value to leave it out (not on the grid, or not alive).
     */
    public void assign(final int agent, final int cell)
    {
        cells[agent] = cell;
    }

    /**
     * Indexes agents {@code [0, agentCount)} by the cells last {@link #assign(int, int) assigned} to them.
     *
     * @param agentCount agents to consider, at most the capacity.
     */
    public void rebuild(final int agentCount)
    {
        if (agentCount < 0 || agentCount > capacity)
        {
            throw new IllegalArgumentException(
                "cannot index " + agentCount + " agents in " + name + " of capacity " + capacity);
        }
        sort(agentCount, null);
    }

    /**
     * Indexes the live agents of a store by the current value of an int field holding each agent's cell (a
     * negative value leaves the agent out). Only live agents are read, found a word of the store's liveness bit set
     * at a time; cells given with {@link #assign(int, int)} are forgotten.
     *
     * @param store      the agents, between steps or in the apply stage.
     * @param fieldIndex an {@link FieldType#INT} field of the store's schema.
     */
    public void rebuild(final AgentStore store, final int fieldIndex)
    {
        final FieldType type = store.schema().field(fieldIndex).type();
        if (type != FieldType.INT)
        {
            throw new IllegalArgumentException("occupancy " + name + " reads cells from an INT field, and field " +
                store.schema().field(fieldIndex).name() + " of " + store.schema().name() + " is " + type);
        }
        final int agentCount = store.highWaterMark();
        if (agentCount > capacity)
        {
            throw new IllegalArgumentException("occupancy " + name + " of capacity " + capacity + " cannot index the " +
                agentCount + " agent indices in use in " + store.schema().name());
        }
        final int slot = store.currentSlot(fieldIndex);
        final UnsafeBuffer buffer = store.buffer(slot);
        final int[] cells = this.cells;
        final int[] listed = this.listed;
        int count = 0;
        for (int i = store.nextAlive(0); i < agentCount; i = store.nextAlive(i + 1))
        {
            listed[count] = i;
            cells[count++] = buffer.getInt(store.offset(slot, i));
        }
        sort(count, listed);
    }

    /**
     * @return agents indexed by the last rebuild.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param cell a cell of the grid.
     * @return agents in it.
     */
    public int count(final int cell)
    {
        return cellStart[cell + 1] - cellStart[cell];
    }

    /**
     * @param cell a cell of the grid.
     * @return the rank of its first agent.
     */
    public int start(final int cell)
    {
        return cellStart[cell];
    }

    /**
     * @param cell a cell of the grid.
     * @return one past the rank of its last agent.
     */
    public int end(final int cell)
    {
        return cellStart[cell + 1];
    }

    /**
     * @param rank a rank in {@code [start(cell), end(cell))}; ranks run through the cells in cell order.
     * @return the agent at that rank.
     */
    public int agentAt(final int rank)
    {
        return agents[rank];
    }

    void hash(final StateHasher hasher)
    {
        hasher.text(name).word(capacity);
    }

    void writeConfiguration(final PartWriter out)
    {
        out.putString(name).putInt(capacity);
    }

    void readConfiguration(final PartReader in, final int index)
    {
        final String savedName = in.getString();
        if (!savedName.equals(name))
        {
            throw in.fail("multiple occupancy " + index + " named \"" + savedName + "\", this run's is named \"" +
                name + "\"");
        }
        in.expectInt("capacity of occupancy " + name, capacity);
    }

    /**
     * A stable counting sort of {@code cells[0, count)} into compressed rows: count each cell's agents, turn the
     * counts into each cell's end by a running sum, then place the agents from the last to the first, each just
     * before its cell's end, which leaves every cell's end at its start and its agents in index order.
     *
     * @param count how many cells to sort.
     * @param ids   the agent of each, or null when it is the position itself.
     */
    private void sort(final int count, final int[] ids)
    {
        final int[] cells = this.cells;
        final int[] agents = this.agents;
        final int[] cellStart = this.cellStart;
        final int cellCount = cellStart.length - 1;
        Arrays.fill(cellStart, 0);
        int placed = 0;
        for (int k = 0; k < count; k++)
        {
            final int cell = cells[k];
            if (cell >= 0)
            {
                if (cell >= cellCount)
                {
                    size = 0;
                    Arrays.fill(cellStart, 0);
                    throw new IllegalStateException("agent " + (ids == null ? k : ids[k]) + " of " + name +
                        " is in cell " + cell + ", outside the grid's " + cellCount + " cells");
                }
                cellStart[cell]++;
                placed++;
            }
        }
        int end = 0;
        for (int c = 0; c < cellCount; c++)
        {
            end += cellStart[c];
            cellStart[c] = end;
        }
        cellStart[cellCount] = end;
        for (int k = count - 1; k >= 0; k--)
        {
            final int cell = cells[k];
            if (cell >= 0)
            {
                agents[--cellStart[cell]] = ids == null ? k : ids[k];
            }
        }
        size = placed;
    }
}
