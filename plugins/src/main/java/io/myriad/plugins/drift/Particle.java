package io.myriad.plugins.drift;

import io.myriad.layouts.AgentSchema;

/**
 * A drifting particle. Nothing reads another particle, so no field needs double buffering and the update is in
 * place.
 *
 * @param x  position along x.
 * @param y  position along y.
 * @param vx velocity along x.
 * @param vy velocity along y.
 */
@AgentSchema
public record Particle(double x, double y, double vx, double vy)
{
}
