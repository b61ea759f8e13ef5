package io.myriad.kernel.space.network;

/**
 * The bytes of a {@link Network}'s checkpoint section, little-endian, written through
 * {@link io.myriad.kernel.world.PartWriter}. The configuration comes first, so that a restore into a network of
 * another node count or direction is refused before any array is read; the reverse-edge index of an undirected
 * network is not written but derived again, which also checks that every edge has its reverse.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        Version (int32)                        |  0
 *  +---------------------------------------------------------------+
 *  |                 Directed (int32, 0 or 1)                      |  4
 *  +---------------------------------------------------------------+
 *  |              Self-Loops Allowed (int32, 0 or 1)               |  8
 *  +---------------------------------------------------------------+
 *  |                     Node Count n (int32)                      |  12
 *  +---------------------------------------------------------------+
 *  |                     Edge Count m (int32)                      |  16
 *  +---------------------------------------------------------------+
 *  |                 Offsets, n + 1 int32: first edge             ...  20
 *  |                 of each node, then m                          |
 *  +---------------------------------------------------------------+
 *  |                 Targets, m int32, ascending                  ...  20 + 4 (n + 1)
 *  |                 within each node                              |
 *  +---------------------------------------------------------------+
 *  |                 Weights, m float64 as raw                    ...  20 + 4 (n + 1) + 4 m
 *  |                 IEEE bits                                     |
 *  +---------------------------------------------------------------+
 * </pre>
 * m counts stored edges: an undirected network stores each of its links in both directions (a self-loop once).
 */
public final class NetworkDescriptor
{
    /** Section version this build writes and reads. */
    public static final int VERSION = 1;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the directed flag. */
    public static final int DIRECTED_OFFSET = 4;
    /** Offset of the self-loops flag. */
    public static final int SELF_LOOPS_OFFSET = 8;
    /** Offset of the node count. */
    public static final int NODE_COUNT_OFFSET = 12;
    /** Offset of the edge count. */
    public static final int EDGE_COUNT_OFFSET = 16;
    /** Offset of the offsets array; also the length of the fixed header. */
    public static final int OFFSETS_OFFSET = 20;
    /** Bytes per stored edge: its target and its weight. */
    public static final int BYTES_PER_EDGE = Integer.BYTES + Double.BYTES;

    private NetworkDescriptor()
    {
    }

    /**
     * @param nodeCount nodes.
     * @return offset of the targets array.
     */
    public static long targetsOffset(final int nodeCount)
    {
        return OFFSETS_OFFSET + (long)Integer.BYTES * (nodeCount + 1L);
    }

    /**
     * @param nodeCount nodes.
     * @param edgeCount stored edges.
     * @return offset of the weights array.
     */
    public static long weightsOffset(final int nodeCount, final int edgeCount)
    {
        return targetsOffset(nodeCount) + (long)Integer.BYTES * edgeCount;
    }

    /**
     * @param nodeCount nodes.
     * @param edgeCount stored edges.
     * @return length of the whole section; a long, as a section must fit an int and a caller checks that.
     */
    public static long sectionLength(final int nodeCount, final int edgeCount)
    {
        return weightsOffset(nodeCount, edgeCount) + (long)Double.BYTES * edgeCount;
    }
}
