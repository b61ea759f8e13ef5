package io.myriad.kernel.space.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErdosRenyiGeneratorTest
{
    /**
     * Undirected: m ~ Binomial(n(n-1)/2, p), so the mean degree 2m/n has sd 2 sqrt(N p (1 - p)) / n; degrees are
     * nearly independent Binomial(n - 1, p), whose sample variance has sd about var sqrt(2 / (n - 1)). Directed: the
     * out-degrees are independent Binomial(n - 1, p). The bounds are 5 sigma: a correct generator fails one about
     * once in 1.7 million runs (and the seed is fixed, so never).
     */
    @ParameterizedTest(name = "directed={0}")
    @ValueSource(booleans = { true, false })
    void shouldHaveBinomialDegrees(final boolean directed)
    {
        final int n = 20_000;
        final double p = 0.001;
        final Network network = new ErdosRenyiGenerator(n, p, directed).generate("er", 2024L, 1);
        final Degrees degrees = new Degrees(network);
        final double pairs = directed ? (double)n * (n - 1) : 0.5 * n * (n - 1);
        final double meanSigma = (directed ? 1 : 2) * Math.sqrt(pairs * p * (1 - p)) / n;
        final double expectedMean = p * (n - 1);
        final double expectedVariance = (n - 1) * p * (1 - p);
        final double varianceSigma = expectedVariance * Math.sqrt(2.0 / (n - 1));

        assertEquals(expectedMean, degrees.mean, 5 * meanSigma);
        assertEquals(expectedVariance, degrees.variance, 5 * varianceSigma);
        for (int u = 0; u < n; u++)
        {
            assertEquals(-1, network.findEdge(u, u), "no self-loops");
        }
        if (directed)
        {
            assertEquals(network.edgeCount(), network.linkCount());
        }
        else
        {
            assertEquals(network.edgeCount(), 2 * network.linkCount());
        }
    }

    /**
     * Every pair is equally likely, whatever its place in the geometric skipping: across many seeds of a small
     * graph each pair's count is Binomial(seeds, p), and every count must lie within 5 sigma. An off-by-one in the
     * skips shows as a pair never or too often drawn.
     */
    @ParameterizedTest(name = "directed={0}")
    @ValueSource(booleans = { true, false })
    void shouldLinkEveryPairWithTheSameProbability(final boolean directed)
    {
        final int n = 10;
        final double p = 0.3;
        final int seeds = 4000;
        final int[][] counts = new int[n][n];
        final ErdosRenyiGenerator generator = new ErdosRenyiGenerator(n, p, directed);
        for (int seed = 0; seed < seeds; seed++)
        {
            final Network network = generator.generate("er", seed, 0);
            for (int u = 0; u < n; u++)
            {
                for (int e = network.firstEdge(u); e < network.endEdge(u); e++)
                {
                    counts[u][network.target(e)]++;
                }
            }
        }
        final double sigma = Math.sqrt(seeds * p * (1 - p));
        for (int u = 0; u < n; u++)
        {
            for (int v = 0; v < n; v++)
            {
                if (u == v)
                {
                    assertEquals(0, counts[u][v]);
                }
                else
                {
                    assertEquals(seeds * p, counts[u][v], 5 * sigma, u + " -> " + v);
                }
            }
        }
    }

    @Test
    void shouldMakeNoLinksAtZeroAndEveryLinkAtOne()
    {
        assertEquals(0, new ErdosRenyiGenerator(100, 0.0, false).generate("er", 1L, 0).edgeCount());
        final Network complete = new ErdosRenyiGenerator(40, 1.0, false).generate("er", 1L, 0);
        assertEquals(40 * 39 / 2, complete.linkCount());
        final Network completeDirected = new ErdosRenyiGenerator(40, 1.0, true).generate("er", 1L, 0);
        assertEquals(40 * 39, completeDirected.edgeCount());
    }

    @Test
    void shouldMakeAnInDegreeAsBinomialAsTheOutDegreeWhenDirected()
    {
        final int n = 20_000;
        final double p = 0.001;
        final Network network = new ErdosRenyiGenerator(n, p, true).generate("er", 5L, 2);
        final int[] in = Degrees.inDegrees(network);
        double sum = 0;
        for (final int d : in)
        {
            sum += d;
        }
        final double mean = sum / n;
        double squares = 0;
        for (final int d : in)
        {
            squares += (d - mean) * (d - mean);
        }
        final double expectedVariance = (n - 1) * p * (1 - p);
        assertEquals(expectedVariance, squares / (n - 1), 5 * expectedVariance * Math.sqrt(2.0 / (n - 1)));
    }

    @Test
    void shouldRefuseBadParameters()
    {
        assertThrows(IllegalArgumentException.class, () -> new ErdosRenyiGenerator(10, -0.1, false));
        assertThrows(IllegalArgumentException.class, () -> new ErdosRenyiGenerator(10, Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> new ErdosRenyiGenerator(-1, 0.1, false));
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> new ErdosRenyiGenerator(1_000_000, 0.5, false));
        assertTrue(ex.getMessage().contains("more than a network holds"), ex.getMessage());
    }
}
