package io.myriad.bench.channel;

import java.util.concurrent.TimeUnit;

import io.myriad.bench.JvmFlags;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step of {@link MessagingModel} on 1 and 2 compute workers: every agent reads what it was sent and sends one
 * message. The score is the time of a step; messages a second are {@code agents / score} point to point, and
 * deliveries a second {@code agents × (agents − 1) / score} on broadcast. {@code -prof gc} shows what a step
 * allocates (per operation, so per step: divide by the messages of a step for bytes per message).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class MessagingBenchmark extends JvmFlags
{
    /** {@code direct}: point to point; {@code broadcast}: to every other agent. */
    @Param({ "direct:1000000", "broadcast:1000" })
    public String channel;

    /** Compute workers, the benchmark thread included. */
    @Param({ "1", "2" })
    public int threads;

    private Simulation simulation;

    /**
     * Builds the model and runs two steps, so that inboxes are full from then on.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final String[] kind = channel.split(":");
        simulation = Simulation.launch(new SimulationContext()
            .model(new MessagingModel(Integer.parseInt(kind[1]), kind[0].equals("broadcast")))
            .seed(42)
            .workers(threads)
            .batchSize(kind[0].equals("broadcast") ? 64 : 4096));
        simulation.run(2);
    }

    /**
     * @return steps completed, so the step cannot be optimised away.
     */
    @Benchmark
    public long step()
    {
        simulation.step();
        return simulation.tick();
    }

    /**
     * Stops the workers and frees the channel.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        simulation.close();
    }
}
