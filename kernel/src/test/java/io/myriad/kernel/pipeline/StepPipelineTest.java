package io.myriad.kernel.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.Worlds;
import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.CommandRegistry;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepPipelineTest
{
    private static final long SEED = 7L;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Schema SCHEMA = Schema.builder("Cell")
        .field("owner", FieldType.INT)
        .field("spawnedBy", FieldType.LONG)
        .build();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private CommandApplier applier;
    private final IdleStrategy idle = new BackoffIdleStrategy(
        10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));

    @AfterEach
    void closeResources() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldApplyCommandsInBatchOrderOnTheDrivingThread(final int workers)
    {
        final int agents = 53;
        final int batchSize = 5;
        final RecordingModel model = new RecordingModel(agents);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, workers, batchSize, 16);

        for (long tick = 0; tick < 4; tick++)
        {
            model.applied.clear();
            runTick(pipeline, tick);

            final List<Long> expected = new ArrayList<>();
            for (int i = 0; i < agents; i++)
            {
                expected.add(RecordingModel.entry(0, i, i / batchSize));
                expected.add(RecordingModel.entry(1, i, tick));
            }
            assertEquals(expected, model.applied, "tick " + tick);
            assertEquals(Set.of(Thread.currentThread()), model.applyThreads);
        }
        assertEquals(4L * 2 * agents, applier.applied());
        assertEquals(0L, applier.rejected());
        final int batches = (agents + batchSize - 1) / batchSize;
        for (int b = 0; b < batches; b++)
        {
            assertEquals(b * batchSize, model.batchFrom[b], "from of batch " + b);
            assertEquals(Math.min(agents, (b + 1) * batchSize), model.batchTo[b], "to of batch " + b);
        }
        assertEquals(workers, model.computeThreads.size(), "every worker must take its share of the batches");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldLetTheFirstValidClaimWinAndCountTheRejected(final int workers)
    {
        final ClaimModel model = new ClaimModel(60, 61);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, workers, 4, 16);

        runTick(pipeline, 0L);

        // claims: 60 on 10 targets, 10 win; despawns: 50 twice (second rejected), 1000 and -1 never alive;
        // spawns: 3 asked for, room for 2 once 50 is despawned
        assertEquals(10 + 1 + 2, applier.applied());
        assertEquals(50 + 1 + 2 + 1, applier.rejected());
        assertEquals(50, applier.count(ClaimModel.REASON_OWNED), "claims of an owned agent");
        assertEquals(3, applier.count(Outcome.TARGET_DEAD), "despawns of the dead and the never born");
        assertEquals(1, applier.count(Outcome.CAPACITY), "a birth beyond the capacity is its own outcome");
        for (int target = 0; target < 10; target++)
        {
            assertEquals(target + 1, ownerOf(store, target), "the first claimant in batch order wins " + target);
        }
        assertTrue(store.isAlive(50));
        assertEquals(40L, spawnedBy(store, 50), "the lowest free index goes to the first spawn");
        assertEquals(41L, spawnedBy(store, 60));
        assertEquals(61, store.liveCount());
        assertEquals(61, store.highWaterMark());
        assertEquals(List.of(50, 60), model.spawnedIndices);
        assertEquals(List.of(7L * 40, 7L * 41), model.spawnPayloads);
    }

    @Test
    void shouldRejectADespawnOfADeadAgent()
    {
        final ClaimModel model = new ClaimModel(60, 61);
        final AgentStore store = store(model);
        store.despawn(50);
        final StepPipeline pipeline = pipeline(store, model, 2, 4, 16);

        runTick(pipeline, 0L);

        // both despawns of 50 are now of a dead agent; two of the three spawns fit (at 50 and 60)
        assertEquals(10 + 2, applier.applied());
        assertEquals(50 + 2 + 2 + 1, applier.rejected());
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldSumMetricsInBatchOrderAndStartAfreshEachTick(final int workers)
    {
        final int agents = 1001;
        final int batchSize = 64;
        final MetricModel model = new MetricModel(agents);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, workers, batchSize, 32);

        for (long tick = 0; tick < 6; tick++)
        {
            runTick(pipeline, tick);
            final double[] expected = MetricModel.serialSums(agents, batchSize, tick);
            final double[] actual = pipeline.lastStepMetrics();
            assertEquals(expected.length, actual.length);
            for (int m = 0; m < expected.length; m++)
            {
                assertEquals(expected[m], actual[m], "tick " + tick + ", metric " + m);
            }
            assertEquals(agents, actual[MetricModel.COUNT], "counts are per tick, not cumulative");
        }
    }

    @Test
    void shouldRunPhasesInOrderWithBarriersAndSwapOncePerTick()
    {
        final RecordingModel model = new RecordingModel(20);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, 2, 3, 8);
        assertFalse(pipeline.isStepInProgress());
        for (long tick = 0; tick < 3; tick++)
        {
            model.events.clear();
            runTick(pipeline, tick);
            assertEquals(List.of("before emit " + tick, "after emit " + tick, "before empty " + tick,
                "after empty " + tick), model.events);
            assertEquals(tick + 1, store.swapCount());
            assertEquals((int)((tick + 1) & 1), store.parity());
            assertFalse(pipeline.isStepInProgress());
        }
        assertEquals(0, pipeline.doWork(), "no work between ticks");
    }

    @Test
    void shouldRefuseToStartATickWhileOneIsInProgress()
    {
        final RecordingModel model = new RecordingModel(20);
        final StepPipeline pipeline = pipeline(store(model), model, 1, 3, 8);
        pipeline.startStep(0L);
        assertTrue(pipeline.isStepInProgress());
        assertThrows(IllegalStateException.class, () -> pipeline.startStep(1L));
    }

    @Test
    void shouldRunAPhaseWithAsManyBatchesAsTheRingHasSlots()
    {
        final MetricModel model = new MetricModel(100);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, 2, 25, 4);
        assertTimeoutPreemptively(HANG_GUARD, () -> runTick(pipeline, 0L));
        assertEquals(100, pipeline.lastStepMetrics()[MetricModel.COUNT]);
    }

    @Test
    void shouldRunAPhaseWithMoreBatchesThanTheRingHasSlots()
    {
        // batches live in a pool, not in the ring: a slot is reused as soon as every worker has passed it
        final MetricModel model = new MetricModel(100);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, 2, 3, 2);
        assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            runTick(pipeline, 0L);
            runTick(pipeline, 1L);
        });
        assertEquals(100, pipeline.lastStepMetrics()[MetricModel.COUNT]);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldSweepMoreWorkItemsThanTheTypeHasAgents(final int workers)
    {
        // a phase may sweep cells of a grid, or anything else more numerous than the agents
        final MetricModel model = new MetricModel(10, 100);
        final AgentStore store = store(model);
        final StepPipeline pipeline = pipeline(store, model, workers, 3, 16);
        assertTimeoutPreemptively(HANG_GUARD, () -> runTick(pipeline, 0L));
        assertArrayEquals(MetricModel.serialSums(100, 3, 0L), pipeline.lastStepMetrics());
    }

    /**
     * A phase of ten batches on the ring, and a phase of one batch computed inline, fail alike.
     */
    @ParameterizedTest
    @CsvSource({ "1, 10, 5", "3, 10, 5", "3, 1000, 0" })
    void shouldThrowNamingStepAndPhaseWhenAPhaseWorkerThrows(
        final int workers, final int batchSize, final int failingBatch)
    {
        final IllegalStateException boom = new IllegalStateException("boom");
        final SimulationContext ctx = new SimulationContext()
            .model(new ThrowingModel(100, 3L, failingBatch, boom))
            .workers(workers)
            .batchSize(batchSize)
            .ringSize(16);
        // the simulation is driven by one thread, so all of it runs under the hang guard
        final PipelineException[] thrown = assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            try (Simulation sim = Simulation.launch(ctx))
            {
                sim.run(3);
                final PipelineException first = assertThrows(PipelineException.class, sim::step);
                assertEquals(3, sim.tick());
                final PipelineException again = assertThrows(PipelineException.class, sim::step);
                return new PipelineException[]{ first, again };
            }
        });
        for (final PipelineException ex : thrown)
        {
            assertSame(boom, ex.getCause());
            assertTrue(ex.getMessage().contains("step 3"), ex.getMessage());
            assertTrue(ex.getMessage().contains("phase explode"), ex.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({ "1000, 1", "10, 3" })
    void shouldComputeOnTheDrivingThreadAloneWhenAPhaseHasOneBatch(final int batchSize, final int threadsUsed)
    {
        final ThreadsModel model = new ThreadsModel(100);
        final SimulationContext ctx = new SimulationContext().model(model).workers(3).batchSize(batchSize);
        // the hang guard drives the simulation from a thread of its own
        final Thread driver = assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            try (Simulation sim = Simulation.launch(ctx))
            {
                sim.run(5);
            }
            return Thread.currentThread();
        });
        assertEquals(threadsUsed, model.threads.size());
        assertTrue(model.threads.contains(driver));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldThrowNamingStepAndPhaseWhenApplyingACommandThrows(final int workers)
    {
        final IllegalStateException boom = new IllegalStateException("cannot apply");
        final SimulationContext ctx = new SimulationContext()
            .model(new ThrowingModel(100, 2L, -1, boom))
            .workers(workers)
            .batchSize(10)
            .ringSize(16);
        final PipelineException ex = assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            try (Simulation sim = Simulation.launch(ctx))
            {
                sim.run(2);
                return assertThrows(PipelineException.class, sim::step);
            }
        });
        assertSame(boom, ex.getCause());
        assertTrue(ex.getMessage().contains("step 2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("phase explode"), ex.getMessage());
    }

    private World world;
    private Model worldModel;

    private AgentStore store(final Model model)
    {
        world = Worlds.newWorld(model, SoaLayout.INSTANCE, SEED);
        worldModel = model;
        resources.add(world);
        model.initialise(world);
        return world.store(0);
    }

    private StepPipeline pipeline(
        final AgentStore store, final Model model, final int workers, final int batchSize, final int ringSize)
    {
        final ThreadFactory threads = (runnable) ->
        {
            final Thread thread = new Thread(runnable, "step-pipeline-test-worker");
            thread.setDaemon(true);
            return thread;
        };
        assertSame(world.store(0), store);
        assertSame(worldModel, model);
        final CommandRegistry registry = new CommandRegistry();
        model.commands(registry);
        applier = new CommandApplier(world, registry, Worlds.commandStream(world));
        final StepPipeline pipeline = new StepPipeline(world, model.phases(), model.metricNames().size(), applier,
            workers, batchSize, ringSize, WaitStrategies.named("backoff"), threads, false);
        resources.add(pipeline);
        assertEquals(workers, pipeline.workers());
        assertEquals(batchSize, pipeline.batchSize());
        return pipeline;
    }

    private void runTick(final StepPipeline pipeline, final long tick)
    {
        pipeline.startStep(tick);
        while (pipeline.isStepInProgress())
        {
            idle.idle(pipeline.doWork());
        }
        idle.reset();
    }

    private static int ownerOf(final AgentStore store, final int index)
    {
        return store.buffer(store.currentSlot(0)).getInt(store.offset(store.currentSlot(0), index));
    }

    private static long spawnedBy(final AgentStore store, final int index)
    {
        return store.buffer(store.currentSlot(1)).getLong(store.offset(store.currentSlot(1), index));
    }

    private abstract static class TestModel implements Model
    {
        final AgentType cells;
        private final int agents;

        TestModel(final int agents, final int capacity)
        {
            this.agents = agents;
            this.cells = AgentType.of("cells", SCHEMA, capacity);
        }

        public List<AgentType> agentTypes()
        {
            return List.of(cells);
        }

        public void initialise(final World world)
        {
            world.store(cells).spawn(agents);
        }
    }

    /**
     * Every agent emits two entries per tick; apply records them, and the phases record their serial callbacks.
     */
    private static final class RecordingModel extends TestModel
    {
        final List<Long> applied = new ArrayList<>();
        final Set<Thread> applyThreads = ConcurrentHashMap.newKeySet();
        final Set<Thread> computeThreads = ConcurrentHashMap.newKeySet();
        final List<String> events = new ArrayList<>();
        final int[] batchFrom = new int[64];
        final int[] batchTo = new int[64];

        RecordingModel(final int agents)
        {
            super(agents, agents);
        }

        static long entry(final int kind, final long a, final long b)
        {
            return (long)kind << 48 | a << 24 | b;
        }

        public List<Phase> phases()
        {
            return List.of(new RecordingPhase("emit"), new RecordingPhase("empty"));
        }

        public void commands(final CommandRegistry commands)
        {
            final MarkCodec mark = new MarkCodec();
            commands.handle(MarkCodec.ID, MarkCodec.NAME, (command) ->
            {
                mark.wrap(command.buffer(), command.payloadOffset());
                assertEquals(command.targetIndex(), command.sourceIndex());
                applied.add(entry(mark.kind(), command.targetIndex(), mark.value()));
                applyThreads.add(Thread.currentThread());
                return Outcome.APPLIED;
            });
        }

        private final class RecordingPhase implements Phase
        {
            private final String name;

            RecordingPhase(final String name)
            {
                this.name = name;
            }

            public String name()
            {
                return name;
            }

            public AgentType sweeps()
            {
                return cells;
            }

            public int workItems(final World world)
            {
                return "empty".equals(name) ? 0 : world.store(cells).highWaterMark();
            }

            public PhaseWorker newWorker(final World world)
            {
                final MarkCodec mark = new MarkCodec();
                return (batch) -> process(batch, mark);
            }

            public void beforeBatches(final World world, final long tick)
            {
                events.add("before " + name + " " + tick);
            }

            public void afterBatches(final World world, final long tick)
            {
                events.add("after " + name + " " + tick);
            }

            private void process(final BatchContext batch, final MarkCodec mark)
            {
                computeThreads.add(Thread.currentThread());
                batchFrom[batch.batchIndex()] = batch.from();
                batchTo[batch.batchIndex()] = batch.to();
                final int type = cells.id();
                for (int i = batch.from(); i < batch.to(); i++)
                {
                    mark.wrap(batch.outbox().buffer(), batch.outbox().command(MarkCodec.ID, MarkCodec.LENGTH, type, i,
                        type, i)).kind(0).value(batch.batchIndex());
                    mark.wrap(batch.outbox().buffer(), batch.outbox().command(MarkCodec.ID, MarkCodec.LENGTH, type, i,
                        type, i)).kind(1).value(batch.step());
                }
            }
        }
    }

    /**
     * Agent i claims agent i % 10; agents 0 and 21 despawn agent 50; agents 33 and 34 despawn agents that never
     * lived; agents 40, 41 and 42 ask for a spawn each. Field 0 is the owner (claimant + 1), field 1 the spawner.
     */
    private static final class ClaimModel extends TestModel
    {
        static final int REASON_OWNED = Outcome.FIRST_MODEL_REASON;

        final List<Integer> spawnedIndices = new ArrayList<>();
        final List<Long> spawnPayloads = new ArrayList<>();

        ClaimModel(final int agents, final int capacity)
        {
            super(agents, capacity);
        }

        public List<Phase> phases()
        {
            return List.of(new Phase()
            {
                public String name()
                {
                    return "claim";
                }

                public AgentType sweeps()
                {
                    return cells;
                }

                public PhaseWorker newWorker(final World world)
                {
                    final MarkCodec mark = new MarkCodec();
                    return (batch) -> process(batch, mark);
                }
            });
        }

        private void process(final BatchContext batch, final MarkCodec mark)
        {
            final int type = cells.id();
            for (int i = batch.from(); i < batch.to(); i++)
            {
                mark.wrap(batch.outbox().buffer(), batch.outbox().command(MarkCodec.ID, MarkCodec.LENGTH, type, i % 10,
                    type, i)).kind(0).value(batch.step());
                if (i == 0 || i == 21)
                {
                    batch.outbox().despawn(type, 50);
                }
                else if (i == 33)
                {
                    batch.outbox().despawn(type, 1000);
                }
                else if (i == 34)
                {
                    batch.outbox().despawn(type, -1);
                }
                else if (i >= 40 && i <= 42)
                {
                    mark.wrap(batch.outbox().buffer(), batch.outbox().spawn(MarkCodec.ID, MarkCodec.LENGTH, type, -1,
                        -1)).kind(1).value(i);
                }
            }
        }

        public void commands(final CommandRegistry commands)
        {
            final MarkCodec mark = new MarkCodec();
            commands.handle(MarkCodec.ID, MarkCodec.NAME, (command) -> apply(command, mark))
                .reason(REASON_OWNED, "owned");
        }

        private int apply(final Command command, final MarkCodec mark)
        {
            final AgentStore store = command.world().store(cells);
            final int target = command.targetIndex();
            mark.wrap(command.buffer(), command.payloadOffset());
            if (command.isSpawn())
            {
                spawnedIndices.add(target);
                spawnPayloads.add(7L * mark.value());
                store.buffer(store.currentSlot(1)).putLong(store.offset(store.currentSlot(1), target), mark.value());
                return Outcome.APPLIED;
            }
            final int slot = store.currentSlot(0);
            final int offset = store.offset(slot, target);
            if (store.buffer(slot).getInt(offset) != 0)
            {
                return REASON_OWNED;
            }
            store.buffer(slot).putInt(offset, command.sourceIndex() + 1);
            return Outcome.APPLIED;
        }
    }

    /**
     * Adds per-agent values to metrics in two phases; {@link #serialSums} works out the same sums on one thread,
     * batch by batch in order, as the pipeline must.
     */
    private static final class MetricModel extends TestModel
    {
        static final int COUNT = 0;
        static final int DRAWS = 1;
        static final int INDEX_TENTHS = 2;
        static final int SQUARES = 3;

        private final int workItems;

        MetricModel(final int agents)
        {
            this(agents, agents);
        }

        MetricModel(final int agents, final int workItems)
        {
            super(agents, agents);
            this.workItems = workItems;
        }

        public List<String> metricNames()
        {
            return List.of("count", "draws", "index_tenths", "squares");
        }

        public List<Phase> phases()
        {
            return List.of(new MetricPhase(0, workItems), new MetricPhase(1, workItems));
        }

        static double value(final int phase, final int metric, final long tick, final int i)
        {
            if (phase == 0)
            {
                switch (metric)
                {
                    case COUNT:
                        return 1.0;
                    case DRAWS:
                        return CounterRng.uniform(CounterRng.key(SEED, 9), tick, i, 0);
                    case INDEX_TENTHS:
                        return i * 0.1 + tick;
                    default:
                        return Double.NaN;
                }
            }
            return metric == SQUARES ? StrictMath.sqrt(i + tick * 0.37) : metric == DRAWS ? 1e-3 * i : Double.NaN;
        }

        static double[] serialSums(final int agents, final int batchSize, final long tick)
        {
            final double[] total = new double[4];
            for (int phase = 0; phase < 2; phase++)
            {
                for (int from = 0; from < agents; from += batchSize)
                {
                    final double[] batch = new double[4];
                    for (int i = from; i < Math.min(agents, from + batchSize); i++)
                    {
                        for (int m = 0; m < 4; m++)
                        {
                            final double v = value(phase, m, tick, i);
                            if (!Double.isNaN(v))
                            {
                                batch[m] += v;
                            }
                        }
                    }
                    for (int m = 0; m < 4; m++)
                    {
                        total[m] += batch[m];
                    }
                }
            }
            return total;
        }

        private static final class MetricPhase implements Phase
        {
            private final int phase;
            private final int workItems;

            MetricPhase(final int phase, final int workItems)
            {
                this.phase = phase;
                this.workItems = workItems;
            }

            public String name()
            {
                return "metrics-" + phase;
            }

            public AgentType sweeps()
            {
                return null;
            }

            public int workItems(final World world)
            {
                return workItems;
            }

            public PhaseWorker newWorker(final World world)
            {
                return (batch) ->
                {
                    for (int i = batch.from(); i < batch.to(); i++)
                    {
                        for (int m = 0; m < 4; m++)
                        {
                            final double v = value(phase, m, batch.step(), i);
                            if (!Double.isNaN(v))
                            {
                                batch.addMetric(m, v);
                            }
                        }
                    }
                };
            }
        }
    }

    /**
     * Phase "calm" then phase "explode". At the given tick, the worker of "explode" throws on the given batch, or,
     * when that batch is -1, every batch emits an entry whose apply throws.
     */
    private static final class ThrowingModel extends TestModel
    {
        private final long failingTick;
        private final int failingBatch;
        private final RuntimeException failure;

        ThrowingModel(final int agents, final long failingTick, final int failingBatch, final RuntimeException failure)
        {
            super(agents, agents);
            this.failingTick = failingTick;
            this.failingBatch = failingBatch;
            this.failure = failure;
        }

        public List<Phase> phases()
        {
            final MarkCodec mark = new MarkCodec();
            return List.of(new NamedPhase("calm", cells, (batch) -> { }), new NamedPhase("explode", cells, (batch) ->
            {
                if (batch.step() == failingTick)
                {
                    if (batch.batchIndex() == failingBatch)
                    {
                        throw failure;
                    }
                    if (failingBatch < 0)
                    {
                        mark.wrap(batch.outbox().buffer(), batch.outbox().command(MarkCodec.ID, MarkCodec.LENGTH,
                            cells.id(), batch.from()));
                    }
                }
            }));
        }

        public void commands(final CommandRegistry commands)
        {
            commands.handle(MarkCodec.ID, MarkCodec.NAME, (command) ->
            {
                throw failure;
            });
        }
    }

    private static final class ThreadsModel extends TestModel
    {
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        ThreadsModel(final int agents)
        {
            super(agents, agents);
        }

        public List<Phase> phases()
        {
            return List.of(new NamedPhase("where", cells, (batch) -> threads.add(Thread.currentThread())));
        }
    }

    private static final class NamedPhase implements Phase
    {
        private final String name;
        private final AgentType type;
        private final PhaseWorker worker;

        NamedPhase(final String name, final AgentType type, final PhaseWorker worker)
        {
            this.name = name;
            this.type = type;
            this.worker = worker;
        }

        public String name()
        {
            return name;
        }

        public AgentType sweeps()
        {
            return type;
        }

        public PhaseWorker newWorker(final World world)
        {
            return worker;
        }
    }
}
