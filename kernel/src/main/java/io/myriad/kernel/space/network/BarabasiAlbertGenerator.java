package io.myriad.kernel.space.network;

import io.myriad.kernel.rng.CounterRng;

/**
 * The Barabási–Albert scale-free network, undirected: start from a complete graph on nodes {@code 0..m} (each of
 * degree m, so every node can be drawn from the start), then add nodes {@code m+1..n-1} one at a time, each linked
 * to m distinct earlier nodes chosen with probability proportional to their degree.
 * <p>
 * Preferential attachment draws from the list of repeated nodes: every link appends both its ends, so a node
 * appears there as often as its degree and a uniform pick from the list is a pick by degree, {@code O(1)}. A pick
 * already chosen for the same new node is drawn again. The network has exactly
 * {@code m (m + 1) / 2 + (n - m - 1) m} links, every node has degree at least m, and degrees follow a power law
 * with exponent 3. Draws for node t are keyed by t.
 */
public final class BarabasiAlbertGenerator implements NetworkGenerator
{
    private final int nodeCount;
    private final int m;

    /**
     * @param nodeCount nodes, at least {@code m + 1}.
     * @param m         links each new node makes, at least 1.
     * @throws IllegalArgumentException if m is below 1, the node count below {@code m + 1}, or the network would
     *                                  hold more edges than a network can.
     */
    public BarabasiAlbertGenerator(final int nodeCount, final int m)
    {
        if (m < 1)
        {
            throw new IllegalArgumentException("m must be at least 1: " + m);
        }
        if (nodeCount < m + 1)
        {
            throw new IllegalArgumentException("node count must be at least m + 1 = " + (m + 1) + " for the " +
                "complete seed graph: " + nodeCount);
        }
        if (2 * linkCount(nodeCount, m) > NetworkBuilder.MAX_STORED_EDGES)
        {
            throw new IllegalArgumentException("BA(" + nodeCount + ", " + m + ") stores " +
                2 * linkCount(nodeCount, m) + " edges, more than a network holds (" +
                NetworkBuilder.MAX_STORED_EDGES + ")");
        }
        this.nodeCount = nodeCount;
        this.m = m;
    }

    /**
     * @param nodeCount nodes.
     * @param m         links each new node makes.
     * @return links of the network: the seed graph's and m for each later node.
     */
    public static long linkCount(final int nodeCount, final int m)
    {
        return (long)m * (m + 1) / 2 + (long)(nodeCount - m - 1) * m;
    }

    /**
     * {@inheritDoc}
     */
    public int nodeCount()
    {
        return nodeCount;
    }

    /**
     * @return links each new node makes.
     */
    public int m()
    {
        return m;
    }

    /**
     * {@inheritDoc}
     */
    public Network generate(final String name, final long seed, final int stream)
    {
        final int n = nodeCount;
        final int m = this.m;
        final int links = (int)linkCount(n, m);
        final NetworkBuilder builder = new NetworkBuilder(n, false).expectEdges(links);
        final int[] repeated = new int[2 * links];
        int size = 0;
        for (int a = 0; a <= m; a++)
        {
            for (int b = a + 1; b <= m; b++)
            {
                builder.addEdge(a, b);
                repeated[size++] = a;
                repeated[size++] = b;
            }
        }
        final long key = CounterRng.key(seed, stream);
        final int[] chosen = new int[m];
        for (int t = m + 1; t < n; t++)
        {
            int draw = 0;
            for (int c = 0; c < m; c++)
            {
                int v;
                do
                {
                    v = repeated[CounterRng.toBoundedInt(CounterRng.bits(key, 0, t, draw++), size)];
                }
                while (isChosen(chosen, c, v));
                chosen[c] = v;
            }
            for (int c = 0; c < m; c++)
            {
                builder.addEdge(t, chosen[c]);
                repeated[size++] = chosen[c];
                repeated[size++] = t;
            }
        }
        return builder.build(name);
    }

    private static boolean isChosen(final int[] chosen, final int count, final int node)
    {
        for (int i = 0; i < count; i++)
        {
            if (chosen[i] == node)
            {
                return true;
            }
        }
        return false;
    }
}
