package io.myriad.plugins.nations;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.checkpoint.Resume;
import io.myriad.kernel.decide.DecisionCounts;
import io.myriad.kernel.decide.ScriptedDecider;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.Replay;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.ModelConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationModelTest
{
    private static final NationsPlugin PLUGIN = new NationsPlugin();

    @TempDir
    Path temp;

    @Test
    void shouldLowerThePriceWhenTheMarketCrashesAtFifty()
    {
        try (Simulation sim = Simulation.launch(context(20, 3L, 1, Map.of(), 0)))
        {
            final NationModel model = (NationModel)sim.model();
            double before = model.price(sim.world());
            while (model.observe(sim.lastTickMetrics(), sim.world()).get("crashes") == 0)
            {
                before = model.price(sim.world());
                sim.step();
            }
            assertEquals(50.0, sim.simTime());
            assertEquals(before * 0.7, model.price(sim.world()), 1e-9, "the crash takes 30 % of the price");
            assertTrue(model.price(sim.world()) < 100 * 0.8, "the price " + model.price(sim.world()));
        }
    }

    @Test
    void shouldGiveTheSameStateHashWhateverTheDeciderTakesAndOnAnyWorkersWhenModelled()
    {
        final long quick;
        final DecisionCounts counts;
        try (Simulation sim = Simulation.launch(context(40, 5L, 1, Map.of(), 0).maxSimTime(200)))
        {
            sim.runToEnd();
            quick = sim.stateHash();
            counts = sim.decisions().counts();
            assertTrue(counts.answered() > 200, counts.answered() + " answers");
            assertEquals(counts.requested(), counts.completed() + sim.decisions().thinking());
        }
        try (Simulation sim = Simulation.launch(context(40, 5L, 2, Map.of(), 3).batchSize(4).maxSimTime(200)))
        {
            sim.runToEnd();
            assertEquals(StateHash.toHex(quick), StateHash.toHex(sim.stateHash()), "3 ms an answer, 2 workers");
            assertEquals(counts.answered(), sim.decisions().counts().answered());
            assertTrue(sim.decisions().latencyMs().getValueAtPercentile(50) >= 3);
        }
    }

    @Test
    void shouldTakeTheFallbackWhenTheDeciderTimesOut()
    {
        try (Simulation sim = Simulation.launch(context(5, 1L, 1, Map.of(), 200)
            .decisions(new DecisionsContext().decider(new ScriptedDecider(TimeUnit.MILLISECONDS.toNanos(200)))
                .timeout(20, TimeUnit.MILLISECONDS).concurrency(8))
            .maxSimTime(40)))
        {
            sim.runToEnd();
            final DecisionCounts counts = sim.decisions().counts();
            assertTrue(counts.timedOut() >= 5, counts.timedOut() + " timed out");
            assertEquals(0, counts.answered());
            assertTrue(sim.decisions().lastError().contains("no answer within 20 ms"), sim.decisions().lastError());
        }
    }

    @Test
    void shouldRefuseAskingAgainWhileThinkingAndReValidateStaleAnswers()
    {
        try (Simulation sim = Simulation.launch(context(10, 2L, 1,
            Map.of("decision_interval", 5.0, "latency", 20.0, "staleness", 15.0), 0).maxSimTime(200)))
        {
            sim.runToEnd();
            final DecisionCounts counts = sim.decisions().counts();
            assertTrue(counts.refused() > 0, "asked every 5 s, answered after 20 s");
            assertEquals(counts.completed(), counts.staleDropped() + counts.revalidated(), "every answer is stale");
        }
    }

    @Test
    void shouldRefuseToLaunchWithoutADecider()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> Simulation.launch(context(5, 1L, 1, Map.of(), 0).decisions(new DecisionsContext())));
        assertTrue(ex.getMessage().contains("none was given"), ex.getMessage());
    }

    @Test
    void shouldNotStepPastTheMaxSimTimeWhileMeasuredDecisionsAreInFlight()
    {
        try (Simulation sim = Simulation.launch(context(30, 2L, 1, Map.of("decision_mode", "measured"), 2)
            .timeScale(20).maxSimTime(45)))
        {
            sim.runToEnd();
            assertTrue(sim.isOver());
            assertTrue(sim.simTime() <= 45.0, "sim time " + sim.simTime());
            assertEquals(0, sim.decisions().thinking(), "every answer came in before the end");
            assertTrue(sim.decisions().counts().answered() >= 30);
        }
    }

    @Test
    void shouldReplayAMeasuredRunFromItsJournalWithoutTheDecider()
    {
        final Map<String, Object> measured = Map.of("decision_mode", "measured");
        final Path journal = temp.resolve("journal");
        final long end;
        final long answered;
        try (JournalWriter writer = JournalWriter.create(journal, header(20, 8L, measured));
            Simulation sim = Simulation.launch(context(20, 8L, 2, measured, 1).timeScale(50)
                .records(new RecordsContext().journal(writer)).maxSimTime(60)))
        {
            sim.runToEnd();
            end = sim.stateHash();
            answered = sim.decisions().counts().answered();
            assertTrue(answered > 20, answered + " answers");
        }
        try (Replay replay = Replay.open(journal, new SimulationContext().workers(1)))
        {
            final Replay.Result result = replay.runToEnd();
            assertTrue(result.verified(), result.toString());
            assertEquals(StateHash.toHex(end), StateHash.toHex(result.stateHash()));
            assertEquals(answered, replay.simulation().decisions().counts().answered());
        }
    }

    @Test
    void shouldResumeWithDecisionsInFlightToTheUninterruptedStateHash()
    {
        final long uninterrupted;
        try (Simulation sim = Simulation.launch(context(30, 4L, 1, Map.of(), 0)))
        {
            sim.run(900);
            uninterrupted = sim.stateHash();
        }
        final Path journal = temp.resolve("journal");
        final Path checkpoints = temp.resolve("checkpoints");
        final Checkpoint checkpoint;
        try (JournalWriter writer = JournalWriter.create(journal, header(30, 4L, Map.of()));
            Simulation sim = Simulation.launch(context(30, 4L, 2, Map.of(), 1).records(new RecordsContext()
                .journal(writer).checkpoints(checkpoints, new CheckpointPolicy(0, 0, 0, 1, 2)))))
        {
            sim.run(300);
            assertTrue(sim.decisions().thinking() > 0, "decisions in flight at the checkpoint");
            checkpoint = sim.checkpoint();
            sim.run(300);
            assertTrue(sim.decisions().thinking() > 0, "and where the run stops");
        }
        try (Resume resume = Resume.open(journal, checkpoints, checkpoint,
            context(30, 4L, 2, Map.of(), 2).records(new RecordsContext().checkpoints(null,
                new CheckpointPolicy(0, 0, 0, 1, 2))), (note) -> { }))
        {
            resume.catchUp();
            assertEquals(600, resume.simulation().tick());
            assertTrue(resume.inputsApplied() > 0, "outcomes from the journal");
            resume.simulation().run(300);
            assertEquals(StateHash.toHex(uninterrupted), StateHash.toHex(resume.simulation().stateHash()));
        }
    }

    @Test
    void shouldResumeAMeasuredRunThroughTheAnswersItsJournalHolds()
    {
        final Map<String, Object> measured = Map.of("decision_mode", "measured");
        final Path journal = temp.resolve("measured-journal");
        final Path checkpoints = temp.resolve("measured-checkpoints");
        final Checkpoint checkpoint;
        final long stopped;
        try (JournalWriter writer = JournalWriter.create(journal, header(25, 12L, measured));
            Simulation sim = Simulation.launch(context(25, 12L, 2, measured, 2).timeScale(40)
                .records(new RecordsContext().journal(writer)
                    .checkpoints(checkpoints, new CheckpointPolicy(0, 0, 0, 1, 2)))))
        {
            sim.run(200);
            assertTrue(sim.decisions().thinking() > 0, "decisions in flight at the checkpoint");
            checkpoint = sim.checkpoint();
            sim.run(200);
            stopped = sim.stateHash();
        }
        // answers came when they came; the resume takes them from the journal at the steps they came at, and each
        // record it produces again is checked against the journal's
        try (Resume resume = Resume.open(journal, checkpoints, checkpoint,
            context(25, 12L, 1, measured, 50).records(new RecordsContext().checkpoints(null,
                new CheckpointPolicy(0, 0, 0, 1, 2))), (note) -> { }))
        {
            resume.catchUp();
            assertEquals(400, resume.simulation().tick());
            assertTrue(resume.inputsApplied() > 0);
            assertEquals(StateHash.toHex(stopped), StateHash.toHex(resume.simulation().stateHash()));
            resume.simulation().run(100);
            assertTrue(resume.simulation().decisions().counts().answered() > 0, "and goes on asking, live");
        }
    }

    private static RunHeader header(final int nations, final long seed, final Map<String, Object> parameters)
    {
        return RunHeader.of(ModelConfig.of(PLUGIN, nations, seed, parameters), JournalLevel.INPUTS, 50,
            Long.MAX_VALUE, StateHash.VERSION, "");
    }

    private static SimulationContext context(
        final int nations, final long seed, final int workers, final Map<String, Object> parameters,
        final long thinkMs)
    {
        final ModelConfig config = ModelConfig.of(PLUGIN, nations, seed, new HashMap<>(parameters));
        return new SimulationContext().model(PLUGIN.create(config)).seed(seed).workers(workers)
            .decisions(new DecisionsContext().decider(new ScriptedDecider(TimeUnit.MILLISECONDS.toNanos(thinkMs))));
    }
}
