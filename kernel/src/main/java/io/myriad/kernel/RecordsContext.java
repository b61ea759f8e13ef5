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
    private JournalWriter journal;
    private Path checkpointDirectory;
    private CheckpointPolicy checkpointPolicy = CheckpointPolicy.NONE;
    private Path metricsFile;
    private int metricsEvery;

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
     * {@code every} ticks and at the end, from a thread of its own; the simulation creates the file and closes it.
     *
     * @param file  the CSV file, which must not exist, or null for none (the default).
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
}
