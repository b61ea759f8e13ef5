package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.myriad.kernel.Clock;
import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.model.Model;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code myriad validate SCENARIO}: checks a scenario file as {@code myriad run} would, without running it: the
 * YAML, every key and value, the model's own rules for its configuration, whether the agents fit the layout, and the
 * decider's settings. Bad input is reported as {@code run} reports it (file, line, column, key; exit status 2);
 * nothing is written.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Checks a scenario file as 'myriad run' would, without running it; writes nothing.")
final class ValidateCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml).")
    String scenario;

    @Spec
    CommandSpec spec;

    private final Path workingDirectory;

    ValidateCommand(final Path workingDirectory)
    {
        this.workingDirectory = workingDirectory;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final Scenario file = ScenarioParser.parse(workingDirectory.resolve(scenario), scenario);
        final RunSettings resolved = RunSettings.resolve(file, Scenario.empty(),
            Runtime.getRuntime().availableProcessors());
        final Model model = ModelCreation.create(resolved);
        final RunSettings settings = model.clock() == Clock.EVENTS ? resolved.onEventClock() : resolved;
        final DecisionsContext decisions = DeciderCreation.context(settings, model, workingDirectory, System.getenv());
        if (decisions.decider() != null)
        {
            decisions.decider().close();
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println(scenario + ": valid: " + describe(settings, model, decisions));
        out.flush();
        return Main.EXIT_OK;
    }

    private static String describe(final RunSettings settings, final Model model, final DecisionsContext decisions)
    {
        final StringBuilder text = new StringBuilder()
            .append("model ").append(settings.model())
            .append(settings.preset() == null ? "" : " (preset " + settings.preset() + ")")
            .append(String.format(Locale.ROOT, ", %,d agents", settings.agents()));
        if (model.clock() == Clock.EVENTS)
        {
            text.append(", event clock");
            if (settings.maxSimTime() < Double.POSITIVE_INFINITY)
            {
                text.append(" until ").append(settings.maxSimTime()).append(" s of sim time");
            }
        }
        if (settings.ticks() != Long.MAX_VALUE)
        {
            text.append(String.format(Locale.ROOT, ", %,d ticks", settings.ticks()));
        }
        text.append(", seed ").append(settings.seed()).append(", ").append(settings.threads())
            .append(settings.threads() == 1 ? " thread" : " threads");
        if (decisions.decider() != null)
        {
            text.append(", decider ").append(settings.decider().type());
        }
        return text.toString();
    }
}
