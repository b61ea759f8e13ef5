package io.myriad.kernel.space.grid;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * At most one agent of one type per cell of a {@link Grid2D}: Schelling's households, a sugarscape's agents. The
 * occupant of each cell (an agent index, or {@link #EMPTY}) is lasting state, kept in an off-heap int column and
 * hashed and checkpointed with the grid; declare it with {@link Grid2D#singleOccupancy(String)}.
 * <p>
 * Changes are serial: the apply stage resolves claims in batch order, so the first {@link #tryPlace(int, int)} or
 * {@link #move(int, int)} to a cell wins and the rest get {@code false}. Reads may run on many threads while
 * nothing changes.
 * <p>
 * Beside the occupants, an index of empty cells (a bit set and a Fenwick tree of counts per 64 cells) answers
 * {@link #emptyCell(int)}, the k-th empty cell in cell order, and so {@link #randomEmptyCell(long)}, in
 * {@code O(log(cells / 64))}, uniformly and with no retries however full the grid; each change pays the same
 * {@code O(log(cells / 64))} to keep it. The index depends only on which cells are empty, so it is rebuilt from
 * the occupants on restore and never saved. The occupancy does not know where a given agent is: agents keep
 * their cell in their own column.
 */
public final class SingleOccupancy
{
    /** The occupant of an empty cell, and the answer when no cell fits. */
    public static final int EMPTY = -1;

    private final String name;
    private final Grid2D grid;
    private final IntLayer occupants;
    private final EmptyCellIndex empty;

    SingleOccupancy(final String name, final Grid2D grid)
    {
        this.name = name;
        this.grid = grid;
        this.occupants = new IntLayer(name, grid.cellCount(), false);
        this.occupants.fill(EMPTY);
        this.empty = new EmptyCellIndex(grid.cellCount());
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
     * @param cell a cell of the grid.
     * @return the agent in it, or {@link #EMPTY}.
     */
    public int occupant(final int cell)
    {
        return occupants.get(cell);
    }

    /**
     * @param cell a cell of the grid.
     * @return true if no agent is in it.
     */
    public boolean isEmpty(final int cell)
    {
        return occupants.get(cell) == EMPTY;
    }

    /**
     * @return cells with no agent.
     */
    public int emptyCount()
    {
        return empty.emptyCount();
    }

    /**
     * @return cells with an agent.
     */
    public int occupiedCount()
    {
        return grid.cellCount() - empty.emptyCount();
    }

    /**
     * Puts an agent into a cell if the cell is empty. Does not check whether the agent is in another cell too.
     *
     * @param agent an agent index, not negative.
     * @param cell  a cell of the grid.
     * @return true if placed, false if the cell was taken (by this agent or another).
     */
    public boolean tryPlace(final int agent, final int cell)
    {
        if (agent < 0)
        {
            throw new IllegalArgumentException("cannot place agent " + agent + " in " + name + ": not an index");
        }
        if (occupants.get(cell) != EMPTY)
        {
            return false;
        }
        occupants.set(cell, agent);
        empty.markTaken(cell);
        return true;
    }

    /**
     * Empties a cell.
     *
     * @param cell a cell of the grid.
     * @return the agent that was in it, or {@link #EMPTY} if none (nothing changes).
     */
    public int vacate(final int cell)
    {
        final int agent = occupants.get(cell);
        if (agent != EMPTY)
        {
            occupants.set(cell, EMPTY);
            empty.markEmpty(cell);
        }
        return agent;
    }

    /**
     * Moves the agent in one cell to another if that one is empty.
     *
     * @param from an occupied cell.
     * @param to   the destination.
     * @return true if moved (or {@code from == to}), false if the destination is taken.
     * @throws IllegalArgumentException if {@code from} is empty.
     */
    public boolean move(final int from, final int to)
    {
        final int agent = occupants.get(from);
        if (agent == EMPTY)
        {
            throw new IllegalArgumentException("no agent to move from cell " + from + " in " + name);
        }
        if (from == to)
        {
            return true;
        }
        if (occupants.get(to) != EMPTY)
        {
            return false;
        }
        occupants.set(to, agent);
        occupants.set(from, EMPTY);
        empty.markTaken(to);
        empty.markEmpty(from);
        return true;
    }

    /**
     * Empties every cell, in {@code O(cells)}.
     */
    public void clear()
    {
        occupants.fill(EMPTY);
        empty.fillEmpty();
    }

    /**
     * @param rank which empty cell, in {@code [0, emptyCount())}.
     * @return the empty cell with {@code rank} empty cells before it in cell order; {@code O(log(cells / 64))}.
     */
    public int emptyCell(final int rank)
    {
        if (rank < 0 || rank >= empty.emptyCount())
        {
            throw new IndexOutOfBoundsException(
                "empty cell " + rank + " requested of " + empty.emptyCount() + " in " + name);
        }
        return empty.select(rank);
    }

    /**
     * Chooses an empty cell uniformly (up to the bias below 2^-32 of {@link CounterRng#toBoundedInt(long, int)}):
     * the {@code toBoundedInt(bits, emptyCount())}-th empty cell in cell order. The same bits and the same empty
     * cells give the same cell, whatever order the cells were emptied in. {@code O(log(cells / 64))}, no retries.
     *
     * @param bits 64 random bits, e.g. from {@link CounterRng#bits(long, long, int, int)}.
     * @return an empty cell, or {@link #EMPTY} if every cell is taken.
     */
    public int randomEmptyCell(final long bits)
    {
        final int count = empty.emptyCount();
        return count == 0 ? EMPTY : empty.select(CounterRng.toBoundedInt(bits, count));
    }

    /**
     * As {@link #randomEmptyCell(long)} with the stream's next draw; takes exactly one draw, even when the grid is
     * full, so the stream's counter does not depend on the outcome.
     *
     * @param rng a stream for serial code.
     * @return an empty cell, or {@link #EMPTY} if every cell is taken.
     */
    public int randomEmptyCell(final RngStream rng)
    {
        return randomEmptyCell(rng.nextLong());
    }

    /**
     * Chooses uniformly among the empty neighbours of a cell, in the order of
     * {@link Grid2D#neighbours(int, Neighbourhood, int, int[])}.
     *
     * @param cell          the centre.
     * @param neighbourhood which cells around it.
     * @param radius        the reach, at least 1.
     * @param bits          64 random bits.
     * @param scratch       room for {@link Grid2D#maxNeighbours(Neighbourhood, int)} cells; overwritten.
     * @return an empty neighbour, or {@link #EMPTY} if none.
     */
    public int randomEmptyNeighbour(
        final int cell, final Neighbourhood neighbourhood, final int radius, final long bits, final int[] scratch)
    {
        final int found = grid.neighbours(cell, neighbourhood, radius, scratch);
        int count = 0;
        for (int i = 0; i < found; i++)
        {
            final int neighbour = scratch[i];
            if (occupants.get(neighbour) == EMPTY)
            {
                scratch[count++] = neighbour;
            }
        }
        return count == 0 ? EMPTY : scratch[CounterRng.toBoundedInt(bits, count)];
    }

    void hash(final StateHasher hasher)
    {
        hasher.text(name);
        occupants.hashValues(hasher);
    }

    void writeConfiguration(final PartWriter out)
    {
        out.putString(name);
    }

    void readConfiguration(final PartReader in, final int index)
    {
        final String savedName = in.getString();
        if (!savedName.equals(name))
        {
            throw in.fail("single occupancy " + index + " named \"" + savedName + "\", this run's is named \"" +
                name + "\"");
        }
    }

    long savedBytes()
    {
        return Integer.BYTES + occupants.savedBytes();
    }

    void writeValues(final PartWriter out)
    {
        out.putInt(occupiedCount());
        occupants.writeValues(out);
    }

    /**
     * Reads the occupants and rebuilds the index of empty cells from them, checking that every occupant is an
     * agent index or {@link #EMPTY} and that as many cells are taken as were saved; on a mismatch the occupancy is
     * left empty.
     */
    void readValues(final PartReader in)
    {
        final int savedOccupied = in.getInt();
        occupants.readValues(in, 0);
        final UnsafeBuffer column = occupants.currentBuffer();
        final EmptyCellIndex empty = this.empty;
        empty.clearForRebuild();
        for (int cell = 0, cells = grid.cellCount(); cell < cells; cell++)
        {
            final int agent = column.getInt(cell << 2);
            if (agent == EMPTY)
            {
                empty.markEmptyForRebuild(cell);
            }
            else if (agent < 0)
            {
                clear();
                throw in.fail("occupancy " + name + " with agent " + agent + " in cell " + cell);
            }
        }
        empty.build();
        if (occupiedCount() != savedOccupied)
        {
            final int occupied = occupiedCount();
            clear();
            throw in.fail("occupancy " + name + " listing " + savedOccupied + " occupied cells but holding " +
                occupied);
        }
    }

    void close()
    {
        occupants.close();
    }
}
