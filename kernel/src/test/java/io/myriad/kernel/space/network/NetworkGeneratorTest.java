package io.myriad.kernel.space.network;

import java.util.stream.Stream;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What every generator promises: the same network for the same seed and stream, another for another seed or
 * stream, and a network that passes the checks a checkpoint read makes.
 */
class NetworkGeneratorTest
{
    private final StateHasher hasher = new StateHasher().reset();

    static Stream<Arguments> generators()
    {
        return Stream.of(
            Arguments.of(new ErdosRenyiGenerator(3000, 0.003, false)),
            Arguments.of(new ErdosRenyiGenerator(3000, 0.003, true)),
            Arguments.of(new WattsStrogatzGenerator(3000, 6, 0.1)),
            Arguments.of(new BarabasiAlbertGenerator(3000, 3)));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shouldMakeTheSameNetworkFromTheSameSeed(final NetworkGenerator generator)
    {
        final Network a = generator.generate("net", 0x5EEDL, 7);
        final Network b = generator.generate("net", 0x5EEDL, 7);
        assertArrayEquals(edges(a), edges(b));
        assertEquals(hash(a), hash(b));
        assertEquals(generator.nodeCount(), a.nodeCount());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shouldMakeAnotherNetworkFromAnotherSeedOrStream(final NetworkGenerator generator)
    {
        final long base = hash(generator.generate("net", 0x5EEDL, 7));
        assertNotEquals(base, hash(generator.generate("net", 0x5EEDL + 1, 7)));
        assertNotEquals(base, hash(generator.generate("net", 0x5EEDL, 8)));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shouldMakeANetworkACheckpointReadAccepts(final NetworkGenerator generator)
    {
        final Network network = generator.generate("net", 1L, 0);
        final PartWriter writer = new PartWriter();
        network.write(writer);
        final Network fresh = new NetworkBuilder(network.nodeCount(), network.isDirected()).build("net");
        fresh.read(new PartReader("net").wrap(writer.buffer(), 0, writer.length()));
        assertEquals(hash(network), hash(fresh));
    }

    private long hash(final Network network)
    {
        network.hash(hasher.reset());
        return hasher.finish();
    }

    private static int[] edges(final Network network)
    {
        final int[] flat = new int[network.nodeCount() + 1 + network.edgeCount()];
        for (int u = 0; u <= network.nodeCount(); u++)
        {
            flat[u] = u < network.nodeCount() ? network.firstEdge(u) : network.edgeCount();
        }
        for (int e = 0; e < network.edgeCount(); e++)
        {
            flat[network.nodeCount() + 1 + e] = network.target(e);
        }
        return flat;
    }
}
