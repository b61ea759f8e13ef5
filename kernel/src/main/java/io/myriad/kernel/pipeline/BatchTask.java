package io.myriad.kernel.pipeline;

import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Outbox;
import io.myriad.layouts.AgentStore;

/**
 * A ring slot: one batch of one phase. Pre-allocated with its outbox and metric accumulators and reused for every
 * batch that passes through the slot, so publishing allocates nothing.
 */
public final class BatchTask implements BatchContext
{
    private final AgentStore store;
    private final long seed;
    private final Outbox outbox = new Outbox();
    private final double[] metrics;
    int phase;
    long tick;
    int batchIndex;
    int from;
    int to;

    BatchTask(final AgentStore store, final long seed, final int metricCount)
    {
        this.store = store;
        this.seed = seed;
        this.metrics = new double[metricCount];
    }

    /**
     * {@inheritDoc}
     */
    public long tick()
    {
        return tick;
    }

    /**
     * {@inheritDoc}
     */
    public long seed()
    {
        return seed;
    }

    /**
     * {@inheritDoc}
     */
    public int batchIndex()
    {
        return batchIndex;
    }

    /**
     * {@inheritDoc}
     */
    public int from()
    {
        return from;
    }

    /**
     * {@inheritDoc}
     */
    public int to()
    {
        return to;
    }

    /**
     * {@inheritDoc}
     */
    public AgentStore store()
    {
        return store;
    }

    /**
     * {@inheritDoc}
     */
    public Outbox outbox()
    {
        return outbox;
    }

    /**
     * {@inheritDoc}
     */
    public void addMetric(final int metric, final double value)
    {
        metrics[metric] += value;
    }

    /**
     * @return the phase this batch belongs to.
     */
    public int phase()
    {
        return phase;
    }

    double[] metrics()
    {
        return metrics;
    }
}
