package io.myriad.kernel.space.network;

import java.util.Arrays;

import io.myriad.kernel.world.PartReader;

/**
 * What makes compressed sparse rows a valid {@link Network}, checked on a checkpoint section before it replaces a
 * network's arrays, and the pairing of an undirected network's edges with their reverses, which the builder uses
 * too. Each check names the first node or edge at fault.
 */
final class NetworkChecks
{
    private NetworkChecks()
    {
    }

    static void checkOffsets(final PartReader in, final int[] offsets, final int nodeCount, final int edgeCount)
    {
        if (offsets[0] != 0)
        {
            throw in.fail("a first offset of " + offsets[0] + ", not 0: the section is corrupt");
        }
        for (int u = 0; u < nodeCount; u++)
        {
            if (offsets[u + 1] < offsets[u])
            {
                throw in.fail("offsets that decrease at node " + u + ", from " + offsets[u] + " to " +
                    offsets[u + 1] + ": the section is corrupt");
            }
        }
        if (offsets[nodeCount] != edgeCount)
        {
            throw in.fail("a last offset of " + offsets[nodeCount] + " for " + edgeCount + " edges: the section is " +
                "corrupt");
        }
    }

    static void checkTargets(
        final PartReader in, final int[] offsets, final int[] targets, final int nodeCount, final boolean selfLoops)
    {
        for (int u = 0; u < nodeCount; u++)
        {
            int previous = -1;
            for (int e = offsets[u], end = offsets[u + 1]; e < end; e++)
            {
                final int v = targets[e];
                if (v < 0 || v >= nodeCount)
                {
                    throw in.fail("edge " + e + " from node " + u + " to node " + v + ", outside 0 to " +
                        (nodeCount - 1) + ": the section is corrupt");
                }
                if (v <= previous)
                {
                    throw in.fail("node " + u + "'s edges out of order or repeated: edge " + e + " to node " + v +
                        " follows one to node " + previous + ": the section is corrupt");
                }
                if (v == u && !selfLoops)
                {
                    throw in.fail("a self-loop at node " + u + ", and this network refuses self-loops");
                }
                previous = v;
            }
        }
    }

    static void checkReverse(
        final PartReader in, final int[] offsets, final int[] targets, final double[] weights, final int[] reverse)
    {
        final int unpaired = pairReverse(offsets, targets, reverse);
        if (unpaired >= 0)
        {
            final int u = source(offsets, unpaired);
            final int v = targets[unpaired];
            final int lone;
            if (Arrays.binarySearch(targets, offsets[v], offsets[v + 1], u) < 0)
            {
                lone = unpaired;
            }
            else
            {
                lone = firstUnpairedOf(offsets, targets, v, u);
            }
            final int from = source(offsets, lone);
            throw in.fail("an undirected network whose edge from node " + from + " to node " + targets[lone] +
                " has no reverse: the section is corrupt");
        }
        for (int e = 0; e < weights.length; e++)
        {
            final double w = weights[e];
            final double back = weights[reverse[e]];
            if (Double.doubleToRawLongBits(w) != Double.doubleToRawLongBits(back))
            {
                throw in.fail("an undirected link between nodes " + source(offsets, e) + " and " + targets[e] +
                    " weighing " + w + " one way and " + back + " the other: the section is corrupt");
            }
        }
    }

    /**
     * Pairs each edge {@code u -> v} with {@code v -> u} in one pass: taking nodes in order, the edges into
     * {@code v} arrive in ascending {@code u}, which is the order of {@code v}'s own sorted targets, so a cursor
     * per node finds each reverse where it must be.
     *
     * @return -1 if every edge found its reverse (a self-loop is its own), else the first edge that did not.
     */
    static int pairReverse(final int[] offsets, final int[] targets, final int[] reverse)
    {
        final int nodeCount = offsets.length - 1;
        final int[] cursor = Arrays.copyOf(offsets, nodeCount);
        for (int u = 0; u < nodeCount; u++)
        {
            for (int e = offsets[u], end = offsets[u + 1]; e < end; e++)
            {
                final int v = targets[e];
                final int c = cursor[v];
                if (c >= offsets[v + 1] || targets[c] != u)
                {
                    return e;
                }
                reverse[e] = c;
                cursor[v] = c + 1;
            }
        }
        return -1;
    }

    /**
     * @return the node whose edges include {@code edge}.
     */
    static int source(final int[] offsets, final int edge)
    {
        int lo = 0;
        int hi = offsets.length - 2;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= edge)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int firstUnpairedOf(final int[] offsets, final int[] targets, final int node, final int below)
    {
        for (int e = offsets[node], end = offsets[node + 1]; e < end && targets[e] < below; e++)
        {
            final int t = targets[e];
            if (Arrays.binarySearch(targets, offsets[t], offsets[t + 1], node) < 0)
            {
                return e;
            }
        }
        return offsets[node];
    }
}
