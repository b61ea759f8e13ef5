package io.myriad.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.myriad.kernel.model.Models;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top of the command tree; on its own it prints its usage.
 */
@Command(
    name = "myriad",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = CommandLine.HelpCommand.class,
    description = "Simulates very many agents, fast and reproducibly.",
    footer =
    {
        "",
        "Exit status: 0 success, 1 the run failed, 2 bad input.",
        "Examples:",
        "  myriad run                     1,000,000 boids for 200 ticks (the default)",
        "  myriad run scenarios/flocking-small.yaml --json",
        "  myriad run --model drift --agents 32000000 --ticks 50",
        "  myriad replay runs/flocking-20261122-101500-42    re-run a run from its journal and verify it",
        "  myriad journal stats RUN_DIR   what a run's journal holds",
        "  myriad models                  the models, their presets and parameters",
        "  myriad validate scenarios/nations.yaml   check a scenario without running it",
        "  myriad --plugin-path my-models.jar run --model mine   a model of your own",
        "See docs/cli.md for scenario files, the run directory and the JSON summary."
    })
final class MyriadCommand implements Callable<Integer>
{
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
        description = "Print the stack trace when a run fails.")
    boolean verbose;

    private final Path workingDirectory;

    MyriadCommand(final Path workingDirectory)
    {
        this.workingDirectory = workingDirectory;
    }

    /**
     * Looks for models in the jars and directories given too (every command: run, replay, resume, journal, models).
     *
     * @param entries jars and directories, separated by the platform's path separator.
     */
    @Option(names = "--plugin-path", paramLabel = "JAR_OR_DIR", scope = ScopeType.INHERIT,
        split = "${sys:path.separator}", description = "Also find models in these jars and directories (of " +
        "classes, or of jars), separated by ${sys:path.separator}: your own models, run like the built-in ones.")
    void pluginPath(final List<String> entries)
    {
        final List<Path> paths = new ArrayList<>();
        for (final String entry : entries)
        {
            paths.add(workingDirectory.resolve(entry));
        }
        try
        {
            Models.pluginPath(paths);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plugin-path: " + ex.getMessage());
        }
    }

    @Spec
    CommandSpec spec;

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        spec.commandLine().getErr().println("myriad: missing command; choose one of:");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
    }
}
