package io.myriad.kernel.space.network;

import java.util.Arrays;

/**
 * Collects edges one by one and packs them into a {@link Network}: edges are checked as they come (nodes in range,
 * no self-loop unless allowed, a finite weight), then {@link #build(String)} sorts them by source and target with
 * two stable counting sorts, {@code O(n + m)} and no object per edge, merges duplicates and lays out the
 * compressed sparse rows. In an undirected network {@code (u, v)} and {@code (v, u)} are the same link.
 * <p>
 * Duplicates merge into one edge when their weights are equal, bit for bit; two copies of a link with different
 * weights are an error, since either choice would silently drop a value the caller gave. Building leaves the
 * collected edges as they were, so a builder may build again, or take more edges first.
 */
public final class NetworkBuilder
{
    /** Most stored edges a network holds: its checkpoint section must also fit one int-sized buffer. */
    public static final int MAX_STORED_EDGES = (Integer.MAX_VALUE - 64) / NetworkDescriptor.BYTES_PER_EDGE;
    /** Most nodes a network holds: its offsets must fit a checkpoint section too. */
    public static final int MAX_NODES = (Integer.MAX_VALUE - 64) / Integer.BYTES - 1;
    /** Weight of an edge added without one. */
    public static final double DEFAULT_WEIGHT = 1.0;

    private final int nodeCount;
    private final boolean directed;
    private boolean selfLoops;
    private int[] from;
    private int[] to;
    private double[] weight;
    private int count;
    private int loops;
    private int conflictEarlier = -1;
    private int conflictLater = -1;

    /**
     * @param nodeCount nodes, numbered {@code 0..nodeCount-1}.
     * @param directed  true for one-way edges; false to store each link in both directions.
     */
    public NetworkBuilder(final int nodeCount, final boolean directed)
    {
        if (nodeCount < 0 || nodeCount > MAX_NODES)
        {
            throw new IllegalArgumentException("node count must be from 0 to " + MAX_NODES + ": " + nodeCount);
        }
        this.nodeCount = nodeCount;
        this.directed = directed;
        this.from = new int[16];
        this.to = new int[16];
        this.weight = new double[16];
    }

    /**
     * @param allow true to accept edges from a node to itself; they are refused by default.
     * @return this builder.
     */
    public NetworkBuilder allowSelfLoops(final boolean allow)
    {
        if (!allow && loops > 0)
        {
            throw new IllegalStateException(loops + " self-loops already added");
        }
        this.selfLoops = allow;
        return this;
    }

    /**
     * Makes room for edges in advance, so that a generator that knows how many it will add copies nothing. A hint:
     * more than a network holds is taken as the most it holds.
     *
     * @param edges edges expected in all.
     * @return this builder.
     */
    public NetworkBuilder expectEdges(final int edges)
    {
        final int wanted = Math.min(edges, edgeLimit());
        if (wanted > from.length)
        {
            grow(wanted);
        }
        return this;
    }

    /**
     * @return nodes of the network being built.
     */
    public int nodeCount()
    {
        return nodeCount;
    }

    /**
     * @return true if the network will be directed.
     */
    public boolean isDirected()
    {
        return directed;
    }

    /**
     * @return true if self-loops are accepted.
     */
    public boolean allowsSelfLoops()
    {
        return selfLoops;
    }

    /**
     * @return edges added so far, duplicates included.
     */
    public int addedCount()
    {
        return count;
    }

    /**
     * Adds an edge of weight {@link #DEFAULT_WEIGHT}.
     *
     * @param from the node it leaves.
     * @param to   the node it leads to.
     * @return this builder.
     */
    public NetworkBuilder addEdge(final int from, final int to)
    {
        return addEdge(from, to, DEFAULT_WEIGHT);
    }

    /**
     * @param from   the node it leaves.
     * @param to     the node it leads to.
     * @param weight its weight, finite.
     * @return this builder.
     * @throws IllegalArgumentException if a node is out of range, the edge is a self-loop and those are refused, or
     *                                  the weight is NaN or infinite.
     */
    public NetworkBuilder addEdge(final int from, final int to, final double weight)
    {
        if (from < 0 || from >= nodeCount || to < 0 || to >= nodeCount)
        {
            throw new IllegalArgumentException("edge " + from + " -> " + to + " has a node outside 0 to " +
                (nodeCount - 1));
        }
        if (from == to && !selfLoops)
        {
            throw new IllegalArgumentException("edge " + from + " -> " + to + " is a self-loop; allow self-loops " +
                "to keep it");
        }
        if (!Double.isFinite(weight))
        {
            throw new IllegalArgumentException("edge " + from + " -> " + to + " has weight " + weight +
                "; weights must be finite");
        }
        final int index = count;
        if (index == this.from.length)
        {
            grow(index + 1);
        }
        this.from[index] = from;
        this.to[index] = to;
        this.weight[index] = weight;
        count = index + 1;
        if (from == to)
        {
            loops++;
        }
        return this;
    }

    /**
     * Packs the edges added so far into a network.
     *
     * @param name the network's part name.
     * @return the network.
     * @throws IllegalArgumentException if a link was added twice with different weights; the message numbers both
     *                                  edges from 0 in the order they were added.
     */
    public Network build(final String name)
    {
        final Network network = pack(name);
        if (null == network)
        {
            throw new IllegalArgumentException("edge #" + conflictLater + " (" + from[conflictLater] + " -> " +
                to[conflictLater] + ", weight " + weight[conflictLater] + ") repeats edge #" + conflictEarlier +
                " (" + from[conflictEarlier] + " -> " + to[conflictEarlier] + ") with weight " +
                weight[conflictEarlier] + "; give a link one weight");
        }
        return network;
    }

    /**
     * @return the network, or null if a link came twice with different weights; then {@link #conflictEarlier()}
     *         and {@link #conflictLater()} say which two edges.
     */
    Network pack(final String name)
    {
        conflictEarlier = -1;
        conflictLater = -1;
        final int n = nodeCount;
        final int edges = count;
        final long storedEdges = directed ? edges : 2L * edges - loops;
        if (storedEdges > MAX_STORED_EDGES)
        {
            throw new IllegalStateException(storedEdges + " stored edges, more than a network holds (" +
                MAX_STORED_EDGES + ")");
        }
        final int stored = (int)storedEdges;
        if (NetworkDescriptor.sectionLength(n, stored) > Integer.MAX_VALUE - 8)
        {
            throw new IllegalStateException(n + " nodes and " + stored + " stored edges make a checkpoint section " +
                "of more than 2 GiB, more than a part can write");
        }
        // an arc is one stored direction of an added edge: edge e forwards is e (directed) or 2e, backwards 2e + 1
        final int shift = directed ? 0 : 1;
        final int[] byTarget = new int[n + 1];
        final int[] rows = new int[n + 1];
        for (int e = 0; e < edges; e++)
        {
            final int a = from[e];
            final int b = to[e];
            byTarget[b + 1]++;
            rows[a + 1]++;
            if (shift == 1 && a != b)
            {
                byTarget[a + 1]++;
                rows[b + 1]++;
            }
        }
        prefixSum(byTarget);
        prefixSum(rows);
        // first sort, by target, stable in the order edges were added; each arc takes its source along, so that
        // neither sort reads the added edges out of order
        final int[] arcsByTarget = new int[stored];
        final int[] sourcesByTarget = new int[stored];
        for (int e = 0; e < edges; e++)
        {
            final int a = from[e];
            final int b = to[e];
            int p = byTarget[b]++;
            arcsByTarget[p] = e << shift;
            sourcesByTarget[p] = a;
            if (shift == 1 && a != b)
            {
                p = byTarget[a]++;
                arcsByTarget[p] = (e << 1) | 1;
                sourcesByTarget[p] = b;
            }
        }
        // second sort, by source, stable, so within a source by target and then in the order added; byTarget[t]
        // is now the end of target t's run
        final int[] cursor = Arrays.copyOf(rows, n);
        final int[] arcs = new int[stored];
        final int[] targets = new int[stored];
        for (int t = 0, i = 0; t < n; t++)
        {
            for (final int stop = byTarget[t]; i < stop; i++)
            {
                final int p = cursor[sourcesByTarget[i]]++;
                arcs[p] = arcsByTarget[i];
                targets[p] = t;
            }
        }
        // merge duplicates, the first added kept, compacting targets in place
        final double[] weights = new double[stored];
        final int[] offsets = new int[n + 1];
        int out = 0;
        for (int u = 0; u < n; u++)
        {
            offsets[u] = out;
            int kept = -1;
            for (int i = rows[u], end = rows[u + 1]; i < end; i++)
            {
                final int e = arcs[i] >>> shift;
                final int v = targets[i];
                if (kept >= 0 && targets[out - 1] == v)
                {
                    if (Double.doubleToRawLongBits(weight[e]) != Double.doubleToRawLongBits(weight[kept]))
                    {
                        conflictEarlier = kept;
                        conflictLater = e;
                        return null;
                    }
                }
                else
                {
                    targets[out] = v;
                    weights[out] = weight[e];
                    kept = e;
                    out++;
                }
            }
        }
        offsets[n] = out;
        return network(name, offsets, out == stored ? targets : Arrays.copyOf(targets, out),
            out == stored ? weights : Arrays.copyOf(weights, out));
    }

    int addedFrom(final int edge)
    {
        return from[edge];
    }

    int addedTo(final int edge)
    {
        return to[edge];
    }

    double addedWeight(final int edge)
    {
        return weight[edge];
    }

    int conflictEarlier()
    {
        return conflictEarlier;
    }

    int conflictLater()
    {
        return conflictLater;
    }

    private Network network(final String name, final int[] offsets, final int[] targets, final double[] weights)
    {
        int[] reverse = null;
        if (!directed)
        {
            reverse = new int[targets.length];
            if (NetworkChecks.pairReverse(offsets, targets, reverse) >= 0)
            {
                throw new IllegalStateException("an undirected edge without its reverse: a bug in the builder");
            }
        }
        return new Network(name, nodeCount, directed, selfLoops, offsets, targets, weights, reverse);
    }

    private static void prefixSum(final int[] counts)
    {
        for (int i = 1; i < counts.length; i++)
        {
            counts[i] += counts[i - 1];
        }
    }

    private int edgeLimit()
    {
        return directed ? MAX_STORED_EDGES : MAX_STORED_EDGES / 2;
    }

    private void grow(final int atLeast)
    {
        final int limit = edgeLimit();
        if (atLeast > limit)
        {
            throw new IllegalStateException("more than " + limit + " edges, more than a network holds");
        }
        final int capacity = (int)Math.min(limit, Math.max(atLeast, 2L * from.length));
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
        weight = Arrays.copyOf(weight, capacity);
    }
}
