package io.myriad.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;
import io.myriad.tools.report.RunSummary;
import io.myriad.tools.report.SummaryJson;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioException;
import io.myriad.tools.scenario.ScenarioParser;
import io.myriad.tools.scenario.Value;
import io.myriad.tools.server.HostedRun;
import io.myriad.tools.server.RequestException;
import io.myriad.tools.server.RunFactory;

/**
 * The runs the control server starts, made as {@code myriad run} makes them: a scenario from the scenarios'
 * directory (or a model with its defaults), the request's settings and parameters over it, every setting checked
 * and the model created before anything is written, then the steps on a thread of the run's own.
 */
final class ServedRuns implements RunFactory
{
    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.yaml");
    private static final List<String> REQUEST_KEYS = List.of("scenario", "model", "settings", "params", "paused");

    private final Path workingDirectory;
    private final Path scenarios;

    /**
     * @param workingDirectory where runs go ({@code runs/}).
     * @param scenarios        the directory of the scenarios a request may name.
     */
    ServedRuns(final Path workingDirectory, final Path scenarios)
    {
        this.workingDirectory = workingDirectory;
        this.scenarios = scenarios;
    }

    @Override
    public List<Map<String, Object>> scenarios()
    {
        final List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isDirectory(scenarios))
        {
            return out;
        }
        try (Stream<Path> files = Files.list(scenarios))
        {
            for (final Path file : files.sorted().toList())
            {
                final String name = file.getFileName().toString();
                if (!SCENARIO_NAME.matcher(name).matches())
                {
                    continue;
                }
                final Map<String, Object> described = new LinkedHashMap<>();
                described.put("name", name);
                try
                {
                    final RunSettings settings = RunSettings.resolve(ScenarioParser.parse(file, name),
                        Scenario.empty(), 1);
                    described.put("model", settings.model());
                    described.put("agents", settings.agents());
                    described.put("ticks", settings.ticks() == Long.MAX_VALUE ? null : settings.ticks());
                }
                catch (final ScenarioException ex)
                {
                    described.put("error", ex.getMessage());
                }
                out.add(described);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + scenarios + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    @Override
    public List<Map<String, Object>> models()
    {
        final List<Map<String, Object>> out = new ArrayList<>();
        for (final ModelPlugin plugin : Models.all())
        {
            final Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", plugin.name());
            described.put("description", plugin.description());
            described.put("defaultAgents", plugin.defaultAgents());
            described.put("presets", List.copyOf(plugin.presets().keySet()));
            final List<Map<String, Object>> parameters = new ArrayList<>();
            for (final ModelParameter parameter : plugin.parameters())
            {
                final Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", parameter.name());
                param.put("type", parameter.type().name().toLowerCase());
                param.put("default", parameter.defaultValue());
                param.put("description", parameter.description());
                parameters.add(param);
            }
            described.put("parameters", parameters);
            out.add(described);
        }
        return out;
    }

    @Override
    public HostedRun start(final String id, final Map<String, Object> request)
    {
        for (final String key : request.keySet())
        {
            if (!REQUEST_KEYS.contains(key))
            {
                throw new RequestException(400, "a run's request has no '" + key + "'; it takes " +
                    String.join(", ", REQUEST_KEYS));
            }
        }
        final PlannedRun planned;
        try
        {
            planned = PlannedRun.plan(file(request), overrides(request), workingDirectory, null,
                Runtime.getRuntime().availableProcessors());
        }
        catch (final ScenarioException | InvalidConfigException | RunFailedException ex)
        {
            throw new RequestException(400, ex.getMessage());
        }
        final RunSettings settings = planned.settings();
        final RunDirectory directory = planned.directory();
        try
        {
            // now, so that the next request, planned before this run writes anything, picks another directory
            Files.createDirectories(directory.path());
        }
        catch (final IOException ex)
        {
            throw new RequestException(400, "cannot create the run directory " + directory.display() + ": " +
                ex.getMessage());
        }
        final Object label = request.get("scenario") != null ? request.get("scenario") : settings.model();
        final HostedRun run = new HostedRun(id, label.toString(), settings.model(), directory.path());
        final boolean paused = Boolean.TRUE.equals(request.get("paused"));
        final Thread thread = new Thread(() -> drive(run, planned, paused),
            "myriad-" + id);
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    /**
     * Runs a hosted run to its end on the calling thread, then writes its run directory and says it finished.
     */
    static void drive(final HostedRun run, final PlannedRun planned, final boolean paused)
    {
        try
        {
            final RunSummary summary = SimulationRun.run(planned.settings(), planned.model(), planned.decisions(),
                planned.directory(), run.snapshots(), SimulationRun.hosted(run, (sim, endTick) ->
                {
                    if (paused)
                    {
                        sim.control().pause();
                    }
                    final long start = System.nanoTime();
                    sim.run(endTick - sim.tick());
                    return System.nanoTime() - start;
                }));
            planned.directory().write(planned.settings(), summary);
            run.finished(SummaryJson.toLine(summary));
        }
        catch (final Throwable ex)
        {
            // whatever ends the run's thread ends the run: it must not stay active for ever
            run.failed(ex.getMessage() == null ? ex.toString() : ex.getMessage());
            if (ex instanceof VirtualMachineError fatal && !(ex instanceof OutOfMemoryError))
            {
                throw fatal;
            }
        }
    }

    /**
     * @return the scenario the request names, the model's defaults when it names a model alone, or the built-in
     *         default scenario.
     */
    private Scenario file(final Map<String, Object> request)
    {
        final Object name = request.get("scenario");
        if (name == null)
        {
            return request.get("model") != null ? Scenario.empty() :
                ScenarioParser.parse(RunCommand.BUILT_IN_SCENARIO_YAML, RunCommand.BUILT_IN_SCENARIO);
        }
        if (!(name instanceof String text) || !SCENARIO_NAME.matcher(text).matches() ||
            !Files.isRegularFile(scenarios.resolve(text)))
        {
            throw new RequestException(400, "'scenario' names a file of the scenarios' directory, such as " +
                "flocking.yaml (GET /api/scenarios lists them); got " + name);
        }
        return ScenarioParser.parse(scenarios.resolve(text), "scenarios/" + text);
    }

    private static Scenario overrides(final Map<String, Object> request)
    {
        final Map<String, Value> settings = new LinkedHashMap<>();
        if (request.get("model") != null)
        {
            settings.put(Scenario.MODEL, Value.text("the request's model", request.get("model").toString()));
        }
        for (final Map.Entry<String, Object> setting : map(request, "settings").entrySet())
        {
            if (!Scenario.RUN_KEYS.contains(setting.getKey()) && !Scenario.AGENTS.equals(setting.getKey()))
            {
                throw new RequestException(400, "settings." + setting.getKey() + " is not a run setting; they " +
                    "are " + Scenario.AGENTS + ", " + String.join(", ", Scenario.RUN_KEYS));
            }
            settings.put(setting.getKey(), Value.text("the request's settings." + setting.getKey(),
                String.valueOf(setting.getValue())));
        }
        final Map<String, Value> parameters = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> param : map(request, "params").entrySet())
        {
            parameters.put(param.getKey(), Value.text("the request's params." + param.getKey(),
                String.valueOf(param.getValue())));
        }
        return new Scenario(null, settings, parameters);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Map<String, Object> request, final String key)
    {
        final Object value = request.get(key);
        if (value == null)
        {
            return Map.of();
        }
        if (!(value instanceof Map))
        {
            throw new RequestException(400, "'" + key + "' must be a JSON object of names and values");
        }
        return (Map<String, Object>)value;
    }
}
