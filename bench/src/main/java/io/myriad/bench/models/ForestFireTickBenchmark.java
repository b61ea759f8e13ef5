package io.myriad.bench.models;

import java.util.Map;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.forestfire.ForestFirePlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One step of the forest fire model through the whole pipeline (every cell of the grid swept, the layer swapped), on
 * 1 and 2 compute workers, at the comparison's two sizes: {@code 100} (100 x 100, density 0.7) and {@code 500}
 * (500 x 500, density 0.9). The score is the time of one step, a sweep of every cell.
 * <p>
 * Every measured step is one in which the fire burns: when it has gone out (after about 540 steps at 500 x 500), the
 * forest is planted and lit again before the next step, outside the measured time. A burnt-out forest sweeps faster,
 * since a burnt cell does not look at its neighbours.
 */
public class ForestFireTickBenchmark extends ModelTickBenchmark
{
    /** Cells along each side. */
    @Param({ "100", "500" })
    public int side;

    private int burning;

    /**
     * Plants the forest and sets its left column on fire.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        plant();
    }

    /**
     * Plants and lights the forest again once its fire is out; a field check on every other step. Invocation-level
     * set-up costs JMH a pair of timestamps per step, negligible against a step of tens of microseconds or more.
     */
    @Setup(Level.Invocation)
    public void relightIfOut()
    {
        if (simulation().tick() > 0 && simulation().lastTickMetrics()[burning] == 0.0)
        {
            plant();
        }
    }

    private void plant()
    {
        launch(new ForestFirePlugin(), 1,
            Map.of("width", (long)side, "height", (long)side, "density", side == 500 ? 0.9 : 0.7),
            Configuration.BATCH_SIZE_DEFAULT);
        burning = simulation().model().metricNames().indexOf("burning");
    }
}
