package io.myriad.kernel.space.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkBuilderTest
{
    @ParameterizedTest(name = "directed={0}")
    @ValueSource(booleans = { true, false })
    void shouldPackTheSameAdjacencyAsABruteForceMap(final boolean directed)
    {
        final int n = 300;
        final Random random = new Random(42);
        final NetworkBuilder builder = new NetworkBuilder(n, directed).allowSelfLoops(true);
        final List<TreeMap<Integer, Double>> expected = new ArrayList<>();
        for (int u = 0; u < n; u++)
        {
            expected.add(new TreeMap<>());
        }
        for (int i = 0; i < 5000; i++)
        {
            // a small range of nodes for the sources makes duplicates and empty nodes likely
            final int from = random.nextInt(n / 3);
            final int to = random.nextInt(n);
            // a weight per link, so duplicates agree and the weight shows which link it came from
            final double linkWeight = directed ? from * 1000.0 + to : Math.min(from, to) * 1000.0 + Math.max(from, to);
            builder.addEdge(from, to, linkWeight);
            expected.get(from).putIfAbsent(to, linkWeight);
            if (!directed)
            {
                expected.get(to).putIfAbsent(from, linkWeight);
            }
        }
        final Network network = builder.build("net");

        int edges = 0;
        for (int u = 0; u < n; u++)
        {
            final TreeMap<Integer, Double> row = expected.get(u);
            assertEquals(row.size(), network.degree(u), "degree of " + u);
            assertEquals(edges, network.firstEdge(u));
            int e = network.firstEdge(u);
            for (final var entry : row.entrySet())
            {
                assertEquals(entry.getKey(), network.target(e));
                assertEquals(entry.getValue(), network.weight(e));
                e++;
            }
            assertEquals(e, network.endEdge(u));
            edges += row.size();
        }
        assertEquals(edges, network.edgeCount());
        assertEquals(n, network.nodeCount());
        assertEquals(directed, network.isDirected());
    }

    @Test
    void shouldMergeDuplicatesOfEqualWeight()
    {
        final Network directed = new NetworkBuilder(4, true)
            .addEdge(0, 1).addEdge(0, 1).addEdge(1, 0).addEdge(2, 3, 0.5).addEdge(2, 3, 0.5)
            .build("net");
        assertEquals(3, directed.edgeCount());
        assertEquals(3, directed.linkCount());

        final Network undirected = new NetworkBuilder(4, false)
            .addEdge(0, 1).addEdge(1, 0).addEdge(0, 1).addEdge(3, 2, 0.5).addEdge(2, 3, 0.5)
            .build("net");
        assertEquals(4, undirected.edgeCount());
        assertEquals(2, undirected.linkCount());
        assertEquals(1, undirected.degree(0));
        assertEquals(0.5, undirected.weight(undirected.findEdge(2, 3)));
    }

    @Test
    void shouldRefuseALinkGivenTwiceWithDifferentWeights()
    {
        final NetworkBuilder builder = new NetworkBuilder(4, false).addEdge(0, 1).addEdge(2, 3, 0.5)
            .addEdge(3, 2, 0.75);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> builder.build("net"));
        assertTrue(ex.getMessage().contains("edge #2 (3 -> 2, weight 0.75) repeats edge #1"), ex.getMessage());
    }

    @Test
    void shouldRefuseSelfLoopsUnlessAllowed()
    {
        final NetworkBuilder builder = new NetworkBuilder(3, false);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> builder.addEdge(1, 1));
        assertTrue(ex.getMessage().contains("self-loop"), ex.getMessage());
        assertEquals(0, builder.addedCount());
    }

    @Test
    void shouldStoreAnAllowedUndirectedSelfLoopOnceAsItsOwnReverse()
    {
        final Network network = new NetworkBuilder(3, false).allowSelfLoops(true)
            .addEdge(1, 1, 2.0).addEdge(0, 1).addEdge(1, 2).build("net");
        assertEquals(3, network.degree(1));
        assertEquals(5, network.edgeCount());
        assertEquals(3, network.linkCount());
        final int loop = network.findEdge(1, 1);
        assertEquals(loop, network.reverseEdge(loop));
        network.setWeight(loop, 3.0);
        assertEquals(3.0, network.weight(loop));
    }

    @Test
    void shouldRefuseNodesOutOfRangeAndWeightsThatAreNotFinite()
    {
        final NetworkBuilder builder = new NetworkBuilder(3, true);
        assertThrows(IllegalArgumentException.class, () -> builder.addEdge(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> builder.addEdge(0, 3));
        assertThrows(IllegalArgumentException.class, () -> builder.addEdge(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> builder.addEdge(0, 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new NetworkBuilder(-1, true));
        assertEquals(0, builder.addedCount());
    }

    @Test
    void shouldStoreEveryUndirectedLinkBothWaysWithItsReverse()
    {
        final Random random = new Random(7);
        final NetworkBuilder builder = new NetworkBuilder(200, false);
        for (int i = 0; i < 2000; i++)
        {
            final int a = random.nextInt(200);
            final int b = random.nextInt(200);
            if (a != b)
            {
                builder.addEdge(a, b);
            }
        }
        final Network network = builder.build("net");
        for (int u = 0; u < network.nodeCount(); u++)
        {
            for (int e = network.firstEdge(u); e < network.endEdge(u); e++)
            {
                final int v = network.target(e);
                final int back = network.reverseEdge(e);
                assertEquals(network.findEdge(v, u), back);
                assertEquals(u, network.target(back));
                assertEquals(e, network.reverseEdge(back));
            }
        }
        assertEquals(network.edgeCount(), 2 * network.linkCount());
    }

    @Test
    void shouldFindEdgesByBinarySearch()
    {
        final Network network = new NetworkBuilder(6, true)
            .addEdge(0, 5).addEdge(0, 1).addEdge(0, 3).addEdge(4, 0).build("net");
        assertEquals(0, network.findEdge(0, 1));
        assertEquals(1, network.findEdge(0, 3));
        assertEquals(2, network.findEdge(0, 5));
        assertEquals(3, network.findEdge(4, 0));
        assertEquals(-1, network.findEdge(0, 4));
        assertEquals(-1, network.findEdge(0, 0));
        assertEquals(-1, network.findEdge(1, 0));
        assertEquals(-1, network.findEdge(5, 5));
        assertEquals(-1, network.reverseEdge(0));
    }

    @Test
    void shouldChangeBothDirectionsOfAnUndirectedLink()
    {
        final Network network = new NetworkBuilder(5, false).addEdge(1, 3).addEdge(3, 4).addEdge(0, 3).build("net");
        final int forward = network.findEdge(1, 3);
        final int backward = network.findEdge(3, 1);
        network.setWeight(forward, 0.25);
        assertEquals(0.25, network.weight(backward));
        network.setWeight(backward, -4.0);
        assertEquals(-4.0, network.weight(forward));
        assertEquals(1.0, network.weight(network.findEdge(3, 4)));
    }

    @Test
    void shouldChangeOnlyOneDirectionOfADirectedEdge()
    {
        final Network network = new NetworkBuilder(2, true).addEdge(0, 1).addEdge(1, 0).build("net");
        network.setWeight(network.findEdge(0, 1), 9.0);
        assertEquals(1.0, network.weight(network.findEdge(1, 0)));
    }

    @Test
    void shouldBuildAnEmptyNetworkAndBuildAgain()
    {
        final NetworkBuilder builder = new NetworkBuilder(3, true);
        final Network empty = builder.build("net");
        assertEquals(0, empty.edgeCount());
        assertEquals(0, empty.degree(2));
        builder.addEdge(2, 0);
        final Network one = builder.build("net");
        assertEquals(1, one.edgeCount());
        assertFalse(new NetworkBuilder(0, false).build("none").edgeCount() > 0);
    }
}
