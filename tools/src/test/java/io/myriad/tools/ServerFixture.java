package io.myriad.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.myriad.tools.server.ControlServer;

/**
 * A control server on loopback for tests, hosting runs of the repository's scenarios in a temporary directory,
 * with an HTTP client that carries its token.
 */
final class ServerFixture implements AutoCloseable
{
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCENARIOS = Paths.get("..", "scenarios").toAbsolutePath().normalize();

    final ControlServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(final Path workingDirectory)
    {
        Main.requireModuleAccess();
        this.server = ControlServer.start("127.0.0.1", 0, null, new ServedRuns(workingDirectory, SCENARIOS));
    }

    String base()
    {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> send(final String method, final String path, final String body, final String token)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() :
                HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(final String method, final String path, final String body)
        throws IOException, InterruptedException
    {
        return send(method, path, body, server.token());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(final HttpResponse<String> response) throws IOException
    {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(final HttpResponse<String> response) throws IOException
    {
        return JSON.readValue(response.body(), List.class);
    }

    /**
     * Starts a run and waits until it is running.
     *
     * @return its id.
     */
    String start(final String request) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = send("POST", "/api/runs", request);
        if (response.statusCode() != 201)
        {
            throw new AssertionError("start refused: " + response.statusCode() + " " + response.body());
        }
        final String id = (String)json(response).get("id");
        await("run " + id + " running", () -> !"starting".equals(state(id)));
        return id;
    }

    String state(final String id)
    {
        try
        {
            return (String)json(send("GET", "/api/runs/" + id, null)).get("state");
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> status(final String id) throws IOException, InterruptedException
    {
        return (Map<String, Object>)json(send("GET", "/api/runs/" + id, null)).get("status");
    }

    static void await(final String what, final BooleanSupplier condition)
    {
        await(what, condition, () -> "");
    }

    static void await(final String what, final BooleanSupplier condition, final Supplier<String> state)
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + " " + state.get());
            }
            try
            {
                Thread.sleep(20);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, ex);
            }
        }
    }

    @Override
    public void close()
    {
        for (final io.myriad.tools.server.HostedRun run : server.runs().all())
        {
            if (run.control() != null)
            {
                run.control().stop();
            }
        }
        ServerFixture.await("every run to end", () -> server.runs().all().stream().allMatch((run) ->
            run.state() == io.myriad.tools.server.HostedRun.State.FINISHED ||
            run.state() == io.myriad.tools.server.HostedRun.State.FAILED));
        server.close();
    }
}
