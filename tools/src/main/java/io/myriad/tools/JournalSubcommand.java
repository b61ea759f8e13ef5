package io.myriad.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every {@code journal} subcommand shares: the run it reads, named by its directory or its journal directory.
 */
abstract class JournalSubcommand implements Callable<Integer>
{
    @Parameters(paramLabel = "RUN_DIR", description = "The run's directory (or its journal directory).")
    String run;

    @Spec
    CommandSpec spec;

    private final Path workingDirectory;

    JournalSubcommand(final Path workingDirectory)
    {
        this.workingDirectory = workingDirectory;
    }

    /**
     * @return the journal directory of the run named, or a bad-input error saying what is there instead.
     */
    Path journal()
    {
        Main.requireModuleAccess();
        return JournalLocation.resolve(workingDirectory, run);
    }
}
