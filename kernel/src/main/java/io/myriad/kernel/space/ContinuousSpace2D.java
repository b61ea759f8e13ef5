package io.myriad.kernel.space;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

/**
 * A continuous rectangle {@code [0, width) x [0, height)}, either periodic (leaving one side enters the opposite
 * one, and distances take the nearest image) or bounded (positions are clamped to the walls). Immutable.
 */
public final class ContinuousSpace2D implements Part
{
    private final double width;
    private final double height;
    private final boolean periodic;

    /**
     * @param width    extent along x, positive and finite.
     * @param height   extent along y, positive and finite.
     * @param periodic true for a torus, false for walls.
     */
    public ContinuousSpace2D(final double width, final double height, final boolean periodic)
    {
        if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height)))
        {
            throw new IllegalArgumentException("space extent must be positive and finite: " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.periodic = periodic;
    }

    /**
     * @return extent along x.
     */
    public double width()
    {
        return width;
    }

    /**
     * @return extent along y.
     */
    public double height()
    {
        return height;
    }

    /**
     * @return true for a torus, false for walls.
     */
    public boolean isPeriodic()
    {
        return periodic;
    }

    /**
     * @param x a coordinate, possibly outside the space.
     * @return the coordinate brought into {@code [0, width)}: wrapped if periodic, clamped if bounded.
     */
    public double normaliseX(final double x)
    {
        return normalise(x, width);
    }

    /**
     * @param y a coordinate, possibly outside the space.
     * @return the coordinate brought into {@code [0, height)}: wrapped if periodic, clamped if bounded.
     */
    public double normaliseY(final double y)
    {
        return normalise(y, height);
    }

    /**
     * @param from x of the first point.
     * @param to   x of the second point.
     * @return {@code to - from}, by the nearest image if periodic.
     */
    public double deltaX(final double from, final double to)
    {
        return delta(to - from, width);
    }

    /**
     * @param from y of the first point.
     * @param to   y of the second point.
     * @return {@code to - from}, by the nearest image if periodic.
     */
    public double deltaY(final double from, final double to)
    {
        return delta(to - from, height);
    }

    /**
     * @param x1 x of the first point.
     * @param y1 y of the first point.
     * @param x2 x of the second point.
     * @param y2 y of the second point.
     * @return squared distance, by the nearest image if periodic.
     */
    public double distanceSquared(final double x1, final double y1, final double x2, final double y2)
    {
        final double dx = deltaX(x1, x2);
        final double dy = deltaY(y1, y2);
        return dx * dx + dy * dy;
    }

    private double normalise(final double v, final double extent)
    {
        // "+ 0.0" turns -0.0 into 0.0: the same place then has the same bits, which the state hash compares
        if (v >= 0.0 && v < extent)
        {
            return v + 0.0;
        }
        if (periodic)
        {
            double r = v % extent;
            if (r < 0.0)
            {
                r += extent;
            }
            // r + extent may round up to extent itself for tiny negative r
            return r < extent ? r + 0.0 : 0.0;
        }
        return v < 0.0 ? 0.0 : Math.nextDown(extent);
    }

    private double delta(final double d, final double extent)
    {
        if (!periodic)
        {
            return d;
        }
        final double half = 0.5 * extent;
        if (d > half)
        {
            return d - extent;
        }
        if (d < -half)
        {
            return d + extent;
        }
        return d;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return (periodic ? "periodic " : "bounded ") + width + " x " + height;
    }

    /**
     * @return {@code space}.
     */
    public String name()
    {
        return "space";
    }

    /**
     * Folds in the configuration: the space holds no state of its own, agents' positions are their fields.
     */
    public void hash(final StateHasher hasher)
    {
        hasher.doubleValue(width).doubleValue(height).word(periodic ? 1 : 0);
    }

    /**
     * Writes the configuration, so that a restore into a space of another shape is refused.
     */
    public void write(final PartWriter out)
    {
        out.putDouble(width).putDouble(height).putInt(periodic ? 1 : 0);
    }

    /**
     * {@inheritDoc}
     */
    public void read(final PartReader in)
    {
        in.expectDouble("space width", width);
        in.expectDouble("space height", height);
        in.expectInt("periodic (1) or bounded (0) space:", periodic ? 1 : 0);
        in.expectEnd();
    }
}
