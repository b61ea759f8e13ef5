package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.agrona.CloseHelper;

import io.myriad.kernel.Configuration;
import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.CheckpointException;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.observe.RunObserver;
import io.myriad.tools.report.ProgressBar;
import io.myriad.tools.report.RunSummary;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.ScenarioWriter;
import io.myriad.tools.server.HostedRun;

/**
 * The run itself, as {@code myriad run} makes it: starts the journal, launches the simulation with the pipeline,
 * checkpoints and metrics the settings ask for, runs its ticks behind a progress bar and returns what it measured.
 * <p>
 * A journal or checkpoint that fails, or memory that runs out, fails the run ({@link RunFailedException}) rather than
 * surfacing as an internal error.
 */
final class SimulationRun
{
    private SimulationRun()
    {
    }

    /**
     * How a run's steps are driven once it is launched, on the calling thread.
     */
    interface Driver
    {
        /**
         * @param sim     the simulation, launched.
         * @param endTick the tick to stop at, or {@link Long#MAX_VALUE}.
         * @return wall time of the steps, in nanoseconds.
         */
        long drive(Simulation sim, long endTick);
    }

    /**
     * @param settings     the run's settings.
     * @param model        the model, created for them.
     * @param decisions    how the run asks its model's decider.
     * @param runDirectory where the journal, checkpoints and metrics go.
     * @param observer     what watches the run (the control server's snapshots), or null.
     * @param driver       drives the steps: {@link #withKeys(PrintWriter)} on the command line.
     * @return the run's summary, with the journal's figures when it wrote one.
     * @throws RunFailedException if the journal or a checkpoint fails, or memory runs out.
     */
    static RunSummary run(
        final RunSettings settings,
        final Model model,
        final DecisionsContext decisions,
        final RunDirectory runDirectory,
        final RunObserver observer,
        final Driver driver)
    {
        final JournalWriter journal = settings.journal() ? startJournal(settings, runDirectory) : null;
        final Path directory = runDirectory.path();
        final SimulationContext context = new SimulationContext()
            .model(model)
            .seed(settings.seed())
            .workers(settings.threads())
            .batchSize(settings.batchSize())
            .layout(settings.layout())
            .waitStrategy(settings.waitStrategy())
            .maxTicks(settings.ticks())
            .maxSimTime(settings.maxSimTime())
            .timeScale(settings.timeScale())
            .modelName(settings.model())
            .decisions(decisions)
            .observer(observer)
            .records(new RecordsContext()
                .journal(journal)
                .checkpoints(settings.checkpointPolicy().isEnabled() ?
                    directory.resolve(RunCommand.CHECKPOINT_DIRECTORY) : null, settings.checkpointPolicy())
                .metrics(settings.metricsEvery() > 0 ? directory.resolve(RunCommand.METRICS_FILE) : null,
                    Math.max(1, settings.metricsEvery())))
            // The first quarter of the run (at least the default warm-up) is left out of the allocation figure:
            // while the JIT settles, recompiled code can rematerialise objects that compiled code had eliminated.
            .warmupTicks((int)Math.min(Integer.MAX_VALUE, Math.max(Configuration.WARMUP_TICKS_DEFAULT,
                settings.ticks() == Long.MAX_VALUE ? 0 : settings.ticks() / 4)));
        try (journal)
        {
            final RunSummary summary;
            final Simulation sim = Simulation.launch(context);
            try
            {
                final long wallNs = driver.drive(sim, settings.ticks());
                summary = RunSummary.of(settings, sim, 0, 0, wallNs, runDirectory.display());
            }
            finally
            {
                // closing writes the journal's run-end record, so the journal's figures are read after it
                sim.close();
            }
            return journal == null ? summary : summary.withJournal(
                RunSummary.Journal.of(runDirectory.display(journal.directory()), settings, journal));
        }
        catch (final OutOfMemoryError ex)
        {
            throw RunFailedException.outOfMemory(settings, ex);
        }
        catch (final JournalException ex)
        {
            throw new RunFailedException("the journal failed: " + ex.getMessage(), ex);
        }
        catch (final CheckpointException ex)
        {
            throw new RunFailedException("a checkpoint failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param stderr where the progress bar goes.
     * @return the command line's driver: {@link #runWithKeys}.
     */
    static Driver withKeys(final PrintWriter stderr)
    {
        return (sim, endTick) -> runWithKeys(sim, endTick, stderr);
    }

    /**
     * @param run    the control server's run the simulation is.
     * @param inner  drives the steps.
     * @return a driver that attaches the simulation to the run before the steps, and takes the run's last frames
     *         after them, before the simulation closes.
     */
    static Driver hosted(final HostedRun run, final Driver inner)
    {
        return (sim, endTick) ->
        {
            run.attach(sim);
            final long wallNs = inner.drive(sim, endTick);
            run.lastFrames(sim);
            return wallNs;
        };
    }

    /**
     * Steps a simulation to a tick or until it is done, with a progress bar, and with keys when standard input is a
     * terminal ({@link TerminalKeys}).
     *
     * @return wall time of the steps, in nanoseconds.
     */
    static long runWithKeys(final Simulation sim, final long endTick, final PrintWriter stderr)
    {
        final TerminalKeys keys = TerminalKeys.attach(sim.control(), stderr);
        try
        {
            return ProgressBar.runTicks(sim, endTick, stderr);
        }
        finally
        {
            CloseHelper.close(keys);
        }
    }

    private static JournalWriter startJournal(final RunSettings settings, final RunDirectory runDirectory)
    {
        final Path directory = runDirectory.path().resolve(RunCommand.JOURNAL_DIRECTORY);
        try
        {
            return JournalWriter.create(directory, RunHeader.of(settings.modelConfig(), settings.journalLevel(),
                settings.hashEvery(), settings.ticks(), StateHash.VERSION, ScenarioWriter.toYaml(settings)));
        }
        catch (final JournalException ex)
        {
            throw new RunFailedException("cannot start the journal in " + runDirectory.display(directory) + ": " +
                ex.getMessage() + "; give --out DIR somewhere writable, or pass --no-journal", ex);
        }
    }
}
