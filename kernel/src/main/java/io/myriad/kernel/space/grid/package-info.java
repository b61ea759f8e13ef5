/**
 * The 2-D grid space: {@link io.myriad.kernel.space.grid.Grid2D}, a bounded or toroidal rectangle of cells
 * numbered row by row, with Moore and von Neumann neighbourhoods of any radius listed in a fixed order into a
 * caller's array. On it, named property layers ({@link io.myriad.kernel.space.grid.DoubleLayer},
 * {@link io.myriad.kernel.space.grid.IntLayer}) hold one value per cell in off-heap columns, optionally double
 * buffered; {@link io.myriad.kernel.space.grid.SingleOccupancy} keeps at most one agent per cell as lasting state,
 * with a uniform random choice of an empty cell; {@link io.myriad.kernel.space.grid.MultipleOccupancy} indexes any
 * number of agents per cell, rebuilt every step by a counting sort. The grid is one
 * {@link io.myriad.kernel.world.Part}: it hashes and checkpoints its configuration, layers and occupancies together.
 */
package io.myriad.kernel.space.grid;
