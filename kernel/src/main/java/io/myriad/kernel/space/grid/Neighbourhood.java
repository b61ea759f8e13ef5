package io.myriad.kernel.space.grid;

/**
 * Which cells around a cell count as its neighbours, at a radius {@code r} of at least 1. Offsets are measured on
 * the grid, by the nearest image on a torus; the cell itself is never its own neighbour.
 */
public enum Neighbourhood
{
    /** Cells within Chebyshev distance r: {@code max(|dx|, |dy|) <= r}, a square of {@code (2r + 1)^2 - 1}. */
    MOORE,

    /** Cells within Manhattan distance r: {@code |dx| + |dy| <= r}, a diamond of {@code 2r(r + 1)}. */
    VON_NEUMANN;

    /**
     * @param radius the reach, at least 1.
     * @return the most neighbours a cell can have at that radius, on a grid large enough for none to be clipped or
     *         to coincide.
     */
    public long maxCount(final int radius)
    {
        final long r = radius;
        return this == MOORE ? (2 * r + 1) * (2 * r + 1) - 1 : 2 * r * (r + 1);
    }
}
