package io.myriad.kernel.space.network;

import java.nio.ByteOrder;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartFormatException;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkPartTest
{
    private static final int NODES = 500;

    private final StateHasher hasher = new StateHasher().reset();
    private final PartWriter writer = new PartWriter();

    @ParameterizedTest(name = "directed={0}")
    @ValueSource(booleans = { true, false })
    void shouldReadBackWhatItWroteWithAnEqualHash(final boolean directed)
    {
        final Network original = weighted(directed);
        final Network fresh = new NetworkBuilder(NODES, directed).build("net");
        assertNotEquals(hash(original), hash(fresh));

        fresh.read(reader(section(original)));

        assertEquals(hash(original), hash(fresh));
        assertEquals(original.edgeCount(), fresh.edgeCount());
        assertEquals(original.linkCount(), fresh.linkCount());
        for (int e = 0; e < original.edgeCount(); e++)
        {
            assertEquals(original.target(e), fresh.target(e));
            assertEquals(original.weight(e), fresh.weight(e));
            assertEquals(original.reverseEdge(e), fresh.reverseEdge(e));
        }
    }

    @Test
    void shouldKeepReverseWeightsInStepAfterARead()
    {
        final Network fresh = new NetworkBuilder(NODES, false).build("net");
        fresh.read(reader(section(weighted(false))));
        final int edge = fresh.firstEdge(7);
        fresh.setWeight(edge, 123.0);
        assertEquals(123.0, fresh.weight(fresh.findEdge(fresh.target(edge), 7)));
    }

    @Test
    void shouldRefuseAnotherNodeCount()
    {
        final Network other = new NetworkBuilder(NODES + 1, false).build("net");
        final PartFormatException ex = refused(other, section(weighted(false)));
        assertTrue(ex.getMessage().contains("part net: the checkpoint has a network of 500 nodes, this run's has 501"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseAnotherDirection()
    {
        final PartFormatException toDirected = refused(
            new NetworkBuilder(NODES, true).build("net"), section(weighted(false)));
        assertTrue(toDirected.getMessage().contains("an undirected network, this run's has a directed network"),
            toDirected.getMessage());
        final PartFormatException toUndirected = refused(
            new NetworkBuilder(NODES, false).build("net"), section(weighted(true)));
        assertTrue(toUndirected.getMessage().contains("a directed network, this run's has an undirected network"),
            toUndirected.getMessage());
    }

    @Test
    void shouldRefuseAnotherSelfLoopRule()
    {
        final Network loose = new NetworkBuilder(NODES, false).allowSelfLoops(true).build("net");
        final PartFormatException ex = refused(loose, section(weighted(false)));
        assertTrue(ex.getMessage().contains("self-loops refused, this run's has self-loops allowed"), ex.getMessage());
    }

    @Test
    void shouldRefuseASectionCutShortAnywhere()
    {
        final UnsafeBuffer section = section(weighted(false));
        final int length = section.capacity();
        final int targets = (int)NetworkDescriptor.targetsOffset(NODES);
        for (final int cut : new int[]{ 0, 3, NetworkDescriptor.EDGE_COUNT_OFFSET + 2, targets - 1, targets + 5,
            length - 8, length - 1 })
        {
            final Network fresh = new NetworkBuilder(NODES, false).build("net");
            final PartFormatException ex = assertThrows(
                PartFormatException.class, () -> fresh.read(new PartReader("net").wrap(section, 0, cut)));
            assertTrue(ex.getMessage().contains("cut short"), cut + ": " + ex.getMessage());
        }
    }

    @Test
    void shouldRefuseBytesBeyondTheNetwork()
    {
        final Network network = weighted(false);
        network.write(writer.reset());
        writer.putInt(0);
        final UnsafeBuffer section = copy();
        final PartFormatException ex = refused(new NetworkBuilder(NODES, false).build("net"), section);
        assertTrue(ex.getMessage().contains("4 bytes more"), ex.getMessage());
    }

    @Test
    void shouldRefuseAnotherVersion()
    {
        final UnsafeBuffer section = section(weighted(false));
        putInt(section, NetworkDescriptor.VERSION_OFFSET, 99);
        assertMessage(false, section, "network section version 99");
    }

    @Test
    void shouldRefuseAnEdgeCountTheSectionCannotHold()
    {
        final UnsafeBuffer section = section(weighted(false));
        putInt(section, NetworkDescriptor.EDGE_COUNT_OFFSET, Integer.MAX_VALUE);
        assertMessage(false, section, "an edge count of 2147483647");
        putInt(section, NetworkDescriptor.EDGE_COUNT_OFFSET, -5);
        assertMessage(false, section, "an edge count of -5");
    }

    @Test
    void shouldRefuseOffsetsThatAreNotMonotonic()
    {
        final UnsafeBuffer section = section(weighted(false));
        final int node = 10;
        putInt(section, NetworkDescriptor.OFFSETS_OFFSET + 4 * node, Integer.MAX_VALUE / 2);
        assertMessage(false, section, "offsets that decrease at node 10");
    }

    @Test
    void shouldRefuseATargetOutOfRange()
    {
        final UnsafeBuffer section = section(weighted(true));
        putInt(section, (int)NetworkDescriptor.targetsOffset(NODES) + 4 * 3, NODES);
        assertMessage(true, section, "to node 500, outside 0 to 499");
    }

    @Test
    void shouldRefuseTargetsOutOfOrder()
    {
        final Network network = new NetworkBuilder(NODES, true).addEdge(0, 1).addEdge(0, 2).build("net");
        final UnsafeBuffer section = section(network);
        putInt(section, (int)NetworkDescriptor.targetsOffset(NODES) + 4, 1);
        assertMessage(true, section, "node 0's edges out of order or repeated");
    }

    @Test
    void shouldRefuseAnUndirectedEdgeWithoutItsReverse()
    {
        final Network network = new NetworkBuilder(NODES, false).addEdge(0, 1).addEdge(2, 3).build("net");
        final UnsafeBuffer section = section(network);
        // edges: 0->1, 1->0, 2->3, 3->2; point 3->2 at 4 instead
        putInt(section, (int)NetworkDescriptor.targetsOffset(NODES) + 4 * 3, 4);
        assertMessage(false, section, "edge from node 2 to node 3 has no reverse");
    }

    @Test
    void shouldRefuseAnUndirectedLinkOfTwoWeights()
    {
        final Network network = new NetworkBuilder(NODES, false).addEdge(0, 1).build("net");
        final UnsafeBuffer section = section(network);
        section.putDouble((int)NetworkDescriptor.weightsOffset(NODES, 2) + 8, 2.0, ByteOrder.LITTLE_ENDIAN);
        assertMessage(false, section, "weighing 1.0 one way and 2.0 the other");
    }

    @Test
    void shouldRefuseASelfLoopInANetworkThatRefusesThem()
    {
        final Network network = new NetworkBuilder(NODES, true).addEdge(5, 6).build("net");
        final UnsafeBuffer section = section(network);
        putInt(section, (int)NetworkDescriptor.targetsOffset(NODES), 5);
        assertMessage(true, section, "a self-loop at node 5");
    }

    @Test
    void shouldChangeTheHashWhenOneWeightChanges()
    {
        final Network network = weighted(false);
        final long before = hash(network);
        final int edge = network.findEdge(3, network.target(network.firstEdge(3)));
        final double weight = network.weight(edge);
        network.setWeight(edge, Math.nextUp(weight));
        assertNotEquals(before, hash(network));
        network.setWeight(edge, weight);
        assertEquals(before, hash(network));

        final Network zero = new NetworkBuilder(2, true).addEdge(0, 1, 0.0).build("net");
        final long positive = hash(zero);
        zero.setWeight(0, -0.0);
        assertNotEquals(positive, hash(zero));
    }

    @Test
    void shouldHashTheStructure()
    {
        final long a = hash(new NetworkBuilder(4, true).addEdge(0, 1).addEdge(2, 3).build("net"));
        final long b = hash(new NetworkBuilder(4, true).addEdge(0, 1).addEdge(3, 2).build("net"));
        final long c = hash(new NetworkBuilder(4, false).addEdge(0, 1).addEdge(2, 3).build("net"));
        assertNotEquals(a, b);
        assertNotEquals(a, c);
    }

    private void assertMessage(final boolean directed, final UnsafeBuffer section, final String expected)
    {
        final Network fresh = new NetworkBuilder(NODES, directed).build("net");
        final long before = hash(fresh);
        final PartFormatException ex = refused(fresh, section);
        assertTrue(ex.getMessage().startsWith("part net: the checkpoint has "), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
        assertEquals(before, hash(fresh), "a refused read leaves the network as it was");
    }

    private static PartFormatException refused(final Network network, final UnsafeBuffer section)
    {
        return assertThrows(PartFormatException.class, () -> network.read(reader(section)));
    }

    private static Network weighted(final boolean directed)
    {
        final Network network = directed ?
            new ErdosRenyiGenerator(NODES, 0.02, true).generate("net", 11L, 3) :
            new BarabasiAlbertGenerator(NODES, 2).generate("net", 11L, 3);
        for (int e = 0; e < network.edgeCount(); e += 3)
        {
            network.setWeight(e, e * 0.001 - 0.5);
        }
        return network;
    }

    private long hash(final Network network)
    {
        network.hash(hasher.reset());
        return hasher.finish();
    }

    private UnsafeBuffer section(final Network network)
    {
        network.write(writer.reset());
        return copy();
    }

    private UnsafeBuffer copy()
    {
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }

    private static PartReader reader(final UnsafeBuffer section)
    {
        return new PartReader("net").wrap(section, 0, section.capacity());
    }

    private static void putInt(final UnsafeBuffer section, final int offset, final int value)
    {
        section.putInt(offset, value, ByteOrder.LITTLE_ENDIAN);
    }
}
