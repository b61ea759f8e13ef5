package io.myriad.tools;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintHelpListingTheCommands()
    {
        final CliRun run = CliRun.run(dir, "--help");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertTrue(run.out.contains("run") && run.out.contains("models") && run.out.contains("--version"), run.out);
    }

    @Test
    void shouldPrintRunHelpListingEveryFlag()
    {
        final CliRun run = CliRun.run(dir, "run", "--help");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        for (final String flag : List.of("--model", "--agents", "--ticks", "--threads", "--seed", "--out", "--json",
            "--layout", "--batch-size", "--wait-strategy", "--param", "--preset", "SCENARIO.yaml"))
        {
            assertTrue(run.out.contains(flag), flag + " missing from:\n" + run.out);
        }
    }

    @Test
    void shouldPrintVersion()
    {
        final CliRun run = CliRun.run(dir, "--version");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertTrue(run.out.startsWith("myriad "), run.out);
        assertTrue(run.out.contains("Java " + System.getProperty("java.version")), run.out);
    }

    @Test
    void shouldExitTwoWithUsageWhenNoCommandIsGiven()
    {
        final CliRun run = CliRun.run(dir);

        assertEquals(Main.EXIT_BAD_INPUT, run.status, run.toString());
        assertTrue(run.err.startsWith("myriad: missing command"), run.err);
    }

    @Test
    void shouldReportUnknownCommandInOneLine()
    {
        final CliRun run = CliRun.run(dir, "runn");

        assertEquals(Main.EXIT_BAD_INPUT, run.status, run.toString());
        assertEquals(1, run.errLines().size(), run.err);
        assertTrue(run.err.contains("'runn'") && run.err.contains("did you mean run"), run.err);
    }
}
