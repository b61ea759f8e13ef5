package io.myriad.kernel.space.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WattsStrogatzGeneratorTest
{
    private static final int N = 2000;
    private static final int K = 10;

    @Test
    void shouldBeTheRingLatticeWithoutRewiring()
    {
        final Network network = new WattsStrogatzGenerator(N, K, 0.0).generate("ws", 3L, 0);
        for (int u = 0; u < N; u++)
        {
            assertEquals(K, network.degree(u), "degree of " + u);
            for (int j = 1; j <= K / 2; j++)
            {
                assertNotEquals(-1, network.findEdge(u, (u + j) % N));
                assertNotEquals(-1, network.findEdge(u, (u - j + N) % N));
            }
        }
        assertEquals(N * K / 2, network.linkCount());
    }

    @ParameterizedTest(name = "beta={0}")
    @ValueSource(doubles = { 0.0, 0.05, 0.3, 0.7, 1.0 })
    void shouldKeepTheLinkCountAndMeanDegree(final double beta)
    {
        final Network network = new WattsStrogatzGenerator(N, K, beta).generate("ws", 3L, 0);
        assertEquals(N * K / 2, network.linkCount(), "no link lost to a duplicate");
        assertEquals(N * K, network.edgeCount());
        assertEquals(K, new Degrees(network).mean, 1e-12);
        for (int u = 0; u < N; u++)
        {
            assertEquals(-1, network.findEdge(u, u), "no self-loops");
        }
    }

    /**
     * Each of the n k / 2 lattice links is rewired with probability beta, so the links left off the lattice are
     * Binomial(n k / 2, beta), give or take the rare rewired link that lands back on a lattice place another link
     * left; 5 sigma plus that slack.
     */
    @Test
    void shouldRewireAboutBetaOfTheLinks()
    {
        final double beta = 0.2;
        final Network network = new WattsStrogatzGenerator(N, K, beta).generate("ws", 8L, 4);
        int offLattice = 0;
        for (int u = 0; u < N; u++)
        {
            for (int e = network.firstEdge(u); e < network.endEdge(u); e++)
            {
                final int gap = Math.abs(network.target(e) - u);
                if (Math.min(gap, N - gap) > K / 2)
                {
                    offLattice++;
                }
            }
        }
        final double links = N * K / 2.0;
        final double rewired = offLattice / 2.0;
        assertEquals(links * beta, rewired, 5 * Math.sqrt(links * beta * (1 - beta)) + 0.01 * links);
    }

    @Test
    void shouldStaySimpleWhenTheRingIsNearlyComplete()
    {
        final Network network = new WattsStrogatzGenerator(9, 8, 1.0).generate("ws", 1L, 0);
        assertEquals(36, network.linkCount());
        final Network dense = new WattsStrogatzGenerator(12, 8, 1.0).generate("ws", 1L, 0);
        assertEquals(48, dense.linkCount());
    }

    @Test
    void shouldRefuseBadParameters()
    {
        assertThrows(IllegalArgumentException.class, () -> new WattsStrogatzGenerator(10, 3, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new WattsStrogatzGenerator(10, 10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new WattsStrogatzGenerator(10, -2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new WattsStrogatzGenerator(10, 4, 1.5));
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> new WattsStrogatzGenerator(10, 4, Double.NaN));
        assertTrue(ex.getMessage().contains("beta"), ex.getMessage());
        assertEquals(0, new WattsStrogatzGenerator(5, 0, 0.5).generate("ws", 1L, 0).edgeCount());
    }
}
