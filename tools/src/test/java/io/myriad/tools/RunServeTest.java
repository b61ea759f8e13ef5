package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code myriad run SCENARIO --serve}: the run it starts is on the API while it goes and after it ends, and the
 * command ends when interrupted.
 */
class RunServeTest
{
    private static final String TOKEN = "run-serve-test-token-0001";

    @TempDir
    Path dir;

    @Test
    void theRunItStartsIsServed() throws Exception
    {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = Main.commandLine(dir, dir);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        final AtomicInteger status = new AtomicInteger(-1);
        final Thread command = new Thread(() -> status.set(commandLine.execute("run",
            ServerFixture.SCENARIOS.resolve("flocking-large.yaml").toString(), "--agents", "500", "--ticks", "300",
            "--serve", "--port", "0", "--token", TOKEN)));
        command.start();
        final Pattern address = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?token=" + TOKEN);
        ServerFixture.await("the server's address", () -> address.matcher(out.toString()).find());
        final Matcher found = address.matcher(out.toString());
        assertTrue(found.find());
        final String base = "http://127.0.0.1:" + found.group(1);
        final HttpClient http = HttpClient.newHttpClient();
        ServerFixture.await("the run finished", () -> get(http, base + "/api/runs").contains("\"finished\""));
        final List<?> runs = ServerFixture.JSON.readValue(get(http, base + "/api/runs"), List.class);
        assertEquals(1, runs.size());
        final Map<?, ?> summary = ServerFixture.JSON.readValue(get(http, base + "/api/runs/run-1/summary"), Map.class);
        assertEquals(300, summary.get("ticks"));
        assertTrue(out.toString().contains("agent updates/s"), "the summary printed as ever");
        command.interrupt();
        command.join(30_000);
        assertEquals(Main.EXIT_OK, status.get());
    }

    private static String get(final HttpClient http, final String url)
    {
        try
        {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
