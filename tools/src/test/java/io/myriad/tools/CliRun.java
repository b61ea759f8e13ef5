package io.myriad.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/**
 * Runs the command line in-process, as the launcher would, with standard output and error captured.
 */
final class CliRun
{
    final int status;
    final String out;
    final String err;

    private CliRun(final int status, final String out, final String err)
    {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    /**
     * @param workingDirectory where relative paths and runs/ resolve.
     * @param home             where scenarios/default.yaml is looked for.
     * @param args             the arguments.
     * @return what the command did.
     */
    static CliRun run(final Path workingDirectory, final Path home, final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = Main.commandLine(workingDirectory, home);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int status = commandLine.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    static CliRun run(final Path workingDirectory, final String... args)
    {
        return run(workingDirectory, workingDirectory, args);
    }

    List<String> outLines()
    {
        return lines(out);
    }

    List<String> errLines()
    {
        return lines(err);
    }

    String lastOutLine()
    {
        final List<String> lines = outLines();
        return lines.get(lines.size() - 1);
    }

    private static List<String> lines(final String text)
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : text.split("\\R"))
        {
            if (!line.isBlank())
            {
                lines.add(line);
            }
        }
        return lines;
    }

    public String toString()
    {
        return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
