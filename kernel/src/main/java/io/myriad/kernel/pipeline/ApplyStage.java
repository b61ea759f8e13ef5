package io.myriad.kernel.pipeline;

import org.agrona.ExpandableArrayBuffer;

import io.myriad.kernel.command.CommandApplier;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.journal.JournalWriter;

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
            final Batch batch = batches[b];
            final Outbox outbox = batch.outbox();
            final int commands = outbox.count();
            if (commands > 0)
            {
                if (journal != null)
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
