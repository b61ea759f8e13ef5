package io.myriad.plugins.flocking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.myriad.kernel.metrics.Metric;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.space.ContinuousSpace2D;
import io.myriad.kernel.space.NeighbourRanges;
import io.myriad.kernel.space.SpatialHashGrid;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Boids in a periodic continuous space, as in the ABM framework comparison: each bird sums, over the birds
 * strictly within its vision, their offsets (cohesion), the offsets of those closer than the separation distance
 * (separation) and their headings (alignment); divides each by the number of neighbours and weights it; its new
 * heading is the normalised mean of its old heading and the weighted sum, and it moves {@code speed} along it.
 */
public final class FlockingModel implements Model
{
    static final int STREAM_INIT = 1;
    static final int METRIC_HEADING_X = 0;
    static final int METRIC_HEADING_Y = 1;
    static final int METRIC_NEIGHBOUR_COSINE = 2;
    static final int METRIC_BIRDS_WITH_NEIGHBOURS = 3;

    private final FlockingParameters parameters;
    private final ContinuousSpace2D space;
    private final SpatialHashGrid grid;
    private final double[] headingX;
    private final double[] headingY;
    private final AgentType birds;
    private final BirdFlyweight scattering = new BirdFlyweight();

    /**
     * @param parameters resolved settings.
     */
    public FlockingModel(final FlockingParameters parameters)
    {
        this.parameters = parameters;
        this.space = new ContinuousSpace2D(parameters.width(), parameters.height(), true);
        this.grid = new SpatialHashGrid(space, parameters.vision(), parameters.birds());
        this.headingX = new double[parameters.birds()];
        this.headingY = new double[parameters.birds()];
        this.birds = AgentType.of("birds", BirdSchema.SCHEMA, parameters.birds());
    }

    /**
     * @return the resolved settings.
     */
    public FlockingParameters parameters()
    {
        return parameters;
    }

    /**
     * {@inheritDoc}
     */
    public List<AgentType> agentTypes()
    {
        return List.of(birds);
    }

    /**
     * The space, whose configuration a checkpoint checks; the index of birds by cell is rebuilt every tick, so
     * nothing else lasts outside the birds' store.
     */
    public List<Part> parts()
    {
        return List.of(space);
    }

    /**
     * Places birds uniformly at random with uniformly random headings, and numbers them in grid-cell order: the
     * i-th random draw goes to the bird whose index is its rank in cell order. Which bird gets which index is an
     * arbitrary labelling, and this one keeps birds that are near in space near in memory, so the gather and the
     * writes of each tick touch few cache lines. The state is still a function of the seed alone.
     *
     * @param world the world, its store empty.
     */
    public void initialise(final World world)
    {
        world.store(birds).spawn(parameters.birds());
        scatter(world);
    }

    /**
     * Takes {@link FlockingPlugin#INPUT_SCATTER}: places and heads the birds again as {@link #initialise} did, for a
     * fresh flock. Allocates nothing.
     */
    public void applyInput(
        final World world,
        final long tick,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        if (kind != FlockingPlugin.INPUT_SCATTER)
        {
            throw new IllegalArgumentException("the flocking model takes input kind " + FlockingPlugin.INPUT_SCATTER +
                " (scatter), not " + kind);
        }
        scatter(world);
    }

    private void scatter(final World world)
    {
        final long key = CounterRng.key(world.seed(), STREAM_INIT);
        final int birds = parameters.birds();
        // the draws wait in the heading scratch, which the gather phase fills afresh before any tick reads it
        final double[] x = headingX;
        final double[] y = headingY;
        for (int i = 0; i < birds; i++)
        {
            x[i] = space.normaliseX(space.width() * CounterRng.uniform(key, 0, i, 0));
            y[i] = space.normaliseY(space.height() * CounterRng.uniform(key, 0, i, 1));
            grid.key(i, grid.cellOf(x[i], y[i]));
        }
        grid.sort(birds);

        final BirdFlyweight bird = scattering.wrapIfStale(world.store(this.birds));
        for (int index = 0; index < birds; index++)
        {
            final int draw = grid.agentAt(index);
            final double angle = 2.0 * Math.PI * CounterRng.uniform(key, 0, draw, 2);
            bird.x(index, x[draw]);
            bird.y(index, y[draw]);
            bird.vx(index, StrictMath.cos(angle));
            bird.vy(index, StrictMath.sin(angle));
        }
    }

    /**
     * {@inheritDoc}
     */
    public List<Phase> phases()
    {
        return List.of(new IndexPhase(), new GatherPhase(), new SteerPhase());
    }

    /**
     * {@inheritDoc}
     */
    public List<String> metricNames()
    {
        return List.of("heading_x_sum", "heading_y_sum", "neighbour_cosine_sum", "birds_with_neighbours");
    }

    /**
     * The flock's mean heading, component by component.
     */
    public List<Metric> metrics()
    {
        return List.of(Metric.mean("heading_x", birds, BirdSchema.VX), Metric.mean("heading_y", birds, BirdSchema.VY));
    }

    /**
     * Alignment is the length of the mean heading: near 0 for random headings, 1 when all birds fly alike.
     * Local alignment is the mean, over birds that have neighbours, of the cosine between a bird's heading and
     * its neighbours' headings at the start of the tick: near 0 when headings are random, 1 inside a flock.
     *
     * @param metricSums the last tick's sums.
     * @param world      the world after the tick.
     * @return {@code alignment} and {@code local_alignment}.
     */
    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        final int liveAgents = world.store(birds).liveCount();
        final Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("alignment", liveAgents == 0 ? 0.0 :
            Math.sqrt(metricSums[METRIC_HEADING_X] * metricSums[METRIC_HEADING_X] +
            metricSums[METRIC_HEADING_Y] * metricSums[METRIC_HEADING_Y]) / liveAgents);
        final double withNeighbours = metricSums[METRIC_BIRDS_WITH_NEIGHBOURS];
        figures.put("local_alignment", withNeighbours == 0 ? 0.0 :
            metricSums[METRIC_NEIGHBOUR_COSINE] / withNeighbours);
        return figures;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "flocking(" + parameters + ")";
    }

    /**
     * Gives every live bird its cell, then sorts the birds by cell.
     */
    private final class IndexPhase implements Phase
    {
        public String name()
        {
            return "index";
        }

        public AgentType sweeps()
        {
            return birds;
        }

        public PhaseWorker newWorker(final World world)
        {
            final BirdFlyweight bird = new BirdFlyweight();
            return (batch) ->
            {
                final AgentStore store = batch.store();
                bird.wrapIfStale(store);
                final SpatialHashGrid grid = FlockingModel.this.grid;
                final boolean dense = store.isDense();
                for (int i = batch.from(), to = batch.to(); i < to; i++)
                {
                    grid.key(i, dense || store.isAlive(i) ? grid.cellOf(bird.x(i), bird.y(i)) : -1);
                }
            };
        }

        public void afterBatches(final World world, final long tick)
        {
            grid.sort(world.store(birds).highWaterMark());
        }
    }

    /**
     * Copies positions and headings into cell order.
     */
    private final class GatherPhase implements Phase
    {
        public String name()
        {
            return "gather";
        }

        public int workItems(final World world)
        {
            return grid.size();
        }

        public AgentType sweeps()
        {
            return birds;
        }

        public PhaseWorker newWorker(final World world)
        {
            final BirdFlyweight bird = new BirdFlyweight();
            return (batch) ->
            {
                final AgentStore store = batch.store();
                bird.wrapIfStale(store);
                final SpatialHashGrid grid = FlockingModel.this.grid;
                final double[] headingX = FlockingModel.this.headingX;
                final double[] headingY = FlockingModel.this.headingY;
                for (int rank = batch.from(), to = batch.to(); rank < to; rank++)
                {
                    final int agent = grid.agentAt(rank);
                    grid.position(rank, bird.x(agent), bird.y(agent));
                    headingX[rank] = bird.vx(agent);
                    headingY[rank] = bird.vy(agent);
                }
            };
        }
    }

    /**
     * Steers and moves every bird, in cell order, writing the next copies of its fields.
     */
    private final class SteerPhase implements Phase
    {
        public String name()
        {
            return "steer";
        }

        public AgentType sweeps()
        {
            return birds;
        }

        public int workItems(final World world)
        {
            return grid.size();
        }

        public PhaseWorker newWorker(final World world)
        {
            return new SteerWorker();
        }
    }

    /**
     * Steers the birds of one batch, in cell order. Cells are at least the vision radius wide, so every neighbour
     * of any bird in a cell lies in the 3 x 3 block of cells around it: the worker copies that block's positions
     * (shifted across periodic edges) and headings into contiguous scratch arrays once per cell, and each bird of
     * the cell then sweeps one short contiguous run, split around itself. The sweep is branch free, since whether
     * a candidate is within vision is a coin toss the branch predictor cannot learn (a conditional expression on
     * doubles compiles to a branch on x86). Math.fma rounds once, the same way everywhere.
     */
    private final class SteerWorker implements PhaseWorker
    {
        private final BirdFlyweight bird = new BirdFlyweight();
        private final NeighbourRanges ranges = new NeighbourRanges();
        private final int reach = grid.cellReach(parameters.vision());
        private final double vision2 = parameters.vision() * parameters.vision();
        private final double separation2 = parameters.separation() * parameters.separation();
        private double[] blockX = new double[initialBlockCapacity()];
        private double[] blockY = new double[blockX.length];
        private double[] blockHeadingX = new double[blockX.length];
        private double[] blockHeadingY = new double[blockX.length];
        private int[] rangeOffset = new int[16];
        private int blockCell = -1;
        private int blockSize;
        private double neighbours;
        private double cohereX;
        private double cohereY;
        private double separateX;
        private double separateY;
        private double matchX;
        private double matchY;

        /**
         * Room for eight times the birds a block holds at the flock's mean density, so that the scratch rarely
         * has to grow as birds gather into flocks (it grows, once, when a block is fuller than that).
         */
        private int initialBlockCapacity()
        {
            final int side = 2 * grid.cellReach(parameters.vision()) + 1;
            final double blockArea = side * grid.cellWidth() * side * grid.cellHeight();
            final double expected = parameters.birds() / (parameters.width() * parameters.height()) * blockArea;
            return (int)Math.min(parameters.birds(), Math.max(64, Math.ceil(8 * expected)));
        }

        public void process(final BatchContext batch)
        {
            bird.wrapIfStale(batch.store());
            final BirdFlyweight bird = this.bird;
            final SpatialHashGrid grid = FlockingModel.this.grid;
            final ContinuousSpace2D space = FlockingModel.this.space;
            final double[] xs = grid.xs();
            final double[] ys = grid.ys();
            final double[] hxs = headingX;
            final double[] hys = headingY;
            final FlockingParameters p = parameters;
            final double cohere = p.cohere();
            final double separate = p.separate();
            final double match = p.match();
            final double speed = p.speed();

            blockCell = -1;
            double sumHeadingX = 0.0;
            double sumHeadingY = 0.0;
            double sumNeighbourCosine = 0.0;
            int withNeighbours = 0;
            for (int self = batch.from(), to = batch.to(); self < to; self++)
            {
                final double x = xs[self];
                final double y = ys[self];
                final int cell = grid.cellOf(x, y);
                if (cell != blockCell)
                {
                    loadBlock(grid, cell);
                }
                final int selfInBlock = blockIndexOf(self);

                neighbours = 0.0;
                cohereX = 0.0;
                cohereY = 0.0;
                separateX = 0.0;
                separateY = 0.0;
                matchX = 0.0;
                matchY = 0.0;
                sweep(0, selfInBlock, x, y);
                sweep(selfInBlock + 1, blockSize, x, y);

                final double hx = hxs[self];
                final double hy = hys[self];
                final double inverse = 1.0 / Math.max(neighbours, 1.0);
                if (neighbours > 0.0)
                {
                    sumNeighbourCosine += (hx * matchX + hy * matchY) * inverse;
                    withNeighbours++;
                }
                double nx = 0.5 * (hx + inverse * (cohereX * cohere + separateX * separate + matchX * match));
                double ny = 0.5 * (hy + inverse * (cohereY * cohere + separateY * separate + matchY * match));
                final double norm = Math.sqrt(nx * nx + ny * ny);
                if (norm > 0.0)
                {
                    nx /= norm;
                    ny /= norm;
                }
                else
                {
                    nx = hx;
                    ny = hy;
                }

                final int agent = grid.agentAt(self);
                bird.nextX(agent, space.normaliseX(x + nx * speed));
                bird.nextY(agent, space.normaliseY(y + ny * speed));
                bird.nextVx(agent, nx);
                bird.nextVy(agent, ny);
                sumHeadingX += nx;
                sumHeadingY += ny;
            }
            batch.addMetric(METRIC_HEADING_X, sumHeadingX);
            batch.addMetric(METRIC_HEADING_Y, sumHeadingY);
            batch.addMetric(METRIC_NEIGHBOUR_COSINE, sumNeighbourCosine);
            batch.addMetric(METRIC_BIRDS_WITH_NEIGHBOURS, withNeighbours);
        }

        private void loadBlock(final SpatialHashGrid grid, final int cell)
        {
            final NeighbourRanges ranges = this.ranges;
            grid.blockRanges(cell, reach, ranges);
            final int count = ranges.count();
            int size = 0;
            for (int r = 0; r < count; r++)
            {
                size += ranges.end(r) - ranges.start(r);
            }
            if (size > blockX.length)
            {
                final int capacity = Math.max(size, 2 * blockX.length);
                blockX = new double[capacity];
                blockY = new double[capacity];
                blockHeadingX = new double[capacity];
                blockHeadingY = new double[capacity];
            }
            if (count > rangeOffset.length)
            {
                rangeOffset = new int[Math.max(count, 2 * rangeOffset.length)];
            }
            final double[] xs = grid.xs();
            final double[] ys = grid.ys();
            final double[] hxs = headingX;
            final double[] hys = headingY;
            int k = 0;
            for (int r = 0; r < count; r++)
            {
                rangeOffset[r] = k;
                final double shiftX = ranges.shiftX(r);
                final double shiftY = ranges.shiftY(r);
                for (int j = ranges.start(r), end = ranges.end(r); j < end; j++, k++)
                {
                    blockX[k] = xs[j] + shiftX;
                    blockY[k] = ys[j] + shiftY;
                    blockHeadingX[k] = hxs[j];
                    blockHeadingY[k] = hys[j];
                }
            }
            blockSize = k;
            blockCell = cell;
        }

        private int blockIndexOf(final int rank)
        {
            final NeighbourRanges ranges = this.ranges;
            for (int r = 0, count = ranges.count(); r < count; r++)
            {
                // the unshifted range: in a world a few cells wide the block may hold the bird at another image too
                if (rank >= ranges.start(r) && rank < ranges.end(r) && ranges.shiftX(r) == 0.0 &&
                    ranges.shiftY(r) == 0.0)
                {
                    return rangeOffset[r] + rank - ranges.start(r);
                }
            }
            throw new IllegalStateException("bird at rank " + rank + " is not in its own cell's block");
        }

        private void sweep(final int from, final int to, final double x, final double y)
        {
            final double[] bx = blockX;
            final double[] by = blockY;
            final double[] bhx = blockHeadingX;
            final double[] bhy = blockHeadingY;
            final double vision2 = this.vision2;
            final double separation2 = this.separation2;
            double n = neighbours;
            double cx = cohereX;
            double cy = cohereY;
            double sx = separateX;
            double sy = separateY;
            double mx = matchX;
            double my = matchY;
            for (int j = from; j < to; j++)
            {
                final double dx = bx[j] - x;
                final double dy = by[j] - y;
                final double d2 = dx * dx + dy * dy;
                // 1.0 when strictly closer, else 0.0: the sign bit of the difference, with no branch to mispredict
                final double seen = Double.doubleToRawLongBits(d2 - vision2) >>> 63;
                final double close = Double.doubleToRawLongBits(d2 - separation2) >>> 63;
                n += seen;
                cx = Math.fma(seen, dx, cx);
                cy = Math.fma(seen, dy, cy);
                sx = Math.fma(-close, dx, sx);
                sy = Math.fma(-close, dy, sy);
                mx = Math.fma(seen, bhx[j], mx);
                my = Math.fma(seen, bhy[j], my);
            }
            neighbours = n;
            cohereX = cx;
            cohereY = cy;
            separateX = sx;
            separateY = sy;
            matchX = mx;
            matchY = my;
        }
    }
}
