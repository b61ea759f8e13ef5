package io.myriad.kernel.pipeline;

import org.agrona.ExpandableArrayBuffer;

import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.world.World;

/**
 * The apply stage of a phase, on the driving thread once every worker has computed the phase: each batch's
 * commands carried out in batch order (and journaled with their outcomes at level events), each batch's metric
 * sums added to the step's in batch order, then the batch made ready for reuse.
 */
final class ApplyStage
{
    private final CommandApplier applier;
    private final double[] stepMetrics;
    private final ExpandableArrayBuffer outcomes = new ExpandableArrayBuffer(1024);
    private final Outbox deliveries = new Outbox();
    private JournalWriter eventJournal;

    ApplyStage(final CommandApplier applier, final double[] stepMetrics)
    {
        this.applier = applier;
        this.stepMetrics = stepMetrics;
    }

    void eventJournal(final JournalWriter journal)
    {
        this.eventJournal = journal;
    }

    /**
     * Delivers the channels' messages due at the start of a step, journaling each delivery at level events as an
     * entry of phase -1.
     *
     * @param world the world.
     * @param step  the step about to be computed.
     */
    void deliver(final World world, final long step)
    {
        if (world.channelCount() == 0)
        {
            return;
        }
        final JournalWriter journal = eventJournal;
        final double time = world.simTime(step);
        for (int c = 0, channels = world.channelCount(); c < channels; c++)
        {
            world.channel(c).deliver(step, time, journal == null ? null : deliveries);
        }
        final int count = deliveries.count();
        if (count > 0)
        {
            outcomes.checkLimit(count);
            outcomes.setMemory(0, count, (byte)Outcome.APPLIED);
            journal.events(step, -1, 0, deliveries.buffer(), deliveries.length(), count, outcomes);
            deliveries.clear();
        }
    }

    /**
     * @param batches the pool, the phase's batches first.
     * @param count   the phase's batches.
     * @param phase   the phase's index.
     * @param step    the step being computed.
     */
    void apply(final Batch[] batches, final int count, final int phase, final long step)
    {
        final JournalWriter journal = eventJournal;
        final double[] stepMetrics = this.stepMetrics;
        for (int b = 0; b < count; b++)
        {
            applier.applyReads(batches[b].outbox());
        }
        for (int b = 0; b < count; b++)
        {
            final Batch batch = batches[b];
            final Outbox outbox = batch.outbox();
            final int commands = outbox.count();
            if (commands > 0 || outbox.readCount() > 0)
            {
                if (journal != null && commands > 0)
                {
                    outcomes.checkLimit(commands);
                    applier.apply(outbox, step, outcomes);
                    journal.events(step, phase, b, outbox.buffer(), outbox.length(), commands, outcomes);
                }
                else
                {
                    applier.apply(outbox, step, null);
                }
                outbox.clear();
            }
            final double[] batchMetrics = batch.metrics();
            for (int m = 0; m < stepMetrics.length; m++)
            {
                stepMetrics[m] += batchMetrics[m];
                batchMetrics[m] = 0.0;
            }
        }
    }
}
