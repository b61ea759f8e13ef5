package io.myriad.tools;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import io.myriad.tools.scenario.ScenarioException;
import io.myriad.tools.server.ControlServer;
import io.myriad.tools.server.HostedRun;
import io.myriad.tools.server.RunFactory;
import picocli.CommandLine.Option;

/**
 * The control server's flags, shared by {@code myriad serve} and {@code myriad run --serve}.
 */
final class ServeOptions
{
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,}");
    private static final long STOP_WAIT_MS = 10_000;

    /** The port the server listens on unless told otherwise. */
    static final int DEFAULT_PORT = 7070;

    @Option(names = "--port", paramLabel = "N", description = "Port of the control server; default 7070, 0 for " +
        "any free one.")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on; default 127.0.0.1 " +
        "(this machine only). 0.0.0.0 opens it to the network: every request still needs the token.")
    String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "TOKEN", description = "The token requests must carry; default a " +
        "random one, printed at start (or the MYRIAD_TOKEN environment variable).")
    String token;

    /**
     * Starts the server, prints its address, and has the JVM stop its runs and it on the way out.
     *
     * @throws ScenarioException if the port or address is wrong.
     */
    ControlServer start(final RunFactory factory, final PrintWriter out)
    {
        if (port < 0 || port > 65535)
        {
            throw new ScenarioException("--port " + port + ": a port is 0 to 65535");
        }
        final String chosen = token != null ? token : System.getenv("MYRIAD_TOKEN");
        if (chosen != null && !TOKEN.matcher(chosen).matches())
        {
            throw new ScenarioException("--token: at least 16 characters, so that it cannot be guessed, of letters, " +
                "digits, '.', '_', '~' and '-', so that it travels in an address and a cookie as it is");
        }
        final ControlServer server;
        try
        {
            server = ControlServer.start(bind, port, chosen, factory);
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            throw new ScenarioException(ex.getMessage());
        }
        // Ctrl-C stops the runs still going, each writing its summary, and then the server
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(server), "myriad-serve-stop"));
        if (!isLoopback(bind))
        {
            out.println("the control server listens on " + bind + ", open to the network: keep its token secret");
        }
        out.println("dashboard and API: " + server.url());
        out.flush();
        return server;
    }

    /**
     * Stops every run still going, waits for them to write their summaries (ten seconds at most), then the server.
     * Once only, whoever calls first: the shutdown hook on Ctrl-C, or the command on its way out.
     */
    static void stopAll(final ControlServer server)
    {
        synchronized (server)
        {
            for (final HostedRun run : server.runs().all())
            {
                if (run.control() != null)
                {
                    run.control().stop();
                }
            }
            final long deadline = System.currentTimeMillis() + STOP_WAIT_MS;
            while (System.currentTimeMillis() < deadline && server.runs().all().stream().anyMatch((run) ->
                run.state() == HostedRun.State.STARTING || run.state() == HostedRun.State.RUNNING))
            {
                try
                {
                    Thread.sleep(20);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            server.close();
        }
    }

    /**
     * Waits until the thread is interrupted (Ctrl-C ends the JVM; a test interrupts the thread).
     */
    static void awaitInterrupt()
    {
        try
        {
            new CountDownLatch(1).await();
        }
        catch (final InterruptedException ex)
        {
            // the interrupt is the signal to end, handled here: the server then stops without it
            return;
        }
    }

    private static boolean isLoopback(final String address)
    {
        try
        {
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (final UnknownHostException ex)
        {
            return false;
        }
    }
}
