package io.myriad.kernel.pipeline;

import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * One batch of a phase, kept in the pipeline's pool by batch index with its outbox and metric accumulators, and
 * reused every step, so publishing allocates nothing. The driving thread fills in the range before it publishes
 * the batch's ring slot, and reads the outbox after every compute worker has passed the phase's last slot: the
 * ring's sequences order both hand-overs.
 */
final class Batch implements BatchContext
{
    private final World world;
    private final Outbox outbox = new Outbox();
    private final double[] metrics;
    int phase;
    long step;
    int batchIndex;
    int from;
    int to;
    AgentStore store;

    Batch(final World world, final int metricCount)
    {
        this.world = world;
        this.metrics = new double[metricCount];
    }

    /**
     * {@inheritDoc}
     */
    public long step()
    {
        return step;
    }

    /**
     * {@inheritDoc}
     */
    public long seed()
    {
        return world.seed();
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
    public World world()
    {
        return world;
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

    double[] metrics()
    {
        return metrics;
    }
}
