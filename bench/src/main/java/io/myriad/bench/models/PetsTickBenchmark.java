package io.myriad.bench.models;

import java.util.Map;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.pets.PetsPlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One step of the digital pets on 1 and 2 compute workers: 100 pets on 20 x 20 (the default) and a million on
 * 1,000 x 1,000 (preset {@code large}). Pet updates per second are {@code pets / score}.
 */
public class PetsTickBenchmark extends ModelTickBenchmark
{
    /** Pets, on a square torus of about one pet a cell at a million. */
    @Param({ "100", "1000000" })
    public int pets;

    /**
     * Builds the pets and runs ten steps, so that friendships, meals and messages are under way.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final long side = pets >= 1_000_000 ? 1000 : 20;
        launch(new PetsPlugin(), pets, Map.of("width", side, "height", side), Configuration.batchSize());
        simulation().run(10);
    }
}
