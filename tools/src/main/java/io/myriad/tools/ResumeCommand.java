package io.myriad.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.Checkpoints;
import io.myriad.kernel.checkpoint.Resume;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalScan;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.tools.report.RunSummary;
import io.myriad.tools.report.SummaryJson;
import io.myriad.tools.report.SummaryText;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioException;
import io.myriad.tools.scenario.ScenarioParser;
import io.myriad.tools.scenario.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code myriad resume}: continues a stopped or killed run from its newest usable checkpoint (or the one named),
 * appending to its journal, to the run's end or N ticks past where it stopped.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = VersionProvider.class,
    description =
    {
        "Continues a run that stopped or was killed: restores its newest usable checkpoint (passing over damaged " +
            "or incomplete ones, and saying so), re-executes to where the journal ends, checking every record it " +
            "produces again against the journal's, then runs on, appending to the same journal.",
        "The run's own settings (from its journal) are used; only --threads may change, which changes no result.",
        "A run that is already complete (its journal ends with the run's end, at its last tick) is left as it is: " +
            "resume says so, naming its last tick and state hash, unless --ticks asks for more.",
        "The run's metrics.csv is continued as its journal is, so that it ends as an uninterrupted run's would; " +
            "if it is missing, a new one starts where the resume does (with a warning)."
    },
    footer =
    {
        "",
        "Exit status: 0 success, 1 the run failed (or differs from its journal), 2 bad input (no such run, no " +
            "journal, a damaged journal, a named checkpoint that cannot be used, a metrics.csv that is not the " +
            "run's)."
    })
final class ResumeCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "RUN_DIR_OR_CHECKPOINT",
        description = "The run's directory, or one of its checkpoints (checkpoints/tick-<T>.manifest).")
    String target;

    @Option(names = "--ticks", paramLabel = "N",
        description = "Run N ticks past where the journal ends, instead of to the run's own end.")
    Long ticks;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads; default: the run's.")
    String threads;

    @Option(names = "--json", description = "Also print the summary as one JSON line, the last line of output.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Path workingDirectory;
    private final int cores;

    ResumeCommand(final Path workingDirectory, final int cores)
    {
        this.workingDirectory = workingDirectory;
        this.cores = cores;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        Main.requireModuleAccess();
        if (ticks != null && ticks < 0)
        {
            throw new ScenarioException("--ticks " + ticks + ": must be 0 or more");
        }
        final Path path = workingDirectory.resolve(target).normalize();
        final Checkpoint named;
        final Path runDirectory;
        if (Files.isRegularFile(path))
        {
            named = Checkpoints.read(path);
            runDirectory = path.toAbsolutePath().getParent().getParent();
        }
        else
        {
            named = null;
            runDirectory = path;
        }
        final Path journal = JournalLocation.resolve(workingDirectory, runDirectory.toString());
        final JournalScan scan = JournalScan.read(journal);
        final RunSettings settings = settings(scan);

        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        if (ticks == null && scan.isComplete())
        {
            // nothing to do: resuming would only rewrite a good summary with the figures of zero ticks
            final Path summaryFile = runDirectory.resolve(SummaryJson.FILE_NAME);
            if (!Files.isRegularFile(summaryFile))
            {
                // killed after its journal's end and before its summary: say what the journal vouches for
                writeCompleteSummary(scan, runDirectory, summaryFile);
                stderr.println("myriad: warning: the run ended without writing " + SummaryJson.FILE_NAME + "; wrote " +
                    "one from its journal (its end and state hash; the run's timings were lost with it)");
                stderr.flush();
            }
            reportComplete(scan, runDirectory, stdout);
            return Main.EXIT_OK;
        }
        Oversubscription.warnIfOversubscribed(settings.threads(), cores, settings.waitStrategy(),
            settings.originOf(Scenario.WAIT_STRATEGY), stderr);
        final SimulationContext context = new SimulationContext()
            .maxSimTime(settings.maxSimTime())
            .workers(settings.threads())
            .batchSize(settings.batchSize())
            .layout(settings.layout())
            .waitStrategy(settings.waitStrategy())
            .decisions(DeciderCreation.context(settings, workingDirectory, System.getenv()))
            .records(new RecordsContext()
                .checkpoints(null, settings.checkpointPolicy())
                .metrics(settings.metricsEvery() > 0 ? runDirectory.resolve(RunCommand.METRICS_FILE) : null,
                    Math.max(1, settings.metricsEvery())));
        final RunSummary summary;
        try (Resume resume = Resume.open(scan, runDirectory.resolve(RunCommand.CHECKPOINT_DIRECTORY), named,
            context, (note) -> stderr.println("myriad: warning: " + note)))
        {
            final Checkpoint from = resume.checkpoint();
            stderr.println("myriad: resuming " + settings.model() + " from " + (from == null ? "tick 0 (no usable " +
                "checkpoint)" : "checkpoint " + from.manifest().getFileName() + " (tick " + from.tick() + ")") +
                "; the journal reaches tick " + resume.journalLastTick());
            stderr.flush();
            resume.catchUp();
            final Simulation sim = resume.simulation();
            // the catch-up runs flat out; the run's own pace resumes where it left off
            sim.pacer().timeScale(settings.timeScale(), sim.simTime());
            final long end = ticks != null ? resume.journalLastTick() + ticks : settings.ticks();
            final long caughtUp = sim.tick();
            final long eventsBefore = sim.eventsTaken();
            final long wallNs = SimulationRun.runWithKeys(sim, end, stderr);
            final RunSummary unfinished =
                RunSummary.of(settings, sim, caughtUp, eventsBefore, wallNs, runDirectory.toString());
            sim.close();
            summary = unfinished.withJournal(
                RunSummary.Journal.of(resume.journal().directory().toString(), settings, resume.journal()));
        }
        writeSummary(runDirectory, summary);
        SummaryText.print(summary, stdout);
        if (json)
        {
            stdout.println(SummaryJson.toLine(summary));
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    private void reportComplete(final JournalScan scan, final Path runDirectory, final PrintWriter stdout)
    {
        final int last = scan.size() - 1;
        final String hash = StateHash.toHex(scan.hash(last));
        final String asked = scan.header().maxTicks() == Long.MAX_VALUE ? "it ran until it was over" :
            "it was asked for " + scan.header().maxTicks() + " ticks";
        stdout.println("the run in " + target + " is complete: " + asked + " and ended at tick " + scan.tick(last) +
            " with state hash " + hash + "; nothing to resume, nothing changed (to run it further: myriad resume " +
            target + " --ticks N)");
        if (json)
        {
            stdout.println(completeJson(scan, runDirectory));
        }
        stdout.flush();
    }

    private static String completeJson(final JournalScan scan, final Path runDirectory)
    {
        final int last = scan.size() - 1;
        final StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text))
        {
            out.writeStartObject();
            out.writeBooleanField("complete", true);
            out.writeStringField("model", scan.header().model());
            out.writeNumberField("ticks", scan.tick(last));
            out.writeStringField("state_hash", StateHash.toHex(scan.hash(last)));
            out.writeStringField("run_directory", runDirectory.toString());
            out.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    private static void writeCompleteSummary(final JournalScan scan, final Path runDirectory, final Path file)
    {
        try
        {
            Files.writeString(file, completeJson(scan, runDirectory) + System.lineSeparator());
        }
        catch (final IOException ex)
        {
            throw new RunFailedException("cannot write the run's summary into " + runDirectory + ": " +
                ex.getMessage(), ex);
        }
    }

    private RunSettings settings(final JournalScan scan)
    {
        final RunHeader header = scan.header();
        final Path journal = scan.directory();
        final Scenario scenario = ScenarioParser.parse(header.scenario(), "the run's scenario (" + journal + ")");
        final Map<String, Value> flags = new LinkedHashMap<>();
        if (threads != null)
        {
            flags.put(Scenario.THREADS, Value.text("--threads", threads));
            final Value recorded = scenario.get(Scenario.WAIT_STRATEGY);
            if (recorded == null || WaitStrategies.DEFAULT.equals(recorded.text()) ||
                WaitStrategies.OVERSUBSCRIBED_DEFAULT.equals(recorded.text()))
            {
                // the run had the default for its threads (the scenario records it); other threads, their default
                flags.put(Scenario.WAIT_STRATEGY, Value.text("--threads", WaitStrategies.defaultFor(
                    (int)Value.text("--threads", threads).asLong(1, Short.MAX_VALUE), cores)));
            }
        }
        return RunSettings.resolve(scenario, new Scenario(null, flags, Map.of()), cores);
    }

    private static void writeSummary(final Path runDirectory, final RunSummary summary)
    {
        try
        {
            SummaryJson.write(summary, runDirectory.resolve(SummaryJson.FILE_NAME));
        }
        catch (final UncheckedIOException ex)
        {
            throw new RunFailedException("cannot write the run's summary into " + runDirectory + ": " +
                ex.getMessage(), ex);
        }
    }
}
