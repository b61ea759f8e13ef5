package io.myriad.tools;

import java.util.List;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

/**
 * The counter model: one long per agent, incremented in place each tick; its one metric is the sum of values.
 */
final class CounterModel implements Model
{
    static final Schema SCHEMA = Schema.builder("counter").field("value", FieldType.LONG).build();

    private final int agents;
    private final long increment;

    CounterModel(final int agents, final long increment)
    {
        this.agents = agents;
        this.increment = increment;
    }

    public Schema schema()
    {
        return SCHEMA;
    }

    public int capacity()
    {
        return agents;
    }

    public void initialise(final AgentStore store, final long seed)
    {
        store.spawn(agents);
    }

    public List<Phase> phases()
    {
        return List.of(new CountPhase(increment));
    }

    public List<String> metricNames()
    {
        return List.of("total");
    }

    public Map<String, Double> observe(final double[] metricSums, final int liveAgents)
    {
        return Map.of("mean_value", metricSums[0] / liveAgents);
    }

    private static final class CountPhase implements Phase
    {
        private final long increment;

        CountPhase(final long increment)
        {
            this.increment = increment;
        }

        public String name()
        {
            return "count";
        }

        public PhaseWorker newWorker(final AgentStore store)
        {
            final int slot = store.currentSlot(0);
            final UnsafeBuffer buffer = store.buffer(slot);
            return (final BatchContext batch) ->
            {
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
