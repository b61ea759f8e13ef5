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
import org.junit.jupiter.params.provider.ValueSource;

import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickPipelineTest
{
    private static final long SEED = 7L;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Schema SCHEMA = Schema.builder("Cell")
        .field("owner", FieldType.INT)
        .field("spawnedBy", FieldType.LONG)
        .build();

    private final List<AutoCloseable> resources = new ArrayList<>();
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
    void shouldApplyEntriesInBatchOrderOnTheDrivingThread(final int workers)
    {
        final int agents = 53;
        final int batchSize = 5;
        final RecordingModel model = new RecordingModel(agents);
        final AgentStore store = store(model);
        final TickPipeline pipeline = pipeline(store, model, workers, batchSize, 16);

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
        assertEquals(4L * 2 * agents, pipeline.appliedEntries());
        assertEquals(0L, pipeline.rejectedEntries());
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
        final TickPipeline pipeline = pipeline(store, model, workers, 4, 16);

        runTick(pipeline, 0L);

        // claims: 60 on 10 targets, 10 win; despawns: 50 twice (second rejected), 1000 and -1 never alive;
        // spawns: 3 asked for, room for 2 once 50 is despawned
        assertEquals(10 + 1 + 2, pipeline.appliedEntries());
        assertEquals(50 + 1 + 2 + 1, pipeline.rejectedEntries());
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
        final TickPipeline pipeline = pipeline(store, model, 2, 4, 16);

        runTick(pipeline, 0L);

        // both despawns of 50 are now of a dead agent; two of the three spawns fit (at 50 and 60)
        assertEquals(10 + 2, pipeline.appliedEntries());
        assertEquals(50 + 2 + 2 + 1, pipeline.rejectedEntries());
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldSumMetricsInBatchOrderAndStartAfreshEachTick(final int workers)
    {
        final int agents = 1001;
        final int batchSize = 64;
        final MetricModel model = new MetricModel(agents);
        final AgentStore store = store(model);
        final TickPipeline pipeline = pipeline(store, model, workers, batchSize, 32);

        for (long tick = 0; tick < 6; tick++)
        {
            runTick(pipeline, tick);
            final double[] expected = MetricModel.serialSums(agents, batchSize, tick);
            final double[] actual = pipeline.lastTickMetrics();
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
        final TickPipeline pipeline = pipeline(store, model, 2, 3, 8);
        assertFalse(pipeline.isTickInProgress());
        for (long tick = 0; tick < 3; tick++)
        {
            model.events.clear();
            runTick(pipeline, tick);
            assertEquals(List.of("before emit " + tick, "after emit " + tick, "before empty " + tick,
                "after empty " + tick), model.events);
            assertEquals(tick + 1, store.swapCount());
            assertEquals((int)((tick + 1) & 1), store.parity());
            assertFalse(pipeline.isTickInProgress());
        }
        assertEquals(0, pipeline.doWork(), "no work between ticks");
    }

    @Test
    void shouldRefuseToStartATickWhileOneIsInProgress()
    {
        final RecordingModel model = new RecordingModel(20);
        final TickPipeline pipeline = pipeline(store(model), model, 1, 3, 8);
        pipeline.startTick(0L);
        assertTrue(pipeline.isTickInProgress());
        assertThrows(IllegalStateException.class, () -> pipeline.startTick(1L));
    }

    @Test
    void shouldRunAPhaseWithAsManyBatchesAsTheRingHasSlots()
    {
        final MetricModel model = new MetricModel(100);
        final AgentStore store = store(model);
        final TickPipeline pipeline = pipeline(store, model, 2, 25, 4);
        assertTimeoutPreemptively(HANG_GUARD, () -> runTick(pipeline, 0L));
        assertEquals(100, pipeline.lastTickMetrics()[MetricModel.COUNT]);
    }

    @Test
    void shouldRaiseTheRingToHoldEveryBatchOfAPhaseOverTheStoresCapacity()
    {
        final MetricModel model = new MetricModel(100);
        final AgentStore store = store(model);
        final TickPipeline pipeline = pipeline(store, model, 2, 3, 2);
        assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            runTick(pipeline, 0L);
            runTick(pipeline, 1L);
        });
        assertEquals(100, pipeline.lastTickMetrics()[MetricModel.COUNT]);
    }

    @Test
    void shouldFailRatherThanHangWhenAPhaseHasMoreBatchesThanTheRingHasSlots()
    {
        // a phase may sweep more work items than there are agents (cells, say), so no ring size fits every phase
        final MetricModel model = new MetricModel(10, 100);
        final AgentStore store = store(model);
        final TickPipeline pipeline = pipeline(store, model, 2, 3, 16);
        final PipelineException ex = assertTimeoutPreemptively(
            HANG_GUARD, () -> assertThrows(PipelineException.class, () -> runTick(pipeline, 0L)));
        assertTrue(ex.getMessage().contains("tick 0, phase metrics-0"), ex.getMessage());
        assertTrue(ex.getCause().getMessage().contains("34 batches"), ex.getCause().getMessage());
        assertTrue(ex.getCause().getMessage().contains("ring size"), ex.getCause().getMessage());
        assertFalse(pipeline.isTickInProgress());
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldThrowNamingTickAndPhaseWhenAPhaseWorkerThrows(final int workers)
    {
        final IllegalStateException boom = new IllegalStateException("boom");
        final SimulationContext ctx = new SimulationContext()
            .model(new ThrowingModel(100, 3L, 5, boom))
            .workers(workers)
            .batchSize(10)
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
            assertTrue(ex.getMessage().contains("tick 3"), ex.getMessage());
            assertTrue(ex.getMessage().contains("phase explode"), ex.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3 })
    void shouldThrowNamingTickAndPhaseWhenApplyingAnEntryThrows(final int workers)
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
        assertTrue(ex.getMessage().contains("tick 2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("phase explode"), ex.getMessage());
    }

    private AgentStore store(final Model model)
    {
        final AgentStore store = new AgentStore(model.schema(), SoaLayout.INSTANCE, model.capacity());
        resources.add(store);
        model.initialise(store, SEED);
        return store;
    }

    private TickPipeline pipeline(
        final AgentStore store, final Model model, final int workers, final int batchSize, final int ringSize)
    {
        final ThreadFactory threads = (runnable) ->
        {
            final Thread thread = new Thread(runnable, "tick-pipeline-test-worker");
            thread.setDaemon(true);
            return thread;
        };
        final TickPipeline pipeline = new TickPipeline(
            store, model, SEED, workers, batchSize, ringSize, WaitStrategies.named("backoff"), threads, false);
        resources.add(pipeline);
        assertEquals(workers, pipeline.workers());
        assertEquals(batchSize, pipeline.batchSize());
        return pipeline;
    }

    private void runTick(final TickPipeline pipeline, final long tick)
    {
        pipeline.startTick(tick);
        while (pipeline.isTickInProgress())
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
        private final int agents;
        private final int capacity;

        TestModel(final int agents, final int capacity)
        {
            this.agents = agents;
            this.capacity = capacity;
        }

        public Schema schema()
        {
            return SCHEMA;
        }

        public int capacity()
        {
            return capacity;
        }

        public void initialise(final AgentStore store, final long seed)
        {
            store.spawn(agents);
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

        public boolean apply(final AgentStore store, final int kind, final int target, final long a, final long b)
        {
            assertEquals(a, target);
            applied.add(entry(kind, a, b));
            applyThreads.add(Thread.currentThread());
            return true;
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

            public int workItems(final AgentStore store)
            {
                return "empty".equals(name) ? 0 : store.highWaterMark();
            }

            public PhaseWorker newWorker(final AgentStore store)
            {
                return this::process;
            }

            public void beforeBatches(final AgentStore store, final long tick)
            {
                events.add("before " + name + " " + tick);
            }

            public void afterBatches(final AgentStore store, final long tick)
            {
                events.add("after " + name + " " + tick);
            }

            private void process(final BatchContext batch)
            {
                computeThreads.add(Thread.currentThread());
                batchFrom[batch.batchIndex()] = batch.from();
                batchTo[batch.batchIndex()] = batch.to();
                for (int i = batch.from(); i < batch.to(); i++)
                {
                    batch.outbox().emit(0, i, i, batch.batchIndex());
                    batch.outbox().emit(1, i, i, batch.tick());
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

                public PhaseWorker newWorker(final AgentStore store)
                {
                    return ClaimModel::process;
                }
            });
        }

        private static void process(final BatchContext batch)
        {
            for (int i = batch.from(); i < batch.to(); i++)
            {
                batch.outbox().emit(0, i % 10, i, batch.tick());
                if (i == 0 || i == 21)
                {
                    batch.outbox().despawn(50);
                }
                else if (i == 33)
                {
                    batch.outbox().despawn(1000);
                }
                else if (i == 34)
                {
                    batch.outbox().despawn(-1);
                }
                else if (i >= 40 && i <= 42)
                {
                    batch.outbox().spawn(i, 7L * i);
                }
            }
        }

        public boolean apply(final AgentStore store, final int kind, final int target, final long a, final long b)
        {
            final int slot = store.currentSlot(0);
            final int offset = store.offset(slot, target);
            if (!store.isAlive(target) || store.buffer(slot).getInt(offset) != 0)
            {
                return false;
            }
            store.buffer(slot).putInt(offset, (int)a + 1);
            return true;
        }

        public void onSpawn(final AgentStore store, final int index, final long a, final long b)
        {
            spawnedIndices.add(index);
            spawnPayloads.add(b);
            store.buffer(store.currentSlot(1)).putLong(store.offset(store.currentSlot(1), index), a);
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

            public int workItems(final AgentStore store)
            {
                return workItems;
            }

            public PhaseWorker newWorker(final AgentStore store)
            {
                return (batch) ->
                {
                    for (int i = batch.from(); i < batch.to(); i++)
                    {
                        for (int m = 0; m < 4; m++)
                        {
                            final double v = value(phase, m, batch.tick(), i);
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
            return List.of(new NamedPhase("calm", (batch) -> { }), new NamedPhase("explode", (batch) ->
            {
                if (batch.tick() == failingTick)
                {
                    if (batch.batchIndex() == failingBatch)
                    {
                        throw failure;
                    }
                    if (failingBatch < 0)
                    {
                        batch.outbox().emit(0, batch.from(), 0L, 0L);
                    }
                }
            }));
        }

        public boolean apply(final AgentStore store, final int kind, final int target, final long a, final long b)
        {
            throw failure;
        }
    }

    private static final class NamedPhase implements Phase
    {
        private final String name;
        private final PhaseWorker worker;

        NamedPhase(final String name, final PhaseWorker worker)
        {
            this.name = name;
            this.worker = worker;
        }

        public String name()
        {
            return name;
        }

        public PhaseWorker newWorker(final AgentStore store)
        {
            return worker;
        }
    }
}
