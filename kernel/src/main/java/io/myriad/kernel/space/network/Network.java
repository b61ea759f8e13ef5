package io.myriad.kernel.space.network;

import java.util.Arrays;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartFormatException;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

/**
 * A fixed set of nodes {@code 0..n-1}, the agent indices of one agent type, joined by weighted edges stored as
 * compressed sparse rows: the edges leaving node {@code u} are the indices {@code firstEdge(u)} (inclusive) to
 * {@code endEdge(u)} (exclusive), and their targets ascend, so neighbours are always visited in the same order and
 * {@link #findEdge(int, int)} is a binary search. Visiting a node's neighbours reads two offsets and one contiguous
 * run of targets and weights, and allocates nothing:
 * <pre>{@code
 * for (int e = network.firstEdge(u), end = network.endEdge(u); e < end; e++)
 * {
 *     final int v = network.target(e);
 *     final double w = network.weight(e);
 * }
 * }</pre>
 * An undirected network stores each link in both directions and knows each edge's reverse, so that
 * {@link #setWeight(int, double)} keeps the two directions equal; a self-loop, where allowed, is stored once and is
 * its own reverse. The structure is fixed once built by a {@link NetworkBuilder}; weights may change during a run.
 * <p>
 * As a {@link Part}, the network hashes its structure and every weight by its raw bits, and its checkpoint section
 * ({@link NetworkDescriptor}) holds its configuration and its arrays. Reading one back refuses another node count,
 * direction or self-loop rule and any section whose arrays are not a valid network, and leaves the network as it
 * was when it refuses. Reads are safe from any number of threads while nothing writes; weights change between
 * steps or in the apply stage, never from parallel phases, since an undirected edge's reverse belongs to
 * another node.
 */
public final class Network implements Part
{
    private final String name;
    private final int nodeCount;
    private final boolean directed;
    private final boolean selfLoops;
    private int[] offsets;
    private int[] targets;
    private double[] weights;
    private int[] reverse;
    private int linkCount;

    Network(
        final String name,
        final int nodeCount,
        final boolean directed,
        final boolean selfLoops,
        final int[] offsets,
        final int[] targets,
        final double[] weights,
        final int[] reverse)
    {
        this.name = name;
        this.nodeCount = nodeCount;
        this.directed = directed;
        this.selfLoops = selfLoops;
        install(offsets, targets, weights, reverse);
    }

    /**
     * A network with nodes and no edges, to declare among a model's parts before the run's seed is known; the
     * model's {@code initialise} then fills it with {@link #copyFrom(Network)}, from a generator seeded by the world,
     * and a checkpoint's restore replaces it whole.
     *
     * @param name      the part's name.
     * @param nodeCount nodes, at least 0.
     * @param directed  true for a directed network.
     * @param selfLoops true to allow edges from a node to itself.
     * @return the empty network.
     */
    public static Network empty(final String name, final int nodeCount, final boolean directed, final boolean selfLoops)
    {
        return new NetworkBuilder(nodeCount, directed).allowSelfLoops(selfLoops).build(name);
    }

    /**
     * Replaces this network's edges and weights by a copy of another's of the same shape: how a network declared
     * empty takes the one a generator or a file built.
     *
     * @param built a network of the same node count, direction and self-loop rule.
     * @return this network.
     * @throws IllegalArgumentException if the shapes differ.
     */
    public Network copyFrom(final Network built)
    {
        if (built.nodeCount != nodeCount || built.directed != directed || built.selfLoops != selfLoops)
        {
            throw new IllegalArgumentException("network " + name + " (" + nodeCount + " nodes, " +
                (directed ? "directed" : "undirected") + ", self-loops " + (selfLoops ? "allowed" : "refused") +
                ") cannot take the edges of " + built);
        }
        install(built.offsets.clone(), built.targets.clone(), built.weights.clone(),
            built.reverse == null ? null : built.reverse.clone());
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * @return nodes, numbered from 0.
     */
    public int nodeCount()
    {
        return nodeCount;
    }

    /**
     * @return stored edges, the range of edge indices: an undirected network stores each link twice, once from
     *         each end, and a self-loop once.
     */
    public int edgeCount()
    {
        return targets.length;
    }

    /**
     * @return links as a graph counts them: {@link #edgeCount()} if directed, otherwise each pair of reverse edges
     *         (and each self-loop) once.
     */
    public int linkCount()
    {
        return linkCount;
    }

    /**
     * @return true if edges go one way, false if every edge has its reverse.
     */
    public boolean isDirected()
    {
        return directed;
    }

    /**
     * @return true if an edge may join a node to itself.
     */
    public boolean allowsSelfLoops()
    {
        return selfLoops;
    }

    /**
     * @param node a node.
     * @return edges leaving it (for an undirected network, its neighbours).
     */
    public int degree(final int node)
    {
        return offsets[node + 1] - offsets[node];
    }

    /**
     * @param node a node.
     * @return index of its first edge.
     */
    public int firstEdge(final int node)
    {
        return offsets[node];
    }

    /**
     * @param node a node.
     * @return one past the index of its last edge, which is the first edge of the next node.
     */
    public int endEdge(final int node)
    {
        return offsets[node + 1];
    }

    /**
     * @param edge an edge index.
     * @return the node it leads to.
     */
    public int target(final int edge)
    {
        return targets[edge];
    }

    /**
     * @param edge an edge index.
     * @return its weight.
     */
    public double weight(final int edge)
    {
        return weights[edge];
    }

    /**
     * Sets an edge's weight and, in an undirected network, its reverse's. Not checked: a model may give any value,
     * and the state hash and checkpoint keep it bit for bit.
     *
     * @param edge   an edge index.
     * @param weight the new weight.
     */
    public void setWeight(final int edge, final double weight)
    {
        weights[edge] = weight;
        final int[] reverse = this.reverse;
        if (null != reverse)
        {
            weights[reverse[edge]] = weight;
        }
    }

    /**
     * @param edge an edge index.
     * @return in an undirected network the index of the same link stored from its other end (a self-loop's is
     *         itself); in a directed network -1, as an edge there has no reverse of its own.
     */
    public int reverseEdge(final int edge)
    {
        return null == reverse ? -1 : reverse[edge];
    }

    /**
     * @param from the node the edge leaves.
     * @param to   the node it leads to.
     * @return the edge's index, or -1 if there is none; {@code O(log degree(from))}.
     */
    public int findEdge(final int from, final int to)
    {
        final int found = Arrays.binarySearch(targets, offsets[from], offsets[from + 1], to);
        return found >= 0 ? found : -1;
    }

    /**
     * Folds in the configuration, then the offsets, the targets and every weight by its raw bits.
     *
     * @param hasher the world's hash, in progress.
     */
    public void hash(final StateHasher hasher)
    {
        final int edgeCount = targets.length;
        hasher.word(directed ? 1 : 0).word(selfLoops ? 1 : 0).word(nodeCount);
        hasher.ints(offsets, nodeCount + 1);
        hasher.ints(targets, edgeCount);
        hasher.word(edgeCount);
        final double[] weights = this.weights;
        for (int e = 0; e < edgeCount; e++)
        {
            hasher.doubleValue(weights[e]);
        }
    }

    /**
     * Writes the section laid out in {@link NetworkDescriptor}.
     *
     * @param out the section, from its start.
     */
    public void write(final PartWriter out)
    {
        final int edgeCount = targets.length;
        out.putInt(NetworkDescriptor.VERSION)
            .putInt(directed ? 1 : 0)
            .putInt(selfLoops ? 1 : 0)
            .putInt(nodeCount)
            .putInt(edgeCount)
            .putInts(offsets, nodeCount + 1)
            .putInts(targets, edgeCount);
        final double[] weights = this.weights;
        for (int e = 0; e < edgeCount; e++)
        {
            out.putDouble(weights[e]);
        }
    }

    /**
     * Reads a section laid out in {@link NetworkDescriptor}, checks it whole, and only then replaces this
     * network's edges and weights with it.
     *
     * @param in the section, from its start.
     * @throws PartFormatException if the section is of another version, node count, direction or self-loop rule,
     *                             is cut short or too long, or its arrays are not a valid network, naming what and
     *                             where.
     */
    public void read(final PartReader in)
    {
        final int version = in.getInt();
        if (version != NetworkDescriptor.VERSION)
        {
            throw in.fail("network section version " + version + ", this build reads version " +
                NetworkDescriptor.VERSION);
        }
        expectFlag(in, in.getInt(), directed, "a directed network", "an undirected network", "directed flag");
        expectFlag(in, in.getInt(), selfLoops, "self-loops allowed", "self-loops refused", "self-loops flag");
        final int nodes = in.getInt();
        if (nodes != nodeCount)
        {
            throw in.fail("a network of " + nodes + " nodes, this run's has " + nodeCount +
                "; restore into a network declared with " + nodes + " nodes, or start a new run");
        }
        final int edgeCount = in.getInt();
        final long needed = NetworkDescriptor.sectionLength(nodeCount, edgeCount) - NetworkDescriptor.OFFSETS_OFFSET;
        if (edgeCount < 0 || needed > in.remaining())
        {
            throw in.fail("an edge count of " + edgeCount + " that needs " + needed + " more bytes, and " +
                in.remaining() + " are left: the section is cut short or corrupt");
        }
        final int[] offsets = new int[nodeCount + 1];
        in.getInts(offsets, nodeCount + 1);
        NetworkChecks.checkOffsets(in, offsets, nodeCount, edgeCount);
        final int[] targets = new int[edgeCount];
        in.getInts(targets, edgeCount);
        NetworkChecks.checkTargets(in, offsets, targets, nodeCount, selfLoops);
        final double[] weights = new double[edgeCount];
        for (int e = 0; e < edgeCount; e++)
        {
            weights[e] = in.getDouble();
        }
        in.expectEnd();
        int[] reverse = null;
        if (!directed)
        {
            reverse = new int[edgeCount];
            NetworkChecks.checkReverse(in, offsets, targets, weights, reverse);
        }
        install(offsets, targets, weights, reverse);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "network " + name + ": " + nodeCount + " nodes, " + linkCount() + (directed ? " directed" : "") +
            " links";
    }

    private void install(final int[] offsets, final int[] targets, final double[] weights, final int[] reverse)
    {
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.reverse = reverse;
        int links = targets.length;
        if (null != reverse)
        {
            int loops = 0;
            for (int e = 0; e < reverse.length; e++)
            {
                if (reverse[e] == e)
                {
                    loops++;
                }
            }
            links = (targets.length + loops) >> 1;
        }
        this.linkCount = links;
    }

    private static void expectFlag(
        final PartReader in,
        final int flag,
        final boolean expected,
        final String whenSet,
        final String whenClear,
        final String what)
    {
        if (flag != 0 && flag != 1)
        {
            throw in.fail("a " + what + " of " + flag + ", neither 0 nor 1: the section is corrupt");
        }
        if ((flag == 1) != expected)
        {
            throw in.fail((flag == 1 ? whenSet : whenClear) + ", this run's has " + (expected ? whenSet : whenClear) +
                "; restore into a network declared the same way, or start a new run");
        }
    }
}
