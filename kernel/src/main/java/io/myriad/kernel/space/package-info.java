/**
 * Spaces agents live in. {@link io.myriad.kernel.space.ContinuousSpace2D} is a rectangle, periodic (a torus) or
 * bounded; {@link io.myriad.kernel.space.SpatialHashGrid} answers neighbour queries in it by sorting agents into
 * square cells with a counting sort, so agents of one cell, and of a row of cells, are contiguous and a query
 * scans a few contiguous ranges of positions instead of chasing pointers.
 */
package io.myriad.kernel.space;
