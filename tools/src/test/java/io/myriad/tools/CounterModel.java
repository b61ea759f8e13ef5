package io.myriad.tools;

import java.util.List;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

/**
 * The counter model: one type of agent with one long each, incremented in place each tick; its one metric is the
 * sum of values.
 */
final class CounterModel implements Model
{
    static final Schema SCHEMA = Schema.builder("counter").field("value", FieldType.LONG).build();

    private final int agents;
    private final long increment;
    private final AgentType counters;

    CounterModel(final int agents, final long increment)
    {
        this.agents = agents;
        this.increment = increment;
        this.counters = AgentType.of("counters", SCHEMA, agents);
    }

    public List<AgentType> agentTypes()
    {
        return List.of(counters);
    }

    public void initialise(final World world)
    {
        world.store(counters).spawn(agents);
    }

    public List<Phase> phases()
    {
        return List.of(new CountPhase(counters, increment));
    }

    public List<String> metricNames()
    {
        return List.of("total");
    }

    public Map<String, Double> observe(final double[] metricSums, final World world)
    {
        return Map.of("mean_value", metricSums[0] / world.store(counters).liveCount());
    }

    private static final class CountPhase implements Phase
    {
        private final AgentType counters;
        private final long increment;

        CountPhase(final AgentType counters, final long increment)
        {
            this.counters = counters;
            this.increment = increment;
        }

        public String name()
        {
            return "count";
        }

        public AgentType sweeps()
        {
            return counters;
        }

        public PhaseWorker newWorker(final World world)
        {
            return (final BatchContext batch) ->
            {
                final AgentStore store = batch.store();
                final int slot = store.currentSlot(0);
                final UnsafeBuffer buffer = store.buffer(slot);
                long sum = 0;
                for (int i = batch.from(), to = batch.to(); i < to; i++)
                {
                    final int offset = store.offset(slot, i);
                    final long value = buffer.getLong(offset) + increment;
                    buffer.putLong(offset, value);
                    sum += value;
                }
                batch.addMetric(0, sum);
            };
        }
    }
}
