package io.myriad.bench.layouts;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Four {@code double[]} columns: the reference every other way of reaching columns is measured against.
 */
@State(Scope.Benchmark)
public class HeapColumns extends DriftColumns
{
    double[] x;
    double[] y;
    double[] vx;
    double[] vy;

    void allocate(final int count)
    {
        x = new double[count];
        y = new double[count];
        vx = new double[count];
        vy = new double[count];
    }

    void fill(final int i, final double x, final double y, final double vx, final double vy)
    {
        this.x[i] = x;
        this.y[i] = y;
        this.vx[i] = vx;
        this.vy[i] = vy;
    }
}
