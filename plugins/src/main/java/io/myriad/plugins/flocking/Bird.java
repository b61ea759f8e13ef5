package io.myriad.plugins.flocking;

import io.myriad.layouts.AgentSchema;
import io.myriad.layouts.DoubleBuffered;

/**
 * A bird: where it is and where it heads (a unit vector). Neighbours read both, so both are double buffered.
 *
 * @param x  position along x.
 * @param y  position along y.
 * @param vx heading along x.
 * @param vy heading along y.
 */
@AgentSchema
public record Bird(@DoubleBuffered double x, @DoubleBuffered double y, @DoubleBuffered double vx,
    @DoubleBuffered double vy)
{
}
