package io.myriad.plugins.poisson;

import java.nio.file.Path;
import java.util.Map;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.layouts.AgentStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PoissonModelTest
{
    private static final PoissonPlugin PLUGIN = new PoissonPlugin();

    @TempDir
    Path temp;

    @Test
    void shouldDecideAtTheRateOfAPoissonProcessAndStopAtTheMaxSimTime()
    {
        try (Simulation sim = Simulation.launch(context(2_000, "exponential", 0.0, 5L, 2).maxSimTime(100.0)))
        {
            sim.runToEnd();
            assertTrue(sim.isOver());
            assertTrue(sim.simTime() <= 100.0 && sim.simTime() > 99.0, "sim time " + sim.simTime());
            assertTrue(sim.world().events().nextTime() > 100.0);
            // 2,000 agents deciding once a second for 100 s: 200,000 decisions, sd 447 for a Poisson count
            final long decisions = decisions(sim);
            assertTrue(Math.abs(decisions - 200_000) < 2_000, decisions + " decisions");
            assertEquals(decisions, sim.eventsTaken());
            assertEquals(decisions, sim.tick(), "continuous times: one event a step");
            assertEquals(2_000, sim.eventsPending());
        }
    }

    @Test
    void shouldTakeEveryAgentDueAtOnceAsOneStep()
    {
        try (Simulation sim = Simulation.launch(context(5_000, "periodic", 1.0, 5L, 2).batchSize(512)))
        {
            sim.run(3);
            assertEquals(3.0, sim.simTime());
            assertEquals(15_000, sim.eventsTaken());
            assertEquals(15_000, decisions(sim));
        }
    }

    @ParameterizedTest
    @CsvSource({ "exponential, 0.0, 2", "exponential, 0.0, 4", "exponential, 0.25, 2", "exponential, 0.25, 4",
        "periodic, 1.0, 4" })
    void shouldGiveTheSameStateHashOnAnyNumberOfWorkers(final String policy, final double grain, final int workers)
    {
        assertEquals(StateHash.toHex(run(policy, grain, 1, 16_384)), StateHash.toHex(run(policy, grain, workers, 64)));
    }

    @Test
    void shouldGiveADifferentStateHashForADifferentSeed()
    {
        assertNotEquals(hashAtEnd(context(500, "exponential", 0.0, 1L, 1).maxSimTime(10)),
            hashAtEnd(context(500, "exponential", 0.0, 2L, 1).maxSimTime(10)));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.0, 0.5 })
    void shouldResumeFromACheckpointWithEventsPendingAsTheRunWentOn(final double grain)
    {
        final Path directory = temp.resolve("checkpoints-" + grain);
        final Checkpoint checkpoint;
        final long end;
        final double endTime;
        try (Simulation sim = Simulation.launch(context(1_000, "exponential", grain, 9L, 2).batchSize(128)
            .records(new RecordsContext().checkpoints(directory, new CheckpointPolicy(0, 0, 0, 1, 1)))))
        {
            sim.run(700);
            checkpoint = sim.checkpoint();
            sim.run(700);
            end = sim.stateHash();
            endTime = sim.simTime();
        }
        try (Simulation resumed = Simulation.launch(context(1_000, "exponential", grain, 9L, 2).batchSize(128)
            .restoreFrom(checkpoint)))
        {
            assertEquals(700, resumed.tick());
            assertEquals(1_000, resumed.eventsPending());
            resumed.run(700);
            assertEquals(StateHash.toHex(end), StateHash.toHex(resumed.stateHash()));
            assertEquals(endTime, resumed.simTime());
        }
    }

    @Test
    void shouldGiveTheSameStateHashHoweverTheRunIsPaced()
    {
        final long unpaced = hashAtEnd(context(200, "exponential", 0.0, 4L, 2).maxSimTime(20.0));
        try (Simulation sim = Simulation.launch(context(200, "exponential", 0.0, 4L, 2).maxSimTime(20.0)
            .timeScale(400.0)))
        {
            final long start = System.nanoTime();
            sim.run(1_000);
            sim.pacer().timeScale(2_000.0, sim.simTime());
            sim.run(1_000);
            sim.pacer().timeScale(0.0, sim.simTime());
            sim.runToEnd();
            assertEquals(StateHash.toHex(unpaced), StateHash.toHex(sim.stateHash()));
            assertTrue(sim.pacer().lag().getTotalCount() >= 2_000, "paced steps were measured");
            // 1,000 steps of 200 agents deciding once a second is about 5 sim seconds: at least 12 ms at 400
            assertTrue(System.nanoTime() - start > 10_000_000L, "the paced part took its time");
        }
    }

    @Test
    void shouldTakeCheckpointsEverySoManySimSeconds() throws java.io.IOException
    {
        final Path directory = temp.resolve("by-sim-time");
        try (Simulation sim = Simulation.launch(context(500, "exponential", 0.0, 2L, 2).maxSimTime(20.0)
            .records(new RecordsContext().checkpoints(directory, new CheckpointPolicy(0, 0, 5.0, 1, 10)))))
        {
            sim.runToEnd();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory))
        {
            // 500 agents deciding once a second: a checkpoint about every 2,500 steps, at 5, 10 and 15 s
            assertEquals(3, files.filter((f) -> f.toString().endsWith(".manifest")).count());
        }
    }

    @Test
    void shouldAllocateNothingPerStepInSteadyState()
    {
        assumeTrue(ThreadAllocation.isSupported(), "the JVM does not count allocated bytes per thread");
        try (Simulation sim = Simulation.launch(context(10_000, "exponential", 0.0, 5L, 2).warmupTicks(20_000)))
        {
            sim.run(100_000);
            assertEquals(0, sim.allocation().medianBytesPerStep(), "a steady step allocates nothing");
        }
    }

    private static long run(final String policy, final double grain, final int workers, final int batchSize)
    {
        return hashAtEnd(context(3_000, policy, grain, 3L, workers).batchSize(batchSize).maxSimTime(20.0));
    }

    private static long hashAtEnd(final SimulationContext context)
    {
        try (Simulation sim = Simulation.launch(context))
        {
            sim.runToEnd();
            return sim.stateHash();
        }
    }

    private static long decisions(final Simulation sim)
    {
        final AgentStore store = sim.world().store(0);
        final DeciderFlyweight decider = new DeciderFlyweight().wrap(store);
        long total = 0;
        for (int i = 0; i < store.highWaterMark(); i++)
        {
            total += decider.decisions(i);
        }
        return total;
    }

    private static SimulationContext context(
        final int agents, final String policy, final double grain, final long seed, final int workers)
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, agents, seed, Map.of("policy", policy, "grain", grain));
        return new SimulationContext().model(PLUGIN.create(config)).seed(seed).workers(workers);
    }
}
