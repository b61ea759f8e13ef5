package io.myriad.kernel;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

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

/**
 * A test model that emits nothing and allocates nothing per tick: agents drift a double-buffered value and count
 * their ticks, and one metric sums the values. With {@code garbagePerBatch} it allocates a long array of that many
 * elements per batch instead, to show that allocation is seen.
 */
final class QuietModel implements Model
{
    static final Schema SCHEMA = Schema.builder("Quiet")
        .field("x", FieldType.DOUBLE, true)
        .field("n", FieldType.LONG)
        .build();

    private final int agents;
    private final int garbagePerBatch;
    private final AgentType quiet;
    private final List<Phase> phases;

    QuietModel(final int agents, final int garbagePerBatch)
    {
        this.agents = agents;
        this.garbagePerBatch = garbagePerBatch;
        this.quiet = AgentType.of("quiet", SCHEMA, agents);
        this.phases = List.of(new DriftPhase("drift"), new DriftPhase("drift-again"));
    }

    public List<AgentType> agentTypes()
    {
        return List.of(quiet);
    }

    public void initialise(final World world)
    {
        world.store(quiet).spawn(agents);
    }

    public List<Phase> phases()
    {
        return phases;
    }

    public List<String> metricNames()
    {
        return List.of("x");
    }

    private final class DriftPhase implements Phase
    {
        private final String name;

        DriftPhase(final String name)
        {
            this.name = name;
        }

        public String name()
        {
            return name;
        }

        public AgentType sweeps()
        {
            return quiet;
        }

        public PhaseWorker newWorker(final World world)
        {
            return new DriftWorker(garbagePerBatch);
        }
    }

    private static final class DriftWorker implements PhaseWorker
    {
        private final int garbagePerBatch;
        private long[] sink;

        DriftWorker(final int garbagePerBatch)
        {
            this.garbagePerBatch = garbagePerBatch;
        }

        public void process(final BatchContext batch)
        {
            if (garbagePerBatch > 0)
            {
                sink = new long[garbagePerBatch];
                sink[0] = batch.batchIndex();
            }
            final AgentStore store = batch.store();
            final long key = CounterRng.key(batch.seed(), 0);
            final int xSlot = store.currentSlot(0);
            final int nextXSlot = store.nextSlot(0);
            final int nSlot = store.currentSlot(1);
            final UnsafeBuffer xs = store.buffer(xSlot);
            final UnsafeBuffer nextXs = store.buffer(nextXSlot);
            final UnsafeBuffer ns = store.buffer(nSlot);
            final long tick = batch.step();
            double sum = 0;
            for (int i = batch.from(), to = batch.to(); i < to; i++)
            {
                final double x = xs.getDouble(store.offset(xSlot, i)) * 0.9 + CounterRng.uniform(key, tick, i, 0);
                nextXs.putDouble(store.offset(nextXSlot, i), x);
                final int nOffset = store.offset(nSlot, i);
                ns.putLong(nOffset, ns.getLong(nOffset) + 1);
                sum += x;
            }
            batch.addMetric(0, sum);
        }
    }
}
