package io.myriad.plugins.flocking;

import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.space.ContinuousSpace2D;
import io.myriad.kernel.space.NeighbourRanges;
import io.myriad.kernel.space.SpatialHashGrid;

/**
 * The boid rules, as the {@code steer} phase's worker: for each bird of a batch, in cell order, sums cohesion,
 * separation and alignment over the birds within its vision, takes the normalised mean of its old heading and the
 * weighted sum as its new heading and moves along it, writing the next copies of its fields and the batch's sums
 * for {@link FlockingModel}'s metrics. One per worker thread; it reads the cell-ordered positions and headings
 * that the {@code gather} phase wrote.
 * <p>
 * Cells are at least the vision radius wide, so every neighbour of any bird in a cell lies in the 3 x 3 block of
 * cells around it: the worker copies that block's positions (shifted across periodic edges) and headings into
 * contiguous scratch arrays once per cell, and each bird of the cell then sweeps one short contiguous run, split
 * around itself. The sweep is branch free, since whether a candidate is within vision is a coin toss the branch
 * predictor cannot learn (a conditional expression on doubles compiles to a branch on x86). Math.fma rounds once,
 * the same way everywhere.
 */
final class SteerWorker implements PhaseWorker
{
    private final FlockingParameters parameters;
    private final ContinuousSpace2D space;
    private final SpatialHashGrid grid;
    private final double[] headingX;
    private final double[] headingY;
    private final BirdFlyweight bird = new BirdFlyweight();
    private final NeighbourRanges ranges = new NeighbourRanges();
    private final int reach;
    private final double vision2;
    private final double separation2;
    private double[] blockX;
    private double[] blockY;
    private double[] blockHeadingX;
    private double[] blockHeadingY;
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
     * @param parameters the flock's settings.
     * @param space      the periodic space the birds move in.
     * @param grid       the birds in cell order, with their positions in that order.
     * @param headingX   the birds' headings along x, in cell order.
     * @param headingY   the birds' headings along y, in cell order.
     */
    SteerWorker(
        final FlockingParameters parameters,
        final ContinuousSpace2D space,
        final SpatialHashGrid grid,
        final double[] headingX,
        final double[] headingY)
    {
        this.parameters = parameters;
        this.space = space;
        this.grid = grid;
        this.headingX = headingX;
        this.headingY = headingY;
        this.reach = grid.cellReach(parameters.vision());
        this.vision2 = parameters.vision() * parameters.vision();
        this.separation2 = parameters.separation() * parameters.separation();
        this.blockX = new double[initialBlockCapacity()];
        this.blockY = new double[blockX.length];
        this.blockHeadingX = new double[blockX.length];
        this.blockHeadingY = new double[blockX.length];
    }

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

    /**
     * Steers and moves the batch's birds and adds the batch's sums to its metrics.
     *
     * @param batch a range of ranks in cell order.
     */
    public void process(final BatchContext batch)
    {
        bird.wrapIfStale(batch.store());
        final BirdFlyweight bird = this.bird;
        final SpatialHashGrid grid = this.grid;
        final ContinuousSpace2D space = this.space;
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
        batch.addMetric(FlockingModel.METRIC_HEADING_X, sumHeadingX);
        batch.addMetric(FlockingModel.METRIC_HEADING_Y, sumHeadingY);
        batch.addMetric(FlockingModel.METRIC_NEIGHBOUR_COSINE, sumNeighbourCosine);
        batch.addMetric(FlockingModel.METRIC_BIRDS_WITH_NEIGHBOURS, withNeighbours);
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
