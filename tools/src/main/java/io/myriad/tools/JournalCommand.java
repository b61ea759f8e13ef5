package io.myriad.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code myriad journal dump|tail|stats|verify}: reads a run's journal without changing it.
 * <p>
 * This is the parent command only: it builds the tree of its subcommands, each a {@link JournalSubcommand} of its
 * own, and on its own says that one is missing.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reads a run's journal: dump or follow its records as JSON lines, count them, check them.",
    footer =
    {
        "",
        "RUN_DIR is a run's directory (or its journal directory). Record types: run_start, state_hash, " +
            "events (printed as one 'event' line each), input, run_end; docs/journal.md describes each one's bytes."
    })
final class JournalCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    /**
     * @param workingDirectory where relative paths are resolved.
     * @return the {@code journal} command with its subcommands.
     */
    static CommandLine commandLine(final Path workingDirectory)
    {
        final CommandLine journal = new CommandLine(new JournalCommand());
        journal.addSubcommand(new JournalDumpCommand(workingDirectory));
        journal.addSubcommand(new JournalTailCommand(workingDirectory));
        journal.addSubcommand(new JournalStatsCommand(workingDirectory));
        journal.addSubcommand(new JournalVerifyCommand(workingDirectory));
        return journal;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        spec.commandLine().getErr().println("myriad: journal: missing command; choose one of:");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
    }
}
