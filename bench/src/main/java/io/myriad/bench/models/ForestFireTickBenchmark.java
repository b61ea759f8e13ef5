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
 * Every measured step is one in which the fire burns: when it has gone out (144 steps after it was lit at 100 x 100,
 * 538 at 500 x 500), the same forest is planted and lit again before the next step, outside the measured time, by
 * the model's {@link ForestFirePlugin#INPUT_REPLANT} input to the run, which goes on. A burnt-out forest sweeps
 * faster, since a burnt cell does not look at its neighbours. The simulation is built once per trial and replanting
 * allocates nothing, so {@code -prof gc} counts what the steps allocate (nothing once warm) and JMH's own
 * bookkeeping per iteration, spread over its steps.
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
        launch(new ForestFirePlugin(), 1,
            Map.of("width", (long)side, "height", (long)side, "density", side == 500 ? 0.9 : 0.7),
            Configuration.BATCH_SIZE_DEFAULT);
        burning = simulation().model().metricNames().indexOf("burning");
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
            input(ForestFirePlugin.INPUT_REPLANT);
        }
    }
}
