package io.myriad.bench.layouts;

/**
 * Where an agent of the drift workload is after some sweeps, added up one sweep at a time as the kernels do, so
 * that the rounding matches theirs exactly.
 */
final class DriftExpectations
{
    private DriftExpectations()
    {
    }

    static double x(final int i, final int sweeps)
    {
        double x = DriftWorkload.initialX(i);
        for (int s = 0; s < sweeps; s++)
        {
            x += DriftWorkload.initialVx(i) * DriftWorkload.DT;
        }
        return x;
    }

    static double y(final int i, final int sweeps)
    {
        double y = DriftWorkload.initialY(i);
        for (int s = 0; s < sweeps; s++)
        {
            y += DriftWorkload.initialVy(i) * DriftWorkload.DT;
        }
        return y;
    }
}
