package io.myriad.kernel.space.grid;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A rectangle of {@code width x height} cells, bounded or a torus, with the property layers and occupancies
 * declared on it; a part of the world, hashed and checkpointed whole.
 * <p>
 * A cell is the int {@code y * width + x}, so cells run row by row and a row is contiguous in every layer. The
 * neighbours of a cell are listed by {@link #neighbours(int, Neighbourhood, int, int[])} in a fixed order, row by
 * row of offset ({@code dy} ascending, then {@code dx} ascending), with offsets taken by the nearest image on a
 * torus. Edges of a bounded grid clip the neighbourhood; on a torus narrower than the neighbourhood each cell is
 * listed once and the centre never.
 * <p>
 * Layers ({@link DoubleLayer}, {@link IntLayer}) and occupancies ({@link SingleOccupancy},
 * {@link MultipleOccupancy}) belong to the grid rather than being parts of their own: they cannot outlive it or
 * differ from it in size, the grid's one checkpoint section checks the configuration of all of them together
 * before it replaces anything, and a model declares one part per space. Declare them all before the run, in a
 * fixed order; names are unique in the grid.
 * <p>
 * Queries allocate nothing and may run on many threads. Cells and radii given to queries are checked unless
 * Agrona's bounds checks are disabled ({@code -Dagrona.disable.bounds.checks=true}).
 */
public final class Grid2D implements Part, AutoCloseable
{
    /** The most cells a grid may have: a double layer's column must fit one Agrona buffer. */
    public static final int MAX_CELLS = 1 << 27;
    /** The answer when there is no such cell. */
    public static final int NO_CELL = -1;

    private final String name;
    private final int width;
    private final int height;
    private final int cellCount;
    private final Topology topology;
    private final GridContents contents = new GridContents(this);

    /**
     * @param name     the part's name, unique in its world.
     * @param width    cells along x, at least 1.
     * @param height   cells along y, at least 1.
     * @param topology what lies beyond the edges.
     */
    public Grid2D(final String name, final int width, final int height, final Topology topology)
    {
        if (width < 1 || height < 1 || (long)width * height > MAX_CELLS)
        {
            throw new IllegalArgumentException("grid " + name + " of " + width + " x " + height +
                " cells: each side must be at least 1 and the cells at most " + MAX_CELLS);
        }
        if (topology == null)
        {
            throw new IllegalArgumentException("grid " + name + " needs a topology: BOUNDED or TORUS");
        }
        this.name = name;
        this.width = width;
        this.height = height;
        this.cellCount = width * height;
        this.topology = topology;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * @return cells along x.
     */
    public int width()
    {
        return width;
    }

    /**
     * @return cells along y.
     */
    public int height()
    {
        return height;
    }

    /**
     * @return {@code width * height}; cells are {@code [0, cellCount)}.
     */
    public int cellCount()
    {
        return cellCount;
    }

    /**
     * @return what lies beyond the edges.
     */
    public Topology topology()
    {
        return topology;
    }

    /**
     * @param cell a cell.
     * @return its column.
     */
    public int x(final int cell)
    {
        return cell % width;
    }

    /**
     * @param cell a cell.
     * @return its row.
     */
    public int y(final int cell)
    {
        return cell / width;
    }

    /**
     * @param x a column in {@code [0, width)}.
     * @param y a row in {@code [0, height)}.
     * @return the cell there.
     */
    public int cell(final int x, final int y)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK && !contains(x, y))
        {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside grid " + name + " of " +
                width + " x " + height);
        }
        return y * width + x;
    }

    /**
     * @param x a column.
     * @param y a row.
     * @return true if the grid has a cell there.
     */
    public boolean contains(final int x, final int y)
    {
        return x >= 0 && x < width && y >= 0 && y < height;
    }

    /**
     * @param cell a cell.
     * @param dx   columns to go, either way.
     * @param dy   rows to go, either way.
     * @return the cell reached, wrapping on a torus; {@link #NO_CELL} if it is off a bounded grid.
     */
    public int offset(final int cell, final int dx, final int dy)
    {
        checkCell(cell);
        final long x = (long)(cell % width) + dx;
        final long y = (long)(cell / width) + dy;
        if (topology == Topology.TORUS)
        {
            return Math.floorMod(y, height) * width + Math.floorMod(x, width);
        }
        return x < 0 || x >= width || y < 0 || y >= height ? NO_CELL : (int)y * width + (int)x;
    }

    /**
     * @param neighbourhood which cells around a cell.
     * @param radius        the reach, at least 1.
     * @return the most cells {@link #neighbours(int, Neighbourhood, int, int[])} lists on this grid: the size of
     *         its output array.
     */
    public int maxNeighbours(final Neighbourhood neighbourhood, final int radius)
    {
        if (radius < 1)
        {
            throw new IllegalArgumentException("neighbourhood radius must be at least 1: " + radius);
        }
        return (int)Math.min(neighbourhood.maxCount(radius), cellCount - 1L);
    }

    /**
     * Lists the neighbours of a cell, row by row of offset: {@code dy} from {@code -r} to {@code r}, and within a
     * row {@code dx} from {@code -r} to {@code r}, keeping those in the neighbourhood. On a torus an offset is the
     * nearest image's, so a side of {@code n < 2r + 1} cells is covered once by the offsets
     * {@code -((n - 1) / 2)} to {@code n / 2}; on a bounded grid offsets off the edge are left out. Each cell is
     * listed at most once, the centre never.
     *
     * @param cell          the centre.
     * @param neighbourhood which cells around it.
     * @param radius        the reach, at least 1.
     * @param out           receives the cells; room for {@link #maxNeighbours(Neighbourhood, int)}.
     * @return how many cells were listed.
     */
    public int neighbours(final int cell, final Neighbourhood neighbourhood, final int radius, final int[] out)
    {
        checkCell(cell);
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK && radius < 1)
        {
            throw new IllegalArgumentException("neighbourhood radius must be at least 1: " + radius);
        }
        return Neighbours.list(width, height, topology == Topology.TORUS, cell, neighbourhood, radius, out);
    }

    /**
     * Chooses one of a cell's neighbours uniformly: the {@code toBoundedInt(bits, count)}-th in the order of
     * {@link #neighbours(int, Neighbourhood, int, int[])}.
     *
     * @param cell          the centre.
     * @param neighbourhood which cells around it.
     * @param radius        the reach, at least 1.
     * @param bits          64 random bits, e.g. from {@link CounterRng#bits(long, long, int, int)}.
     * @param scratch       room for {@link #maxNeighbours(Neighbourhood, int)} cells; may be overwritten.
     * @return a neighbour, or {@link #NO_CELL} if the cell has none (a 1 x 1 grid).
     */
    public int randomNeighbour(
        final int cell, final Neighbourhood neighbourhood, final int radius, final long bits, final int[] scratch)
    {
        checkCell(cell);
        final int square = Neighbours.inMooreSquare(width, height, topology == Topology.TORUS, cell, neighbourhood,
            radius, bits);
        if (square != NO_CELL)
        {
            return square;
        }
        final int count = neighbours(cell, neighbourhood, radius, scratch);
        return count == 0 ? NO_CELL : scratch[CounterRng.toBoundedInt(bits, count)];
    }

    /**
     * Declares a layer of doubles, every cell 0.0.
     *
     * @param layerName      unique in the grid.
     * @param doubleBuffered true to read current values and write next ones, made current by a swap.
     * @return the layer.
     */
    public DoubleLayer doubleLayer(final String layerName, final boolean doubleBuffered)
    {
        contents.checkNewName(layerName);
        return contents.add(new DoubleLayer(layerName, cellCount, doubleBuffered));
    }

    /**
     * Declares a layer of ints, every cell 0.
     *
     * @param layerName      unique in the grid.
     * @param doubleBuffered true to read current values and write next ones, made current by a swap.
     * @return the layer.
     */
    public IntLayer intLayer(final String layerName, final boolean doubleBuffered)
    {
        contents.checkNewName(layerName);
        return contents.add(new IntLayer(layerName, cellCount, doubleBuffered));
    }

    /**
     * Declares an occupancy of at most one agent per cell, every cell empty.
     *
     * @param occupancyName unique in the grid; typically the agent type's.
     * @return the occupancy.
     */
    public SingleOccupancy singleOccupancy(final String occupancyName)
    {
        contents.checkNewName(occupancyName);
        return contents.add(new SingleOccupancy(occupancyName, this));
    }

    /**
     * Declares an index of any number of agents per cell, rebuilt every step.
     *
     * @param occupancyName unique in the grid; typically the agent type's.
     * @param capacity      the most agents it indexes: the agent type's capacity.
     * @return the occupancy.
     */
    public MultipleOccupancy multipleOccupancy(final String occupancyName, final int capacity)
    {
        contents.checkNewName(occupancyName);
        return contents.add(new MultipleOccupancy(occupancyName, this, capacity));
    }

    /**
     * @return layers declared, in declaration order.
     */
    public int layerCount()
    {
        return contents.layerCount();
    }

    /**
     * @param index a layer's place in declaration order.
     * @return the layer, for tools that show every layer.
     */
    public GridLayer layer(final int index)
    {
        return contents.layer(index);
    }

    /**
     * Swaps every double-buffered layer: the end of a step in which rules wrote all of them.
     */
    public void swapLayers()
    {
        contents.swapLayers();
    }

    /**
     * Folds in the configuration (name, size, topology), then each layer's name, kind and every cell's current
     * value, each single occupancy's name and every cell's occupant, and each multiple occupancy's name and
     * capacity. Which column of a double-buffered layer is current does not change the hash.
     *
     * @param hasher the world's hash, in progress.
     */
    public void hash(final StateHasher hasher)
    {
        hasher.text(name).word(width).word(height).word(topology.ordinal());
        contents.hash(hasher);
    }

    /**
     * Writes the section {@link GridDescriptor} describes.
     *
     * @param out the section, from its start.
     */
    public void write(final PartWriter out)
    {
        contents.write(out);
    }

    /**
     * Reads a section {@link #write(PartWriter)} wrote. The configuration, the parities and the section's length
     * are all checked before any value is replaced; a section refused after that (an occupant that is not an agent
     * index) leaves that occupancy empty.
     *
     * @param in the section, from its start.
     */
    public void read(final PartReader in)
    {
        contents.read(in);
    }

    /**
     * Frees the layers' and occupancies' memory. The grid must not be used afterwards.
     */
    public void close()
    {
        contents.close();
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "grid " + name + " " + width + " x " + height + " " + topology;
    }

    private void checkCell(final int cell)
    {
        if (UnsafeBuffer.SHOULD_BOUNDS_CHECK && (cell < 0 || cell >= cellCount))
        {
            throw new IndexOutOfBoundsException("cell " + cell + " is outside grid " + name + " of " + cellCount +
                " cells");
        }
    }
}
