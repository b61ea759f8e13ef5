package io.myriad.kernel.space.network;

/**
 * Degree statistics of a network, for the generators' tests.
 */
final class Degrees
{
    final double mean;
    final double variance;
    final int min;
    final int max;

    Degrees(final Network network)
    {
        final int n = network.nodeCount();
        long sum = 0;
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (int u = 0; u < n; u++)
        {
            final int d = network.degree(u);
            sum += d;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        final double m = (double)sum / n;
        double squares = 0;
        for (int u = 0; u < n; u++)
        {
            final double d = network.degree(u) - m;
            squares += d * d;
        }
        this.mean = m;
        this.variance = squares / (n - 1);
        this.min = lo;
        this.max = hi;
    }

    static int[] inDegrees(final Network network)
    {
        final int[] in = new int[network.nodeCount()];
        for (int e = 0; e < network.edgeCount(); e++)
        {
            in[network.target(e)]++;
        }
        return in;
    }
}
