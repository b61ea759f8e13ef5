package io.myriad.kernel.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalScan;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.RecordType;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.metrics.MetricsException;
import io.myriad.kernel.model.Model;

/**
 * Continues a run that stopped (closed, or killed at any moment) from its newest usable checkpoint, appending to
 * its own journal, so that it reaches exactly the state an uninterrupted run reaches.
 * <p>
 * {@link #open} reads the journal, rebuilds the model from its run start, restores the newest checkpoint that
 * passes every check (or the one named; or, with none, starts from tick 0) and reopens the journal at the
 * checkpoint's position. {@link #catchUp()} then re-executes up to the last tick the journal reached, applying the
 * journal's own inputs where they were applied the first time; every record this produces again is checked
 * against the journal's copy rather than appended (see {@link JournalWriter#resume}). From there the simulation
 * goes on as a live run: records are appended, checkpoints taken as the policy says.
 * <p>
 * A metrics file named in the context's {@link RecordsContext#metrics records} is the run's own, continued as its
 * journal is ({@link RecordsContext#continueMetrics}): its rows up to where the journal reaches are kept and the
 * resumed run writes only those after them, so that it ends as an uninterrupted run's. If the file is missing, a
 * new one starts at the checkpoint's tick, and a note says so.
 * <pre>{@code
 * try (Resume resume = Resume.open(journal, checkpoints, null, context, System.err::println))
 * {
 *     resume.catchUp();
 *     resume.simulation().run(resume.header().maxTicks() - resume.simulation().tick());
 * }
 * }</pre>
 */
public final class Resume implements AutoCloseable
{
    private final JournalScan scan;
    private final Checkpoint checkpoint;
    private final JournalWriter journal;
    private final Simulation simulation;
    private final int firstPosition;
    private long inputsApplied;

    private Resume(
        final JournalScan scan,
        final Checkpoint checkpoint,
        final JournalWriter journal,
        final Simulation simulation,
        final int firstPosition)
    {
        this.scan = scan;
        this.checkpoint = checkpoint;
        this.journal = journal;
        this.simulation = simulation;
        this.firstPosition = firstPosition;
    }

    /**
     * Opens a stopped run to continue it.
     *
     * @param journalDirectory    the run's journal.
     * @param checkpointDirectory the run's checkpoints, where new ones go too.
     * @param named               the checkpoint to start from, or null for the newest usable one.
     * @param context             how to run (workers, batch size, layout, the records' checkpoint policy and
     *                            metrics file and cadence...); the model, seed, journal, restore point, checkpoint
     *                            directory and how the metrics file is continued are set here.
     * @param notes               receives a line for each checkpoint passed over and why, and one if the metrics
     *                            file is missing.
     * @return the resumed run, at the checkpoint's tick.
     * @throws JournalException    if the journal is missing, damaged or describes a run this build cannot rebuild.
     * @throws CheckpointException if the named checkpoint is unusable.
     * @throws MetricsException    if the metrics file cannot be continued (another run's, or missing rows).
     */
    public static Resume open(
        final Path journalDirectory,
        final Path checkpointDirectory,
        final Checkpoint named,
        final SimulationContext context,
        final Consumer<String> notes)
    {
        return open(JournalScan.read(journalDirectory), checkpointDirectory, named, context, notes);
    }

    /**
     * As {@link #open(Path, Path, Checkpoint, SimulationContext, Consumer)}, from a journal already read, for a
     * caller that looked at it first (to see whether the run is already complete, say).
     *
     * @param scan                the run's journal, read.
     * @param checkpointDirectory the run's checkpoints, where new ones go too.
     * @param named               the checkpoint to start from, or null for the newest usable one.
     * @param context             how to run; the model, seed, journal, restore point, checkpoint directory and how
     *                            the metrics file is continued are set here.
     * @param notes               receives a line for each checkpoint passed over and why, and one if the metrics
     *                            file is missing.
     * @return the resumed run, at the checkpoint's tick.
     * @throws JournalException    if the journal describes a run this build cannot rebuild.
     * @throws CheckpointException if the named checkpoint is unusable.
     * @throws MetricsException    if the metrics file cannot be continued (another run's, or missing rows).
     */
    public static Resume open(
        final JournalScan scan,
        final Path checkpointDirectory,
        final Checkpoint named,
        final SimulationContext context,
        final Consumer<String> notes)
    {
        final Path journalDirectory = scan.directory();
        if (scan.tornTail() != null)
        {
            notes.accept(scan.tornTail() + "; the resume writes those records again");
        }
        final RunHeader header = scan.header();
        final Model model = header.createModel(journalDirectory);
        context.model(model).seed(header.seed()).modelName(header.model());
        final RecordsContext records = context.records();
        records.checkpoints(checkpointDirectory, records.checkpointPolicy());

        final Checkpoint checkpoint = named != null ? check(named, header, scan) : newest(checkpointDirectory,
            header, scan, notes);
        continueMetrics(records, checkpoint == null ? 0 : checkpoint.tick(), scan.lastTick(), notes);
        final int position = checkpoint == null ? 0 : (int)checkpoint.journalRecords();
        final JournalWriter journal = JournalWriter.resume(scan, position);
        try
        {
            records.journal(journal);
            final Simulation simulation = Simulation.launch(context.restoreFrom(checkpoint));
            return new Resume(scan, checkpoint, journal, simulation, position);
        }
        catch (final RuntimeException | Error ex)
        {
            journal.close();
            throw ex;
        }
    }

    private static void continueMetrics(
        final RecordsContext records, final long startTick, final long journalLastTick, final Consumer<String> notes)
    {
        final Path file = records.metricsFile();
        if (file == null || Files.exists(file))
        {
            records.continueMetrics(file == null ? RecordsContext.NEW_METRICS_FILE : journalLastTick);
        }
        else
        {
            records.continueMetrics(RecordsContext.NEW_METRICS_FILE);
            notes.accept("metrics file " + file + " is missing: a new one starts at step " + startTick +
                ", without the rows of the steps before it");
        }
    }

    private static Checkpoint newest(
        final Path directory, final RunHeader header, final JournalScan scan, final Consumer<String> notes)
    {
        final List<Checkpoint> all = Checkpoints.list(directory, (reason) -> notes.accept(
            "passed over a checkpoint: " + reason));
        for (final Checkpoint candidate : all)
        {
            try
            {
                return check(candidate, header, scan);
            }
            catch (final CheckpointException ex)
            {
                notes.accept("passed over checkpoint " + candidate.manifest().getFileName() + ": " +
                    ex.getMessage());
            }
        }
        if (!all.isEmpty() || directory != null)
        {
            notes.accept("no usable checkpoint; resuming from tick 0");
        }
        return null;
    }

    private static Checkpoint check(final Checkpoint checkpoint, final RunHeader header, final JournalScan scan)
    {
        CheckpointReader.verify(checkpoint);
        if (!checkpoint.model().equals(header.model()) || checkpoint.seed() != header.seed())
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " is of model " +
                checkpoint.model() + " with seed " + checkpoint.seed() + ", but this run is model " + header.model() +
                " with seed " + header.seed() + ": it belongs to another run");
        }
        final long position = checkpoint.journalRecords();
        if (position < 0)
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " was taken without a journal, " +
                "so a resume cannot tell where in the journal it stands; name an older checkpoint or restore it " +
                "from Java with SimulationContext.restoreFrom");
        }
        if (position < 1 || position > scan.size())
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " is at journal record " +
                position + ", but the journal holds " + scan.size() + ": either it belongs to another run or the " +
                "journal lost its end ('myriad journal verify' checks); name an older checkpoint");
        }
        int hashAt = (int)position - 1;
        while (hashAt > 0 && scan.type(hashAt) == RecordType.RUN_END)
        {
            hashAt--; // a run closed right after the checkpoint's hash
        }
        if (scan.type(hashAt) != RecordType.STATE_HASH || scan.tick(hashAt) != checkpoint.tick() ||
            scan.hash(hashAt) != checkpoint.stateHash())
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " does not match its journal: " +
                "record " + position + " is not the state hash " + StateHash.toHex(checkpoint.stateHash()) +
                " for tick " + checkpoint.tick());
        }
        return checkpoint;
    }

    /**
     * @return what the journal's run start says.
     */
    public RunHeader header()
    {
        return scan.header();
    }

    /**
     * @return the checkpoint resumed from, or null if none was usable and the run restarted from tick 0.
     */
    public Checkpoint checkpoint()
    {
        return checkpoint;
    }

    /**
     * @return the journal, reopened: appends go on where the run stopped.
     */
    public JournalWriter journal()
    {
        return journal;
    }

    /**
     * @return the resumed simulation.
     */
    public Simulation simulation()
    {
        return simulation;
    }

    /**
     * @return the last tick the journal reached before the resume.
     */
    public long journalLastTick()
    {
        return scan.lastTick();
    }

    /**
     * @return inputs from the journal applied again so far.
     */
    public long inputsApplied()
    {
        return inputsApplied;
    }

    /**
     * Re-executes from the checkpoint to the last tick the journal reached, applying the journal's inputs at the
     * ticks they were applied, each record produced again checked against the journal's.
     *
     * @throws JournalException if the re-execution differs from the journal.
     */
    public void catchUp()
    {
        for (int position = firstPosition, size = scan.size(); position < size; position++)
        {
            final long tick = scan.tick(position);
            if (tick > simulation.tick())
            {
                simulation.run(tick - simulation.tick());
            }
            if (scan.type(position) == RecordType.INPUT)
            {
                simulation.input(scan.inputKind(position), scan.inputTarget(position), scan.inputData(),
                    scan.inputDataOffset(position), scan.inputDataLength(position));
                inputsApplied++;
            }
        }
        if (journal.isCatchingUp())
        {
            // the journal's last records were of a tick the run had not finished: finish it
            simulation.run(Math.max(1, scan.lastTick() + 1 - simulation.tick()));
        }
    }

    /**
     * Closes the simulation (which journals the run's end) and then the journal.
     */
    public void close()
    {
        try
        {
            simulation.close();
        }
        finally
        {
            journal.close();
        }
    }
}
