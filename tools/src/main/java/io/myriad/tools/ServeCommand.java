package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.myriad.tools.server.ControlServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code myriad serve}: the control server and the web dashboard, hosting the runs started from them, until
 * interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = VersionProvider.class,
    description =
    {
        "Serves the web dashboard and the control API: start runs from the scenarios, watch them live, pause, " +
            "step, change their speed and inject events. Runs until interrupted (Ctrl-C).",
        "Prints the dashboard's address with a random token, which every request needs (docs/server.md)."
    },
    footer =
    {
        "",
        "Ctrl-C stops the runs still going (each writes its summary and stays resumable) and the server.",
        "Exit status: 130 after Ctrl-C, 2 bad input (a port in use, an address not this machine's)."
    })
final class ServeCommand implements Callable<Integer>
{
    @Mixin
    ServeOptions options = new ServeOptions();

    @Spec
    CommandSpec spec;

    private final Path workingDirectory;
    private final Path scenarios;

    ServeCommand(final Path workingDirectory, final Path scenarios)
    {
        this.workingDirectory = workingDirectory;
        this.scenarios = scenarios;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        Main.requireModuleAccess();
        final PrintWriter out = spec.commandLine().getOut();
        final ControlServer server = options.start(new ServedRuns(workingDirectory, scenarios), out);
        try
        {
            out.println("serving until interrupted (Ctrl-C)");
            out.flush();
            ServeOptions.awaitInterrupt();
        }
        finally
        {
            ServeOptions.stopAll(server);
        }
        return Main.EXIT_OK;
    }
}
