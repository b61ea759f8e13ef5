package io.myriad.kernel.space.network;

import io.myriad.kernel.rng.CounterRng;

/**
 * The Erdős–Rényi random graph G(n, p): each pair of distinct nodes (each ordered pair, if directed) is linked
 * with probability p, independently.
 * <p>
 * Rather than draw for every pair, {@code O(n²)}, it draws the gap to the next linked pair from the geometric
 * distribution, {@code floor(log(1 - r) / log(1 - p))} for uniform r (Batagelj and Brandes, 2005), so the work is
 * {@code O(n + m)}. Node {@code u}'s candidates are the nodes below it (undirected) or every other node (directed),
 * and its draws are keyed by {@code u}, so one node's edges do not depend on how many draws another took.
 * Logarithms come from {@link StrictMath}, so the gaps are the same on every machine.
 */
public final class ErdosRenyiGenerator implements NetworkGenerator
{
    private final int nodeCount;
    private final double p;
    private final boolean directed;

    /**
     * @param nodeCount nodes.
     * @param p         probability of each link, in [0, 1].
     * @param directed  true for one-way edges, drawn for each ordered pair; false for links.
     * @throws IllegalArgumentException if p is not a probability, or the network would expect more edges than one
     *                                  can hold.
     */
    public ErdosRenyiGenerator(final int nodeCount, final double p, final boolean directed)
    {
        if (nodeCount < 0)
        {
            throw new IllegalArgumentException("node count must not be negative: " + nodeCount);
        }
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new IllegalArgumentException("p must be a probability, from 0 to 1: " + p);
        }
        final double stored = expectedEdges(nodeCount, p, directed, 8.0) * (directed ? 1 : 2);
        if (stored > NetworkBuilder.MAX_STORED_EDGES)
        {
            throw new IllegalArgumentException("G(" + nodeCount + ", " + p + ") would store about " +
                (long)stored + " edges, more than a network holds (" + NetworkBuilder.MAX_STORED_EDGES +
                "); use a smaller p or fewer nodes");
        }
        this.nodeCount = nodeCount;
        this.p = p;
        this.directed = directed;
    }

    /**
     * {@inheritDoc}
     */
    public int nodeCount()
    {
        return nodeCount;
    }

    /**
     * @return the probability of each link.
     */
    public double p()
    {
        return p;
    }

    /**
     * @return true if edges are one way.
     */
    public boolean isDirected()
    {
        return directed;
    }

    /**
     * {@inheritDoc}
     */
    public Network generate(final String name, final long seed, final int stream)
    {
        final int n = nodeCount;
        final NetworkBuilder builder = new NetworkBuilder(n, directed)
            .expectEdges((int)Math.min(Integer.MAX_VALUE, expectedEdges(n, p, directed, 4.0) + 16));
        if (p == 0.0)
        {
            return builder.build(name);
        }
        final long key = CounterRng.key(seed, stream);
        final double logQ = StrictMath.log1p(-p);
        for (int u = 0; u < n; u++)
        {
            final long candidates = directed ? n - 1 : u;
            long c = -1;
            int draw = 0;
            while (true)
            {
                final double r = CounterRng.uniform(key, 0, u, draw++);
                // p = 1 makes logQ -infinity and every gap 0: the complete graph
                final double gap = Math.floor(StrictMath.log1p(-r) / logQ);
                if (gap >= candidates - 1 - c)
                {
                    break;
                }
                c += 1 + (long)gap;
                final int v = (int)c;
                builder.addEdge(u, directed && v >= u ? v + 1 : v);
            }
        }
        return builder.build(name);
    }

    private static double expectedEdges(final int n, final double p, final boolean directed, final double sigmas)
    {
        final double pairs = directed ? (double)n * (n - 1) : 0.5 * n * (n - 1);
        return pairs * p + sigmas * Math.sqrt(pairs * p * (1 - p));
    }
}
