package io.myriad.kernel.space.network;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarabasiAlbertGeneratorTest
{
    @ParameterizedTest(name = "m={0}")
    @ValueSource(ints = { 1, 3, 5 })
    void shouldGiveEveryNodeAtLeastMLinksAndAHeavyTail(final int m)
    {
        final int n = 100_000;
        final Network network = new BarabasiAlbertGenerator(n, m).generate("ba", 99L, 6);
        final Degrees degrees = new Degrees(network);
        final long links = (long)m * (m + 1) / 2 + (long)(n - m - 1) * m;

        assertEquals(links, network.linkCount());
        assertEquals(2 * links, network.edgeCount());
        assertEquals(m, degrees.min);
        assertEquals(2.0 * links / n, degrees.mean, 1e-9);
        // the largest hub grows like m sqrt(n), some 300 m here against a mean of 2 m
        assertTrue(degrees.max > 10 * degrees.mean, "max degree " + degrees.max + ", mean " + degrees.mean);
    }

    @Test
    void shouldStartFromACompleteSeedGraph()
    {
        final int m = 4;
        final Network network = new BarabasiAlbertGenerator(m + 1, m).generate("ba", 1L, 0);
        assertEquals(m * (m + 1) / 2, network.linkCount());
        for (int u = 0; u <= m; u++)
        {
            assertEquals(m, network.degree(u));
        }
        final Network grown = new BarabasiAlbertGenerator(50, m).generate("ba", 1L, 0);
        for (int a = 0; a <= m; a++)
        {
            for (int b = 0; b <= m; b++)
            {
                assertEquals(a != b, grown.findEdge(a, b) >= 0);
            }
        }
    }

    @Test
    void shouldLinkEachNewNodeToEarlierNodesOnly()
    {
        final int m = 2;
        final Network network = new BarabasiAlbertGenerator(1000, m).generate("ba", 4L, 1);
        for (int t = m + 1; t < 1000; t++)
        {
            int earlier = 0;
            for (int e = network.firstEdge(t); e < network.endEdge(t) && network.target(e) < t; e++)
            {
                earlier++;
            }
            assertEquals(m, earlier, "node " + t);
        }
    }

    /**
     * A million nodes with m = 3 is a network the kernel must make in seconds, not minutes: the bound only
     * catches a quadratic step, as the machine is shared.
     */
    @Test
    @Tag("slow")
    void shouldBuildAMillionNodesInSeconds()
    {
        final long start = System.nanoTime();
        final Network network = new BarabasiAlbertGenerator(1_000_000, 3).generate("ba", 1L, 0);
        final long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("BA(1,000,000, 3): " + network.linkCount() + " links in " + millis + " ms");
        assertEquals(3L * 4 / 2 + (1_000_000L - 4) * 3, network.linkCount());
        assertTrue(millis < 60_000, millis + " ms");
    }

    @Test
    void shouldRefuseBadParameters()
    {
        assertThrows(IllegalArgumentException.class, () -> new BarabasiAlbertGenerator(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new BarabasiAlbertGenerator(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new BarabasiAlbertGenerator(200_000_000, 3));
    }
}
