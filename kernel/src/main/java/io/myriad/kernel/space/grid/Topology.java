package io.myriad.kernel.space.grid;

/**
 * What lies beyond the edges of a {@link Grid2D}. A grid's checkpoint section records the topology by its
 * ordinal ({@link GridDescriptor}), so new topologies go at the end.
 */
public enum Topology
{
    /** Nothing: neighbourhoods are clipped at the edges, and a move off the grid has no cell. */
    BOUNDED,

    /** The opposite edge: leaving one side enters the other, along both axes. */
    TORUS
}
