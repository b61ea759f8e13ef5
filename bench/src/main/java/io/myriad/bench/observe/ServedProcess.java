package io.myriad.bench.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code myriad serve} in a process of its own, as a user starts it, with an HTTP client that carries its token:
 * for the harnesses that measure what clients cost a run.
 */
final class ServedProcess implements AutoCloseable
{
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS_LINE = "dashboard and API: ";

    final Process process;
    final String url;
    final int port;
    final String token;
    final HttpClient http = HttpClient.newHttpClient();

    ServedProcess(final String launcher, final String token) throws IOException
    {
        this.token = token;
        this.process = new ProcessBuilder(launcher, "serve", "--port", "0", "--token", token)
            .redirectErrorStream(true)
            .start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        String line;
        String found = null;
        while (found == null && (line = out.readLine()) != null)
        {
            if (line.startsWith(ADDRESS_LINE))
            {
                found = line.substring(ADDRESS_LINE.length()).trim();
            }
        }
        if (found == null)
        {
            throw new IOException("myriad serve did not print its address");
        }
        this.url = found;
        this.port = URI.create(found).getPort();
        final Thread drain = new Thread(() -> out.lines().forEach((ignored) -> { }), "served-output");
        drain.setDaemon(true);
        drain.start();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(final String method, final String path, final String body)
        throws IOException, InterruptedException
    {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() :
                HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400)
        {
            throw new IOException(method + " " + path + ": " + response.body());
        }
        return JSON.readValue(response.body(), Map.class);
    }

    /**
     * Starts a run and waits until its first step is done.
     *
     * @return its id.
     */
    String start(final String request) throws IOException, InterruptedException
    {
        final String id = (String)call("POST", "/api/runs", request).get("id");
        while (steps(id) < 1)
        {
            Thread.sleep(50);
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    long steps(final String id) throws IOException, InterruptedException
    {
        final Map<String, Object> status = (Map<String, Object>)call("GET", "/api/runs/" + id, null).get("status");
        return status == null ? 0 : ((Number)status.get("step")).longValue();
    }

    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
