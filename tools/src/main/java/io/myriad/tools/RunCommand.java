package io.myriad.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.myriad.kernel.Configuration;
import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.CheckpointException;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.pipeline.WaitStrategies;
import io.myriad.tools.report.ProgressBar;
import io.myriad.tools.report.RunSummary;
import io.myriad.tools.report.SummaryJson;
import io.myriad.tools.report.SummaryText;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioException;
import io.myriad.tools.scenario.ScenarioParser;
import io.myriad.tools.scenario.ScenarioWriter;
import io.myriad.tools.scenario.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code myriad run}: resolves a scenario and flags into settings, runs the model for its ticks and reports.
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
    static final String METRICS_FILE = "metrics.csv";

    /** Name of the journal's directory in the run directory. */
    static final String JOURNAL_DIRECTORY = "journal";

    /** Name of the resolved scenario in the run directory. */
    static final String SCENARIO_FILE_NAME = "scenario.yaml";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml",
        description = "Scenario file; default: scenarios/default.yaml.")
    String scenario;

    @Option(names = "--model", paramLabel = "NAME", description = "Model to run ('myriad models' lists them).")
    String model;

    @Option(names = "--preset", paramLabel = "NAME", description = "The model's named set of parameters and agents.")
    String preset;

    @Option(names = "--agents", paramLabel = "N", description = "Agents at the start, at least 1.")
    String agents;

    @Option(names = "--ticks", paramLabel = "N", description = "Ticks to run, at least 1; default 200.")
    String ticks;

    @Option(names = "--threads", paramLabel = "N",
        description = "Compute threads, this one included, at least 1; default: one per core.")
    String threads;

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed, a 64-bit integer; default 42.")
    String seed;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "Sets a model parameter, typed as the model declares it; repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--layout", paramLabel = "NAME", description = "Memory layout: soa (default), aos or aosoa16.")
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

    @Option(names = "--out", paramLabel = "DIR",
        description = "Run directory; default runs/<model>-<yyyyMMdd-HHmmss>-<seed>.")
    String out;

    @Option(names = "--json", description = "Also print the summary as one JSON line, the last line of output.")
    boolean json;

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
        final RunSettings settings = RunSettings.resolve(fileSettings(), commandLineSettings(), processors);
        final Path runDirectory = planRunDirectory(settings, LocalDateTime.now());
        final Model model = createModel(settings);

        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        warnIfOversubscribed(settings.threads(), processors, settings.waitStrategy(),
            settings.originOf(Scenario.WAIT_STRATEGY), stderr);
        final RunSummary summary = run(settings, model, runDirectory, stderr);

        writeRunDirectory(runDirectory, settings, summary);
        SummaryText.print(summary, stdout);
        if (json)
        {
            stdout.println(SummaryJson.toLine(summary));
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /**
     * Says on standard error when threads outnumber processors: the extra ones only take turns, so the run is
     * slower, not faster, and a worker that spins while it waits takes time from those that have work.
     *
     * @param threads      compute threads, the driving thread included.
     * @param processors   processors the JVM may use.
     * @param waitStrategy how workers wait.
     * @param origin       where the wait strategy was named, or null if it is the default.
     * @param stderr       where to say it.
     */
    static void warnIfOversubscribed(
        final int threads, final int processors, final String waitStrategy, final String origin,
        final PrintWriter stderr)
    {
        if (threads <= processors)
        {
            return;
        }
        final StringBuilder warning = new StringBuilder("myriad: warning: ").append(threads).append(" threads on ")
            .append(processors).append(processors == 1 ? " processor" : " processors")
            .append(": threads beyond one per processor only take turns with the others, so the run is slower, not " +
            "faster; --threads ").append(processors).append(" or fewer runs faster");
        if (origin == null)
        {
            warning.append(" (meanwhile, idle workers wait ").append(waitStrategy)
                .append(" rather than spinning, so that they take no time from the busy ones)");
        }
        else if (!WaitStrategies.OVERSUBSCRIBED_DEFAULT.equals(waitStrategy))
        {
            warning.append("; and the wait strategy ").append(waitStrategy).append(" (").append(origin)
                .append(") keeps idle workers spinning or yielding, taking time from the busy ones: ")
                .append(WaitStrategies.OVERSUBSCRIBED_DEFAULT).append(" suits more threads than processors");
        }
        stderr.println(warning);
        stderr.flush();
    }

    private RunSummary run(
        final RunSettings settings, final Model model, final Path runDirectory, final PrintWriter stderr)
    {
        final JournalWriter journal = settings.journal() ? startJournal(settings, runDirectory) : null;
        final SimulationContext context = new SimulationContext()
            .model(model)
            .seed(settings.seed())
            .workers(settings.threads())
            .batchSize(settings.batchSize())
            .layout(settings.layout())
            .waitStrategy(settings.waitStrategy())
            .maxTicks(settings.ticks())
            .modelName(settings.model())
            .records(new RecordsContext()
                .journal(journal)
                .checkpoints(settings.checkpointPolicy().isEnabled() ? runDirectory.resolve(CHECKPOINT_DIRECTORY) :
                    null, settings.checkpointPolicy())
                .metrics(settings.metricsEvery() > 0 ? runDirectory.resolve(METRICS_FILE) : null,
                    Math.max(1, settings.metricsEvery())))
            // The first quarter of the run (at least the default warm-up) is left out of the allocation figure:
            // while the JIT settles, recompiled code can rematerialise objects that compiled code had eliminated.
            .warmupTicks((int)Math.min(Integer.MAX_VALUE,
                Math.max(Configuration.WARMUP_TICKS_DEFAULT, settings.ticks() / 4)));
        try (journal)
        {
            final RunSummary summary;
            final Simulation sim = Simulation.launch(context);
            try
            {
                final long wallNs = ProgressBar.runTicks(sim, settings.ticks(), stderr);
                summary = RunSummary.of(settings, sim, 0, wallNs, display(runDirectory));
            }
            finally
            {
                // closing writes the journal's run-end record, so the journal's figures are read after it
                sim.close();
            }
            return journal == null ? summary :
                summary.withJournal(RunSummary.Journal.of(display(journal.directory()), settings, journal));
        }
        catch (final OutOfMemoryError ex)
        {
            throw outOfMemory(settings, ex);
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

    private JournalWriter startJournal(final RunSettings settings, final Path runDirectory)
    {
        final Path directory = runDirectory.resolve(JOURNAL_DIRECTORY);
        try
        {
            return JournalWriter.create(directory, RunHeader.of(settings.modelConfig(), settings.journalLevel(),
                settings.hashEvery(), settings.ticks(), StateHash.VERSION, ScenarioWriter.toYaml(settings)));
        }
        catch (final JournalException ex)
        {
            throw new RunFailedException("cannot start the journal in " + display(directory) + ": " +
                ex.getMessage() + "; give --out DIR somewhere writable, or pass --no-journal", ex);
        }
    }

    private Scenario fileSettings()
    {
        if (scenario != null)
        {
            return ScenarioParser.parse(workingDirectory.resolve(scenario), scenario);
        }
        final Scenario defaults = Files.isRegularFile(defaultScenario) ?
            ScenarioParser.parse(defaultScenario, display(defaultScenario)) :
            ScenarioParser.parse(BUILT_IN_SCENARIO_YAML, BUILT_IN_SCENARIO);
        if (model != null)
        {
            final Value defaultModel = defaults.get(Scenario.MODEL);
            if (defaultModel == null || !model.equals(defaultModel.text()))
            {
                // The default scenario is about its own model; another model runs with that model's defaults.
                return Scenario.empty();
            }
        }
        return defaults;
    }

    private Scenario commandLineSettings()
    {
        final Map<String, Value> settings = new LinkedHashMap<>();
        flag(settings, Scenario.MODEL, "--model", model);
        flag(settings, Scenario.PRESET, "--preset", preset);
        flag(settings, Scenario.AGENTS, "--agents", agents);
        flag(settings, Scenario.TICKS, "--ticks", ticks);
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

    private Path planRunDirectory(final RunSettings settings, final LocalDateTime now)
    {
        if (out != null)
        {
            final Path directory = workingDirectory.resolve(out);
            if (Files.exists(directory) && !Files.isDirectory(directory))
            {
                throw new ScenarioException("--out " + out + ": is a file; give a directory for the run");
            }
            if (Files.exists(directory.resolve(SummaryJson.FILE_NAME)))
            {
                throw new ScenarioException("--out " + out + ": already holds a run (" + SummaryJson.FILE_NAME +
                    "); give another directory or remove that one");
            }
            if (Files.isDirectory(directory.resolve(JOURNAL_DIRECTORY)))
            {
                throw new ScenarioException("--out " + out + ": already holds a run's journal (a run that stopped?); " +
                    "continue it with 'myriad resume " + out + "', or give another directory");
            }
            requireWritable(directory, "--out " + out);
            return directory;
        }
        final Path runs = workingDirectory.resolve(RUNS_DIRECTORY);
        final String name = settings.model() + "-" + TIMESTAMP.format(now) + "-" + settings.seed();
        Path directory = runs.resolve(name);
        for (int i = 2; Files.exists(directory); i++)
        {
            directory = runs.resolve(name + "-" + i);
        }
        requireWritable(directory, "run directory " + display(directory));
        return directory;
    }

    private static void requireWritable(final Path directory, final String what)
    {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing))
        {
            throw new ScenarioException(what + ": cannot be created, " + existing + " is not a writable " +
                "directory; give --out DIR somewhere writable");
        }
    }

    private static Model createModel(final RunSettings settings)
    {
        final Model model;
        try
        {
            model = settings.plugin().create(settings.modelConfig());
        }
        catch (final InvalidConfigException ex)
        {
            final String origin = settings.originOf(ex.path());
            throw new ScenarioException(origin == null ?
                "model " + settings.model() + ": " + ex.getMessage() :
                origin + ": " + ex.problem() + " (model " + settings.model() + ")");
        }
        catch (final OutOfMemoryError ex)
        {
            requireCapacityOfSmallerModel(settings);
            throw outOfMemory(settings, ex);
        }
        catch (final RuntimeException ex)
        {
            requireCapacityOfSmallerModel(settings);
            throw ex;
        }
        // RunSettings checked the agents already if the plugin named its schema; the types' capacities are exact
        for (final AgentType type : model.agentTypes())
        {
            settings.requireCapacity(type.schema(), type.capacity());
        }
        return model;
    }

    /**
     * A model that failed to create itself for the agents asked for may have failed because they are more than
     * any store can hold (sizing its own arrays for them first). When its plugin does not name its schema, learn
     * the schema from the model at its default size, so that such a run is reported as the bad input it is.
     */
    private static void requireCapacityOfSmallerModel(final RunSettings settings)
    {
        if (settings.plugin().schema() != null)
        {
            return;
        }
        final Model smaller;
        try
        {
            final ModelConfig config = settings.modelConfig();
            smaller = settings.plugin().create(ModelConfig.of(settings.plugin(),
                Math.min(config.agents(), settings.plugin().defaultAgents()), config.seed(), config.values()));
        }
        catch (final RuntimeException | OutOfMemoryError ex)
        {
            return; // the original failure stands
        }
        for (final AgentType type : smaller.agentTypes())
        {
            settings.requireCapacity(type.schema(), settings.agents());
        }
    }

    private static RunFailedException outOfMemory(final RunSettings settings, final OutOfMemoryError ex)
    {
        return new RunFailedException("out of memory running " +
            String.format(Locale.ROOT, "%,d", settings.agents()) + " agents of " +
            settings.model() + " (" + ex.getMessage() + "); give the JVM more, e.g. " +
            "MYRIAD_JAVA_OPTS='-Xmx16g -XX:MaxDirectMemorySize=16g', or run fewer agents", ex);
    }

    private void writeRunDirectory(final Path directory, final RunSettings settings, final RunSummary summary)
    {
        try
        {
            Files.createDirectories(directory);
            Files.write(directory.resolve(SCENARIO_FILE_NAME),
                ScenarioWriter.toYaml(settings).getBytes(StandardCharsets.UTF_8));
            SummaryJson.write(summary, directory.resolve(SummaryJson.FILE_NAME));
        }
        catch (final IOException | UncheckedIOException ex)
        {
            throw new RunFailedException("cannot write the run directory " + display(directory) + ": " +
                ex.getMessage() + "; give --out DIR somewhere writable", ex);
        }
    }

    private String display(final Path path)
    {
        final Path absolute = path.toAbsolutePath().normalize();
        final Path base = workingDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ?
            base.relativize(absolute).toString() : absolute.toString();
    }
}
