package io.myriad.plugins.poisson;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.control.Control;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.Replay;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.ModelConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control surface on a model of the event clock: pause, step, step to a time, resume and stop never change
 * the state a run reaches; injected events take effect at their time, are journaled, and replay.
 */
class PoissonControlTest
{
    private static final PoissonPlugin PLUGIN = new PoissonPlugin();
    private static final long SEED = 11L;

    @TempDir
    Path temp;

    @Test
    void shouldRunOnlyTheStepsAskedForWhilePausedAndReachTheSameState()
    {
        final long expected;
        try (Simulation sim = Simulation.launch(context(2)))
        {
            sim.run(700);
            expected = sim.stateHash();
        }
        try (Simulation sim = Simulation.launch(context(2)))
        {
            final Control control = sim.control();
            control.pause();
            control.step(3);
            spin(sim);
            assertEquals(3, sim.tick(), "paused: only the steps asked for");
            assertTrue(control.status().paused());

            final double until = sim.simTime() + 0.05;
            control.stepTo(until);
            spin(sim);
            assertTrue(sim.simTime() <= until && sim.world().events().nextTime() > until);

            control.resume();
            control.timeScale(500.0);
            sim.run(700 - sim.tick());
            assertEquals(StateHash.toHex(expected), StateHash.toHex(sim.stateHash()));
            final Control.Status status = control.status();
            assertEquals(700, status.steps());
            assertEquals(500.0, status.timeScale());
            assertEquals(sim.simTime(), status.simTime());
            assertEquals(sim.eventsTaken(), status.events());
            assertTrue(status.eventsPerSecond() > 0);
        }
    }

    @Test
    void shouldStopARunFromAnotherThreadAtAStepBoundary()
    {
        try (Simulation sim = Simulation.launch(context(2).maxSimTime(1e9)))
        {
            final Control control = sim.control();
            final Thread stopper = new Thread(() ->
            {
                while (control.status().steps() < 2_000)
                {
                    Thread.onSpinWait();
                }
                control.stop();
            });
            stopper.start();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> sim.run(Long.MAX_VALUE / 2));
            assertTrue(sim.tick() >= 2_000);
            assertTrue(sim.isDone());
            assertFalse(sim.isOver(), "stopped, not over: it can be resumed");
            assertTrue(control.status().stopped());
            final long stoppedAt = sim.tick();
            sim.run(10);
            assertEquals(stoppedAt, sim.tick(), "a stopped run takes no more steps");
        }
    }

    @Test
    void shouldJournalInjectedEventsAndReplayThem()
    {
        final Path directory = temp.resolve("journal");
        final ModelConfig config = config();
        final long withInjections;
        try (JournalWriter writer = JournalWriter.create(directory,
                RunHeader.of(config, JournalLevel.INPUTS, 100, 2_000, StateHash.VERSION, ""));
            Simulation sim = Simulation.launch(context(2).records(new RecordsContext().journal(writer))))
        {
            sim.run(500);
            final double now = sim.simTime();
            assertTrue(sim.control().inject(now + 0.25, -1, PoissonModel.NUDGE, 7, Double.doubleToRawLongBits(100.0)));
            assertTrue(sim.control().inject(Double.NaN, 0, PoissonModel.NUDGE, 9, Double.doubleToRawLongBits(-3.0)));
            // refused, unjournaled: before now, a decision (a second chain of them), an agent that is not there
            assertTrue(sim.control().inject(now - 1.0, 0, PoissonModel.NUDGE, 3, 0));
            assertTrue(sim.control().inject(now + 1.0, 0, PoissonModel.DECIDE, 3, 0));
            assertTrue(sim.control().inject(now + 1.0, 0, PoissonModel.NUDGE, 300, 0));
            assertTrue(sim.control().inject(now + 1.0, 0, PoissonModel.NUDGE, -1, 0));
            sim.run(1_500);
            withInjections = sim.stateHash();
            assertEquals(4, sim.control().status().refused());
        }
        try (Simulation plain = Simulation.launch(context(2)))
        {
            plain.run(2_000);
            assertNotEquals(withInjections, plain.stateHash(), "the injected decisions changed the run");
        }
        try (Replay replay = Replay.open(directory, new SimulationContext().workers(1)))
        {
            final Replay.Result result = replay.runToEnd();
            assertTrue(result.verified(), result.toString());
            assertEquals(StateHash.toHex(withInjections), StateHash.toHex(result.stateHash()));
        }
    }

    private static void spin(final Simulation sim)
    {
        for (int i = 0; i < 10_000; i++)
        {
            sim.doWork();
        }
    }

    private static ModelConfig config()
    {
        return ModelConfig.of(PLUGIN, 300, SEED, Map.of());
    }

    private static SimulationContext context(final int workers)
    {
        return new SimulationContext().model(PLUGIN.create(config())).seed(SEED).workers(workers);
    }
}
