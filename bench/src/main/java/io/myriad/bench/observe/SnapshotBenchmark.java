package io.myriad.bench.observe;

import java.util.Map;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import io.myriad.bench.models.ModelBenchmark;
import io.myriad.kernel.Configuration;
import io.myriad.kernel.observe.Scene;
import io.myriad.kernel.observe.SnapshotView;
import io.myriad.kernel.observe.Snapshots;
import io.myriad.plugins.flocking.FlockingPlugin;

/**
 * What a live view costs the run: the copy of every bird's place (x and y as 16-bit fractions, and, with
 * {@code column=vx}, a byte of its x velocity) into a pre-allocated frame at a step boundary, on the driving thread,
 * after a tick taken outside the timing. Compare it with a tick of the same flock,
 * {@code FlockingTickBenchmark -p birds=1000000}, in the same run; {@code -prof gc} shows the copy allocates
 * nothing.
 */
public class SnapshotBenchmark extends ModelBenchmark
{
    /** Number of birds. */
    @Param({ "1000000" })
    public int birds;

    /** The column that colours the points, or "none". */
    @Param({ "none", "vx" })
    public String column;

    private final Snapshots snapshots = new Snapshots();
    private SnapshotView view;

    /**
     * Builds the flock, watched.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        launch(new FlockingPlugin(), birds, Map.of(), Configuration.BATCH_SIZE_DEFAULT, snapshots);
        final Scene.Points points = Scene.of(simulation().world()).points().get(0);
        view = snapshots.points(points, "none".equals(column) ? null : column, birds);
    }

    /**
     * Scatters the birds as they were at the start, so every iteration measures the same stretch of a run.
     */
    @Setup(Level.Iteration)
    public void scatter()
    {
        input(FlockingPlugin.INPUT_SCATTER);
    }

    /**
     * A tick, outside the timing, so that every copy is of a new step.
     */
    @Setup(Level.Invocation)
    public void step()
    {
        simulation().step();
    }

    /**
     * @return points in the frame copied.
     */
    @Benchmark
    public int copy()
    {
        view.request();
        snapshots.atBoundary(simulation(), true);
        return view.take().count();
    }
}
