package io.myriad.kernel.space.network;

import java.util.Arrays;

import io.myriad.kernel.rng.CounterRng;

import org.agrona.collections.LongHashSet;

/**
 * The Watts–Strogatz small world: a ring of n nodes, each linked to its k nearest neighbours (k/2 on each side),
 * whose links are then rewired with probability beta, undirected.
 * <p>
 * Rewiring goes as in the original paper and NetworkX: for each distance {@code j = 1..k/2}, for each node u in
 * order, the link {@code u - (u + j) mod n} is, with probability beta, replaced by {@code u - w} for a node w drawn
 * uniformly among those that are not u and not yet linked to u (left alone if u is linked to every other node).
 * So there are never self-loops nor duplicates, the number of links stays {@code n k / 2} and the mean degree
 * {@code k}; beta = 0 leaves the ring lattice, beta = 1 is close to a random graph. The draws for one link are
 * keyed by (j, u), and which links exist is kept in a primitive hash set used only for membership, so the result
 * does not depend on its iteration order.
 */
public final class WattsStrogatzGenerator implements NetworkGenerator
{
    private final int nodeCount;
    private final int k;
    private final double beta;

    /**
     * @param nodeCount nodes on the ring.
     * @param k         neighbours of each node in the lattice: even, and below the node count (or 0).
     * @param beta      probability of rewiring each link, in [0, 1].
     * @throws IllegalArgumentException if k is odd, negative or not below the node count, or beta is not a
     *                                  probability.
     */
    public WattsStrogatzGenerator(final int nodeCount, final int k, final double beta)
    {
        if (nodeCount < 0)
        {
            throw new IllegalArgumentException("node count must not be negative: " + nodeCount);
        }
        if (k < 0 || (k & 1) != 0 || (k > 0 && k >= nodeCount))
        {
            throw new IllegalArgumentException("k must be even, from 0 to below the node count " + nodeCount + ": " +
                k);
        }
        if (!(beta >= 0.0 && beta <= 1.0))
        {
            throw new IllegalArgumentException("beta must be a probability, from 0 to 1: " + beta);
        }
        if ((long)nodeCount * k > NetworkBuilder.MAX_STORED_EDGES)
        {
            throw new IllegalArgumentException("a ring of " + nodeCount + " nodes of degree " + k + " stores more " +
                "edges than a network holds (" + NetworkBuilder.MAX_STORED_EDGES + ")");
        }
        this.nodeCount = nodeCount;
        this.k = k;
        this.beta = beta;
    }

    /**
     * {@inheritDoc}
     */
    public int nodeCount()
    {
        return nodeCount;
    }

    /**
     * @return neighbours of each node in the lattice.
     */
    public int k()
    {
        return k;
    }

    /**
     * @return probability of rewiring each link.
     */
    public double beta()
    {
        return beta;
    }

    /**
     * {@inheritDoc}
     */
    public Network generate(final String name, final long seed, final int stream)
    {
        final int n = nodeCount;
        final int half = k >> 1;
        final int links = n * half;
        final int[] ends = new int[links];
        for (int j = 1; j <= half; j++)
        {
            for (int u = 0; u < n; u++)
            {
                ends[(j - 1) * n + u] = (u + j) % n;
            }
        }
        if (beta > 0.0)
        {
            rewire(ends, CounterRng.key(seed, stream));
        }
        final NetworkBuilder builder = new NetworkBuilder(n, false).expectEdges(links);
        for (int e = 0; e < links; e++)
        {
            builder.addEdge(e % n, ends[e]);
        }
        return builder.build(name);
    }

    private void rewire(final int[] ends, final long key)
    {
        final int n = nodeCount;
        final int half = k >> 1;
        final int[] degree = new int[n];
        Arrays.fill(degree, k);
        final LongHashSet linked = new LongHashSet(Math.max(16, ends.length));
        for (int e = 0; e < ends.length; e++)
        {
            linked.add(pair(e % n, ends[e]));
        }
        for (int j = 1; j <= half; j++)
        {
            for (int u = 0; u < n; u++)
            {
                if (CounterRng.uniform(key, j, u, 0) < beta && degree[u] < n - 1)
                {
                    int draw = 1;
                    int w;
                    do
                    {
                        w = CounterRng.toBoundedInt(CounterRng.bits(key, j, u, draw++), n);
                    }
                    while (w == u || linked.contains(pair(u, w)));
                    final int e = (j - 1) * n + u;
                    final int v = ends[e];
                    linked.remove(pair(u, v));
                    linked.add(pair(u, w));
                    degree[v]--;
                    degree[w]++;
                    ends[e] = w;
                }
            }
        }
    }

    private long pair(final int a, final int b)
    {
        return a < b ? (long)a * nodeCount + b : (long)b * nodeCount + a;
    }
}
