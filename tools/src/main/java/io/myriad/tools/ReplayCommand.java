package io.myriad.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.myriad.kernel.Configuration;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.Replay;
import io.myriad.tools.report.ProgressBar;
import io.myriad.tools.report.SummaryText;
import io.myriad.tools.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code myriad replay}: re-runs a run from its journal alone and checks every state hash it recorded.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = VersionProvider.class,
    description =
    {
        "Re-runs a run from its journal (model, parameters, seed and inputs; nothing else is consulted) and " +
            "compares every state hash the run recorded, stopping at the first that differs."
    },
    footer =
    {
        "",
        "Exit status: 0 every hash matched, 1 the replay diverged (or failed), 2 bad input (no such run, no " +
            "journal, a damaged journal, a model this build lacks)."
    })
final class ReplayCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "RUN_DIR", description = "The run's directory (or its journal directory).")
    String run;

    @Option(names = "--threads", paramLabel = "N",
        description = "Compute threads for the replay; any number gives the same hashes. Default: one per core.")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--json", description = "Also print the outcome as one JSON line, the last line of output.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Path workingDirectory;

    ReplayCommand(final Path workingDirectory)
    {
        this.workingDirectory = workingDirectory;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        Main.requireModuleAccess();
        if (threads < 1)
        {
            throw new ScenarioException("--threads " + threads + ": must be at least 1");
        }
        final Path journal = JournalLocation.resolve(workingDirectory, run);
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Replay.Result result;
        final String model;
        final int processors = Runtime.getRuntime().availableProcessors();
        final String waitStrategy = Configuration.waitStrategy(threads);
        Oversubscription.warnIfOversubscribed(threads, processors, waitStrategy,
            System.getProperty(Configuration.WAIT_STRATEGY_PROP_NAME) == null ? null :
            "system property " + Configuration.WAIT_STRATEGY_PROP_NAME, err);
        try (Replay replay = Replay.open(journal,
            new SimulationContext().workers(threads).waitStrategy(waitStrategy)))
        {
            model = replay.header().model();
            final long last = replay.lastRecordedTick();
            final ProgressBar progress = new ProgressBar(err, Math.max(last, 1), ProgressBar.isStderrTerminal());
            progress.start(System.nanoTime());
            for (long tick = 1; tick <= last; tick++)
            {
                if (!replay.runTo(tick))
                {
                    break;
                }
                progress.update(tick, System.nanoTime());
            }
            progress.finish();
            result = replay.result();
            if (replay.tornTail() != null)
            {
                err.println("myriad: warning: " + replay.tornTail());
            }
            if (!replay.isRunEnded())
            {
                err.println("myriad: note: the journal has no run-end record (the run was stopped or killed); " +
                    "replayed to its last recorded hash, tick " + last);
            }
        }

        final Replay.Divergence divergence = result.firstDivergence();
        out.printf(Locale.ROOT, "%-22s %s%n", "model", model);
        out.printf(Locale.ROOT, "%-22s %s%n", "journal", journal);
        out.printf(Locale.ROOT, "%-22s %,d on %d threads%n", "ticks replayed", result.tick(), threads);
        out.printf(Locale.ROOT, "%-22s %d%n", "hashes compared", result.hashesCompared());
        out.printf(Locale.ROOT, "%-22s %s%n", "verified", divergence == null ? "yes, every recorded hash matched" :
            "NO: first divergence at tick " + divergence.tick() + ", recorded " +
            StateHash.toHex(divergence.expected()) + ", replayed " + StateHash.toHex(divergence.actual()));
        out.printf(Locale.ROOT, "%-22s %s%n", "state hash", StateHash.toHex(result.stateHash()));
        out.printf(Locale.ROOT, "%-22s %s%n", "agent updates/s", SummaryText.rate(result.agentUpdatesPerSecond()));
        if (json)
        {
            out.println(toJson(result, model, journal));
        }
        out.flush();
        return divergence == null ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    private String toJson(final Replay.Result result, final String model, final Path journal)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text))
        {
            out.writeStartObject();
            out.writeBooleanField("verified", result.verified());
            out.writeNumberField("hashes_compared", result.hashesCompared());
            final Replay.Divergence divergence = result.firstDivergence();
            if (divergence == null)
            {
                out.writeNullField("first_divergence");
            }
            else
            {
                out.writeObjectFieldStart("first_divergence");
                out.writeNumberField("tick", divergence.tick());
                out.writeStringField("expected", StateHash.toHex(divergence.expected()));
                out.writeStringField("actual", StateHash.toHex(divergence.actual()));
                out.writeEndObject();
            }
            out.writeStringField("state_hash", StateHash.toHex(result.stateHash()));
            out.writeNumberField("agent_updates_per_second", result.agentUpdatesPerSecond());
            out.writeNumberField("ticks", result.tick());
            out.writeNumberField("wall_seconds", result.wallNs() / 1e9);
            out.writeNumberField("threads", threads);
            out.writeStringField("model", model);
            out.writeStringField("journal", journal.toString());
            out.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }
}
