package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.model.Model;
import io.myriad.tools.report.RunSummary;
import io.myriad.tools.report.SummaryJson;
import io.myriad.tools.report.SummaryText;
import io.myriad.tools.scenario.DeciderSettings;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioException;
import io.myriad.tools.scenario.ScenarioParser;
import io.myriad.tools.scenario.Value;
import io.myriad.tools.server.ControlServer;
import io.myriad.tools.server.HostedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code myriad run}: resolves a scenario and flags into settings, runs the model for its ticks and reports.
 * <p>
 * This class is the command line's side of a run: its options, the scenario they start from and how they become the
 * settings' command-line layer. The steps of the run are each a class of their own, taken in this order:
 * {@link RunSettings} resolves the settings, {@link RunDirectory} plans where the run goes, {@link ModelCreation}
 * creates the model, {@link Oversubscription} warns of more threads than processors, {@link SimulationRun} runs the
 * ticks, and the run directory then takes the resolved scenario and the summary, which is printed.
 * <p>
 * Every setting is validated, the model's configuration built and the model created before anything is written;
 * the run directory is created only once the ticks are done, so bad input or a failed run leaves nothing behind.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = VersionProvider.class,
    description =
    {
        "Runs a scenario and reports throughput, tick latency, allocation and the state hash.",
        "Flags override the scenario file. With no scenario, runs scenarios/default.yaml (flocking, 1,000,000 " +
            "birds, 200 ticks); with --model and no scenario, runs that model with its own defaults."
    },
    footer =
    {
        "",
        "Writes summary.json and scenario.yaml (the settings resolved, to run again) into the run directory.",
        "Exit status: 0 success, 1 the run failed, 2 bad input (nothing is run or written)."
    })
final class RunCommand implements Callable<Integer>
{
    /** The default scenario, relative to the installation directory. */
    static final String DEFAULT_SCENARIO = "scenarios/default.yaml";

    /** Label of the built-in default scenario, used when {@link #DEFAULT_SCENARIO} is absent. */
    static final String BUILT_IN_SCENARIO = "built-in default scenario";

    /** What {@link #DEFAULT_SCENARIO} says, for when it is absent. */
    static final String BUILT_IN_SCENARIO_YAML =
        "model: flocking\n" +
        "preset: large\n" +
        "agents: 1000000\n" +
        "ticks: 200\n" +
        "seed: 42\n";

    /** Where runs go unless {@code --out} says otherwise, under the working directory. */
    static final String RUNS_DIRECTORY = "runs";

    /** Name of the checkpoints' directory in the run directory. */
    static final String CHECKPOINT_DIRECTORY = "checkpoints";

    /** Name of the metrics' file in the run directory. */
    static final String METRICS_FILE = "metrics.csv";

    /** Name of the journal's directory in the run directory. */
    static final String JOURNAL_DIRECTORY = "journal";

    /** Name of the resolved scenario in the run directory. */
    static final String SCENARIO_FILE_NAME = "scenario.yaml";

    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml",
        description = "Scenario file; default: scenarios/default.yaml.")
    String scenario;

    @Option(names = "--model", paramLabel = "NAME", description = "Model to run ('myriad models' lists them).")
    String model;

    @Option(names = "--preset", paramLabel = "NAME", description = "The model's named set of parameters and agents.")
    String preset;

    @Option(names = "--agents", paramLabel = "N", description = "Agents at the start, at least 1.")
    String agents;

    @Option(names = "--ticks", paramLabel = "N", description = "Ticks (steps) to run, at least 1; default 200, " +
        "unbounded when --until is given.")
    String ticks;

    @Option(names = "--until", paramLabel = "SIM_SECONDS", description = "On the event clock, run until no event " +
        "is due at or before this sim time (scenario key max_sim_time).")
    String until;

    @Option(names = "--time-scale", paramLabel = "X", description = "Sim seconds a wall second: 0 (the default) " +
        "as fast as possible, 1 real time, 10 ten times faster (scenario key time_scale).")
    String timeScale;

    @Option(names = "--threads", paramLabel = "N",
        description = "Compute threads, this one included, at least 1; default: one per core.")
    String threads;

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed, a 64-bit integer; default 42.")
    String seed;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "Sets a model parameter, typed as the model declares it; repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--layout", paramLabel = "NAME", description = "Memory layout: soa (default), aos or " +
        "aosoa<N> (blocks of N agents, a power of two, e.g. aosoa16).")
    String layout;

    @Option(names = "--batch-size", paramLabel = "N", description = "Agents per batch of work; default 16384.")
    String batchSize;

    @Option(names = "--wait-strategy", paramLabel = "NAME",
        description = "How workers wait: backoff (default), sleeping, yielding, busy-spin or blocking.")
    String waitStrategy;

    @Option(names = "--no-journal", description = "Write no journal (the run cannot then be replayed).")
    boolean noJournal;

    @Option(names = "--journal-level", paramLabel = "LEVEL",
        description = "What the journal records: inputs (default; what replay needs) or events (also every entry " +
            "systems emit).")
    String journalLevel;

    @Option(names = "--hash-every", paramLabel = "N",
        description = "Ticks between the state hashes the journal records; default 100.")
    String hashEvery;

    @Option(names = "--metrics-every", paramLabel = "N",
        description = "Ticks between the rows of the run's metrics.csv (every agent type's count and the model's " +
            "declared metrics); 0 for none; default 10.")
    String metricsEvery;

    @Option(names = "--checkpoint-every-ticks", paramLabel = "N",
        description = "Take a checkpoint every N ticks (0, the default: none).")
    String checkpointEveryTicks;

    @Option(names = "--checkpoint-every-events", paramLabel = "M",
        description = "Take a checkpoint every M emitted events (0, the default: none).")
    String checkpointEveryEvents;

    @Option(names = "--checkpoint-every-sim-seconds", paramLabel = "S",
        description = "Take a checkpoint every S simulated seconds (a tick is seconds_per_tick, default 1).")
    String checkpointEverySimSeconds;

    @Option(names = "--keep-checkpoints", paramLabel = "K", description = "Keep the newest K checkpoints; default 3.")
    String keepCheckpoints;

    @Option(names = "--decider", paramLabel = "TYPE", description = "For models that decide through a decider: " +
        "scripted (the model's rules, the default) or http (an OpenAI-compatible endpoint: OPENAI_BASE_URL, " +
        "OPENAI_API_KEY).")
    private String decider;

    @Option(names = "--decider-cache", paramLabel = "FILE", description = "Answers kept by request: a re-run " +
        "with the same seed takes them from FILE instead of asking the decider again.")
    private String deciderCache;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Run directory; default runs/<model>-<yyyyMMdd-HHmmss>-<seed>.")
    String out;

    @Option(names = "--json", description = "Also print the summary as one JSON line, the last line of output.")
    boolean json;

    @Option(names = "--serve", description = "Serve the run on the control server and its dashboard while it " +
        "runs, and after it ends until interrupted (Ctrl-C); see --port, --bind, --token.")
    boolean serve;

    @Mixin
    ServeOptions serveOptions = new ServeOptions();

    @Spec
    CommandSpec spec;

    private final Path workingDirectory;
    private final Path defaultScenario;

    RunCommand(final Path workingDirectory, final Path defaultScenario)
    {
        this.workingDirectory = workingDirectory;
        this.defaultScenario = defaultScenario;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        Main.requireModuleAccess();
        final int processors = Runtime.getRuntime().availableProcessors();
        final PlannedRun planned = PlannedRun.plan(fileSettings(), commandLineSettings(), workingDirectory, out,
            processors);
        final RunSettings settings = planned.settings();
        final RunDirectory runDirectory = planned.directory();
        final Model model = planned.model();
        final DecisionsContext decisions = planned.decisions();

        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        Oversubscription.warnIfOversubscribed(settings.threads(), processors, settings.waitStrategy(),
            settings.originOf(Scenario.WAIT_STRATEGY), stderr);
        if (!serve)
        {
            final RunSummary summary = SimulationRun.run(settings, model, decisions, runDirectory, null,
                SimulationRun.withKeys(stderr));
            report(settings, runDirectory, summary, stdout);
            return Main.EXIT_OK;
        }
        try (ControlServer server = serveOptions.start(new ServedRuns(workingDirectory, defaultScenario.getParent()),
            stdout))
        {
            final HostedRun hosted = server.runs().host(scenario != null ? scenario : settings.model(),
                settings.model(), runDirectory.path());
            final RunSummary summary = SimulationRun.run(settings, model, decisions, runDirectory,
                hosted.snapshots(), SimulationRun.hosted(hosted, SimulationRun.withKeys(stderr)));
            report(settings, runDirectory, summary, stdout);
            hosted.finished(SummaryJson.toLine(summary));
            // on standard error, so that a --json summary stays the last line of standard output
            stderr.println("the run is done; still serving it until interrupted (Ctrl-C)");
            stderr.flush();
            ServeOptions.awaitInterrupt();
        }
        return Main.EXIT_OK;
    }

    private void report(final RunSettings settings, final RunDirectory runDirectory, final RunSummary summary,
        final PrintWriter stdout)
    {
        runDirectory.write(settings, summary);
        SummaryText.print(summary, stdout);
        if (json)
        {
            stdout.println(SummaryJson.toLine(summary));
        }
        stdout.flush();
    }

    private Scenario fileSettings()
    {
        if (scenario != null)
        {
            return ScenarioParser.parse(workingDirectory.resolve(scenario), scenario);
        }
        if (model != null)
        {
            // the default scenario applies only when nothing names a model or a scenario: a model named on the
            // command line runs with its own defaults and the preset asked for (--preset large: 400 birds)
            return Scenario.empty();
        }
        return Files.isRegularFile(defaultScenario) ?
            ScenarioParser.parse(defaultScenario, RunDirectory.display(workingDirectory, defaultScenario)) :
            ScenarioParser.parse(BUILT_IN_SCENARIO_YAML, BUILT_IN_SCENARIO);
    }

    private Scenario commandLineSettings()
    {
        final Map<String, Value> settings = new LinkedHashMap<>();
        flag(settings, Scenario.MODEL, "--model", model);
        flag(settings, Scenario.PRESET, "--preset", preset);
        flag(settings, Scenario.AGENTS, "--agents", agents);
        flag(settings, Scenario.TICKS, "--ticks", ticks);
        flag(settings, Scenario.MAX_SIM_TIME, "--until", until);
        flag(settings, Scenario.TIME_SCALE, "--time-scale", timeScale);
        flag(settings, Scenario.THREADS, "--threads", threads);
        flag(settings, Scenario.SEED, "--seed", seed);
        flag(settings, Scenario.LAYOUT, "--layout", layout);
        flag(settings, Scenario.BATCH_SIZE, "--batch-size", batchSize);
        flag(settings, Scenario.WAIT_STRATEGY, "--wait-strategy", waitStrategy);
        flag(settings, Scenario.JOURNAL, "--no-journal", noJournal ? "false" : null);
        flag(settings, Scenario.JOURNAL_LEVEL, "--journal-level", journalLevel);
        flag(settings, Scenario.HASH_EVERY, "--hash-every", hashEvery);
        flag(settings, Scenario.METRICS_EVERY, "--metrics-every", metricsEvery);
        flag(settings, Scenario.CHECKPOINT_EVERY_TICKS, "--checkpoint-every-ticks", checkpointEveryTicks);
        flag(settings, Scenario.CHECKPOINT_EVERY_EVENTS, "--checkpoint-every-events", checkpointEveryEvents);
        flag(settings, Scenario.CHECKPOINT_EVERY_SIM_SECONDS, "--checkpoint-every-sim-seconds",
            checkpointEverySimSeconds);
        flag(settings, Scenario.KEEP_CHECKPOINTS, "--keep-checkpoints", keepCheckpoints);
        flag(settings, DeciderSettings.path(DeciderSettings.TYPE), "--decider", decider);
        flag(settings, DeciderSettings.path(DeciderSettings.CACHE), "--decider-cache", deciderCache);

        final Map<String, Value> parameters = new LinkedHashMap<>();
        for (final String param : params)
        {
            final int equals = param.indexOf('=');
            if (equals <= 0)
            {
                throw new ScenarioException("--param " + param + ": expected NAME=VALUE, e.g. --param vision=5 " +
                    "('myriad models' lists each model's parameters)");
            }
            final String name = param.substring(0, equals).trim();
            parameters.put(name, Value.text("--param " + param, param.substring(equals + 1).trim()));
        }
        return new Scenario(null, settings, parameters);
    }

    private static void flag(final Map<String, Value> settings, final String key, final String flag, final String text)
    {
        if (text != null)
        {
            settings.put(key, Value.text(flag, text));
        }
    }
}
