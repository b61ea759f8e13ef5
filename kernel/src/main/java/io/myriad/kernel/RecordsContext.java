package io.myriad.kernel;

import java.nio.file.Path;
import java.util.Objects;

import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.model.Model;

/**
 * What a {@link Simulation} records as it runs: its journal, its checkpoints and its metrics file. Part of a
 * {@link SimulationContext} ({@link SimulationContext#records(RecordsContext)}); by default a run records nothing.
 * <pre>{@code
 * Simulation.launch(new SimulationContext().model(model).seed(42)
 *     .records(new RecordsContext()
 *         .journal(journal)
 *         .checkpoints(runDirectory.resolve("checkpoints"), new CheckpointPolicy(100, 0, 0, 1, 3))
 *         .metrics(runDirectory.resolve("metrics.csv"), 10)));
 * }</pre>
 */
public final class RecordsContext
{
    /** {@link #metricsKeptUpTo()} of a metrics file the run creates rather than continues. */
    public static final long NEW_METRICS_FILE = -1;

    private JournalWriter journal;
    private Path checkpointDirectory;
    private CheckpointPolicy checkpointPolicy = CheckpointPolicy.NONE;
    private Path metricsFile;
    private int metricsEvery;
    private long metricsKeptUpTo = NEW_METRICS_FILE;

    /**
     * Checks that the settings go together.
     *
     * @return this context.
     * @throws IllegalArgumentException naming the setting that does not fit.
     */
    public RecordsContext conclude()
    {
        if (metricsKeptUpTo != NEW_METRICS_FILE && metricsFile == null)
        {
            throw new IllegalArgumentException("metrics are to be continued up to step " + metricsKeptUpTo +
                ", but no metrics file is named: set RecordsContext.metrics(file, every)");
        }
        return this;
    }

    /**
     * Journals the run: its state hash at tick 0 and every {@link JournalWriter#hashEvery()} ticks, every outbox
     * entry at level {@link JournalLevel#EVENTS}, and its end when the simulation closes. The caller owns the
     * writer and closes it after the simulation.
     *
     * @param journal the run's journal, or null for none (the default).
     * @return this context.
     */
    public RecordsContext journal(final JournalWriter journal)
    {
        this.journal = journal;
        return this;
    }

    /**
     * @return the run's journal, or null.
     */
    public JournalWriter journal()
    {
        return journal;
    }

    /**
     * Where checkpoints go and when they are taken; {@link Simulation#checkpoint()} also writes one on demand.
     *
     * @param directory the run's checkpoint directory, or null for none (the default).
     * @param policy    when to take them and how many to keep.
     * @return this context.
     */
    public RecordsContext checkpoints(final Path directory, final CheckpointPolicy policy)
    {
        this.checkpointDirectory = directory;
        this.checkpointPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @return the checkpoint directory, or null.
     */
    public Path checkpointDirectory()
    {
        return checkpointDirectory;
    }

    /**
     * @return when checkpoints are taken.
     */
    public CheckpointPolicy checkpointPolicy()
    {
        return checkpointPolicy;
    }

    /**
     * Writes every agent type's count and the model's {@link Model#metrics()} to a CSV file at the start, every
     * {@code every} ticks and at the end, from a thread of its own; the simulation opens the file and closes it.
     * Before each checkpoint the rows so far are forced to disk, so that a checkpoint never reaches past its
     * run's metrics file.
     *
     * @param file  the CSV file, which must not exist unless it is continued ({@link #continueMetrics(long)}),
     *              or null for none (the default).
     * @param every ticks between rows, at least 1.
     * @return this context.
     */
    public RecordsContext metrics(final Path file, final int every)
    {
        if (file != null && every < 1)
        {
            throw new IllegalArgumentException("metrics every must be at least 1 tick: " + every);
        }
        this.metricsFile = file;
        this.metricsEvery = every;
        return this;
    }

    /**
     * @return the metrics file, or null.
     */
    public Path metricsFile()
    {
        return metricsFile;
    }

    /**
     * @return ticks between metric rows.
     */
    public int metricsEvery()
    {
        return metricsEvery;
    }

    /**
     * Continues the {@link #metrics(Path, int) metrics file} a stopped run wrote, rather than creating it, as a
     * resumed run continues that run's journal. When the simulation launches, the file's header must be the one
     * this run writes and its rows one every {@code every} steps from its first; the header and the rows up to
     * step {@code keptUpTo} are kept, less a torn last line and a last row off the cadence (an earlier stop's
     * end), and the rest is cut off. The run then writes only rows past the last one kept, so that the file ends
     * as an uninterrupted run's does. A file of another run, or one that lacks a row before the tick the run is
     * restored at, gets a {@link io.myriad.kernel.metrics.MetricsException} and is left as it was. {@code Resume}
     * sets this itself.
     *
     * @param keptUpTo the last step whose rows are still the run's: where its journal reaches, or the restored
     *                 checkpoint's tick without a journal; {@link #NEW_METRICS_FILE} to create the file instead
     *                 (the default).
     * @return this context.
     */
    public RecordsContext continueMetrics(final long keptUpTo)
    {
        if (keptUpTo < NEW_METRICS_FILE)
        {
            throw new IllegalArgumentException("metrics kept up to must be a step, 0 or more: " + keptUpTo);
        }
        this.metricsKeptUpTo = keptUpTo;
        return this;
    }

    /**
     * @return the last step whose rows an existing metrics file keeps, or {@link #NEW_METRICS_FILE}.
     */
    public long metricsKeptUpTo()
    {
        return metricsKeptUpTo;
    }
}
