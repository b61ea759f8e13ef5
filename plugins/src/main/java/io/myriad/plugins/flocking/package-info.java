/**
 * Flocking (boids): each bird steers by cohesion, separation and alignment with the birds within its vision,
 * then moves at constant speed through a periodic continuous space. The rules and the presets are those of the
 * standard ABM framework comparison (Agents.jl, Mesa, NetLogo, MASON), so its figures can be set beside theirs.
 * <p>
 * A tick is three phases: {@code index} gives every bird its grid cell (parallel), sorts birds by cell (serial);
 * {@code gather} copies positions and headings into cell order (parallel); {@code steer} computes each bird's
 * new heading and position from its neighbours, sweeping birds in cell order so that neighbouring birds share
 * cache lines (parallel). Positions and headings are double buffered, so every bird sees the flock as it was at
 * the start of the tick.
 */
package io.myriad.plugins.flocking;
