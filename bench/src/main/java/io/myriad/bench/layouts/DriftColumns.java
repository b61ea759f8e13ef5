package io.myriad.bench.layouts;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A {@link ColumnAccessBenchmark} state: the agent count, the sweeps per invocation that follow from it, and the
 * drift workload's initial values written into four columns, x, y, vx and vy, that each subclass holds in its own
 * kind of memory. Each benchmark takes only the subclass it sweeps, so a fork allocates only its own columns.
 */
@State(Scope.Benchmark)
public abstract class DriftColumns
{
    /** Agents per sweep. */
    @Param({ "1024", "1048576", "33554432" })
    public int agents;

    int sweeps;

    /**
     * Allocates and fills the columns.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        sweeps = DriftWorkload.sweepsPerInvocation(agents);
        allocate(agents);
        for (int i = 0; i < agents; i++)
        {
            fill(i, DriftWorkload.initialX(i), DriftWorkload.initialY(i),
                DriftWorkload.initialVx(i), DriftWorkload.initialVy(i));
        }
    }

    /**
     * Frees the columns.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        free();
    }

    abstract void allocate(int count);

    abstract void fill(int i, double x, double y, double vx, double vy);

    void free()
    {
    }
}
