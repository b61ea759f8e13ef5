package io.myriad.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import io.myriad.kernel.checkpoint.CheckpointException;
import io.myriad.kernel.journal.JournalException;
import io.myriad.kernel.metrics.MetricsException;
import io.myriad.kernel.model.InvalidConfigException;
import io.myriad.layouts.ModuleAccess;
import io.myriad.tools.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code myriad} command line.
 * <p>
 * Exit statuses: {@link #EXIT_OK}, {@link #EXIT_FAILURE} when a run fails (not enough memory, an internal error;
 * the stack trace only with {@code --verbose}) and {@link #EXIT_BAD_INPUT} when a scenario, flag or parameter is
 * wrong, reported in one line on standard error that says what is wrong, where and how to fix it.
 */
public final class Main
{
    /** The command did what was asked. */
    public static final int EXIT_OK = 0;

    /** The run failed for a reason other than its input. */
    public static final int EXIT_FAILURE = 1;

    /** The input was bad: nothing was run and nothing was written. */
    public static final int EXIT_BAD_INPUT = 2;

    /** System property naming the installation directory, where {@code scenarios/default.yaml} lives. */
    public static final String HOME_PROP_NAME = "myriad.home";

    private static final String PREFIX = "myriad: ";

    private Main()
    {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments.
     */
    public static void main(final String[] args)
    {
        final Path workingDirectory = Paths.get("").toAbsolutePath();
        final String home = System.getProperty(HOME_PROP_NAME);
        System.exit(commandLine(workingDirectory, home == null ? workingDirectory : Paths.get(home)).execute(args));
    }

    /**
     * Checks, before a command touches Agrona or Chronicle Queue, that the JVM has the module flags they need. The
     * launcher and {@code java -jar myriad.jar} supply them from the jar's manifest; {@code java -cp} does not.
     *
     * @throws RunFailedException naming every missing flag and how to supply them.
     */
    static void requireModuleAccess()
    {
        final List<String> missing = ModuleAccess.missingFlags(ModuleAccess.Need.values());
        if (!missing.isEmpty())
        {
            throw new RunFailedException("this JVM was started without the module flags Myriad's libraries need on " +
                "JDK 17 and later: " + String.join(" ", missing) + "; run through the myriad launcher or " +
                "'java -jar tools/target/myriad.jar', whose manifest adds them, or add them to the java command " +
                "line (docs/embedding.md lists them)", null);
        }
    }

    /**
     * Builds the command tree. Tests run it in-process, with their own working directory and output writers.
     *
     * @param workingDirectory where relative paths (scenarios, {@code --out}, {@code runs/}) are resolved.
     * @param home             the installation directory, where {@code scenarios/default.yaml} is looked for.
     * @return the command line, ready to {@code execute}.
     */
    public static CommandLine commandLine(final Path workingDirectory, final Path home)
    {
        final CommandLine commandLine = new CommandLine(new MyriadCommand(workingDirectory));
        commandLine.addSubcommand(new RunCommand(workingDirectory, home.resolve(RunCommand.DEFAULT_SCENARIO)));
        commandLine.addSubcommand(new ReplayCommand(workingDirectory));
        commandLine.addSubcommand(new ResumeCommand(workingDirectory, Runtime.getRuntime().availableProcessors()));
        commandLine.addSubcommand(JournalCommand.commandLine(workingDirectory));
        commandLine.addSubcommand(new ModelsCommand());
        commandLine.addSubcommand(new ValidateCommand(workingDirectory));
        commandLine.addSubcommand(
            new ServeCommand(workingDirectory, home.resolve(RunCommand.DEFAULT_SCENARIO).getParent()));
        commandLine.setParameterExceptionHandler(Main::onBadArguments);
        commandLine.setExecutionExceptionHandler(Main::onFailure);
        return commandLine;
    }

    private static int onBadArguments(final ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final StringBuilder message = new StringBuilder(PREFIX).append(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException)
        {
            final List<String> suggestions = ((UnmatchedArgumentException)ex).getSuggestions();
            if (!suggestions.isEmpty())
            {
                message.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        message.append("; see '").append(commandLine.getCommandSpec().qualifiedName()).append(" --help'");
        final PrintWriter err = commandLine.getErr();
        err.println(message);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static int onFailure(final Exception ex, final CommandLine commandLine, final ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        final int status;
        if (ex instanceof ScenarioException || ex instanceof InvalidConfigException || ex instanceof JournalException ||
            ex instanceof CheckpointException || ex instanceof MetricsException)
        {
            err.println(PREFIX + oneLine(ex.getMessage()));
            status = EXIT_BAD_INPUT;
        }
        else
        {
            final boolean verbose = isVerbose(parseResult);
            if (ex instanceof RunFailedException)
            {
                err.println(PREFIX + oneLine(ex.getMessage()));
            }
            else
            {
                err.println(PREFIX + "internal error: " + oneLine(ex.toString()) +
                    (verbose ? "" : " (run again with --verbose for the stack trace)"));
            }
            if (verbose)
            {
                ex.printStackTrace(err);
            }
            status = EXIT_FAILURE;
        }
        err.flush();
        return status;
    }

    private static boolean isVerbose(final ParseResult parseResult)
    {
        for (ParseResult result = parseResult; result != null; result = result.subcommand())
        {
            if (result.hasMatchedOption("--verbose"))
            {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(final String text)
    {
        return text == null ? "" : text.replace("\r", "").replace('\n', ' ').trim();
    }
}
