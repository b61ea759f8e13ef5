package io.myriad.bench.models;

import java.util.HashMap;
import java.util.Map;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.schelling.SchellingPlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One step of the Schelling model through the whole pipeline (every resident counts its neighbours by group,
 * unhappy ones emit a move, the apply stage moves them), on 1 and 2 compute workers: the comparison's {@code small}
 * and {@code large} presets, and {@code 1000x1000}, a town of a million cells with 900,000 residents (radius 1,
 * 3 similar neighbours to be happy). The score is the time of one step; agent updates per second are
 * {@code residents / score}.
 * <p>
 * The town is built once per trial, so after the first few dozen steps nearly every resident is happy and a step is
 * mostly the parallel count; the early steps, in which a large share of residents moves one at a time in the apply
 * stage, cost more (see {@code myriad run --model schelling} for a run's tick latencies from the start).
 */
public class SchellingTickBenchmark extends ModelTickBenchmark
{
    /** A preset of the plugin, or {@code 1000x1000}. */
    @Param({ "small", "large", "1000x1000" })
    public String town;

    /**
     * Builds the town.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final SchellingPlugin plugin = new SchellingPlugin();
        final Map<String, Object> parameters = "1000x1000".equals(town) ?
            new HashMap<>(Map.of("agents", 900_000L, "width", 1000L, "height", 1000L, "radius", 1L, "min_happy", 3L)) :
            new HashMap<>(plugin.presets().get(town));
        final int agents = ((Number)parameters.remove("agents")).intValue();
        launch(plugin, agents, parameters, Configuration.BATCH_SIZE_DEFAULT);
    }
}
