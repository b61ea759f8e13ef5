package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the control server's API, its refusals (no token, a wrong one, a bad body, an oversized one, a
 * wrong method, a path that is not there) and what a refused request leaves: nothing changed.
 */
class ServerApiTest extends ServerTestBase
{
    private static final String SMALL_FLOCK = "{\"scenario\": \"flocking-large.yaml\", \"settings\": " +
        "{\"agents\": 2000, \"ticks\": 1000000, \"threads\": 1}}";

    @Test
    void everyRequestNeedsTheToken() throws Exception
    {
        final HttpResponse<String> none = fixture.send("GET", "/api/runs", null, null);
        assertEquals(401, none.statusCode());
        assertTrue(fixture.json(none).get("error").toString().contains("token"), none.body());
        assertEquals("application/json", none.headers().firstValue("Content-Type").orElse(""));

        final HttpResponse<String> wrong = fixture.send("GET", "/api/runs", null, "0123456789abcdef0123");
        assertEquals(403, wrong.statusCode());
        assertEquals(403, fixture.json(wrong).get("status"));

        assertEquals(401, fixture.send("GET", "/", null, null).statusCode(), "the page too");

        final HttpResponse<String> elsewhere = fixture.http.send(HttpRequest.newBuilder(
            URI.create(fixture.base() + "/api/runs")).header("Origin", "http://127.0.0.1:8888")
            .header("Cookie", "myriad_token=" + fixture.server.token())
            .POST(HttpRequest.BodyPublishers.ofString(SMALL_FLOCK)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, elsewhere.statusCode(), "a page of another origin, even with the cookie");
        assertTrue(elsewhere.body().contains("another origin"), elsewhere.body());
        assertEquals(401, fixture.send("POST", "/api/runs", SMALL_FLOCK, null).statusCode());
        assertTrue(fixture.server.runs().all().isEmpty(), "a refused request starts nothing");
    }

    @Test
    void theTokenInTheAddressSetsACookieForThePage() throws Exception
    {
        final HttpResponse<String> page = fixture.http.send(HttpRequest.newBuilder(
            URI.create(fixture.base() + "/?token=" + fixture.server.token())).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Myriad</title>"));
        final String cookie = page.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("myriad_token=" + fixture.server.token()) && cookie.contains("HttpOnly") &&
            cookie.contains("SameSite=Strict"), cookie);

        final HttpResponse<String> script = fixture.http.send(HttpRequest.newBuilder(
            URI.create(fixture.base() + "/uPlot.iife.min.js")).header("Cookie", "myriad_token=" +
            fixture.server.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode(), "uPlot comes from its WebJar");
        assertTrue(script.body().contains("uPlot"));
    }

    @Test
    void scenariosAndModelsAreListed() throws Exception
    {
        final List<Object> scenarios = fixture.list(fixture.send("GET", "/api/scenarios", null));
        assertTrue(scenarios.stream().anyMatch((s) -> ((Map<?, ?>)s).get("name").equals("default.yaml")));
        final List<Object> models = fixture.list(fixture.send("GET", "/api/models", null));
        assertTrue(models.stream().anyMatch((m) -> ((Map<?, ?>)m).get("name").equals("flocking")));
    }

    @Test
    void aRunIsStartedSteeredAndSummarised() throws Exception
    {
        final String id = fixture.start(SMALL_FLOCK);
        final Map<String, Object> described = fixture.json(fixture.send("GET", "/api/runs/" + id, null));
        assertEquals("running", described.get("state"));
        assertEquals(List.of(Map.of("name", "scatter", "description",
            "scatters the flock: every bird to a fresh place and heading")), strip(described.get("events")));
        assertEquals(1, fixture.list(fixture.send("GET", "/api/runs", null)).size());

        final Map<String, Object> scene = fixture.json(fixture.send("GET", "/api/runs/" + id + "/scene", null));
        assertEquals("birds", ((Map<?, ?>)((List<?>)scene.get("points")).get(0)).get("type"));

        assertEquals(202, fixture.send("POST", "/api/runs/" + id + "/pause", null).statusCode());
        ServerFixture.await("paused", () -> Boolean.TRUE.equals(status(id).get("paused")));
        final long pausedAt = steps(id);
        assertEquals(202, fixture.send("POST", "/api/runs/" + id + "/step", "{\"steps\": 3}").statusCode());
        ServerFixture.await("three steps", () -> steps(id) == pausedAt + 3);
        assertEquals(202, fixture.send("POST", "/api/runs/" + id + "/speed", "{\"timeScale\": 50}").statusCode());
        ServerFixture.await("the time scale", () -> status(id).get("timeScale").equals(50.0));
        assertEquals(202, fixture.send("POST", "/api/runs/" + id + "/inject", "{\"event\": \"scatter\"}")
            .statusCode());
        assertEquals(202, fixture.send("POST", "/api/runs/" + id + "/resume", "").statusCode());
        ServerFixture.await("running again", () -> steps(id) > pausedAt + 5);

        assertEquals(409, fixture.send("GET", "/api/runs/" + id + "/summary", null).statusCode(),
            "no summary before the end");
        assertEquals(202, fixture.send("POST", "/api/runs/" + id + "/stop", null).statusCode());
        ServerFixture.await("finished", () -> "finished".equals(fixture.state(id)));
        final Map<String, Object> summary = fixture.json(fixture.send("GET", "/api/runs/" + id + "/summary", null));
        assertEquals("flocking", summary.get("model"));
        final HttpResponse<String> metrics = fixture.send("GET", "/api/runs/" + id + "/metrics.csv", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().startsWith("step,birds,"), metrics.body());
        assertEquals(409, fixture.send("POST", "/api/runs/" + id + "/pause", null).statusCode(),
            "a finished run takes no controls");
        assertTrue(Files.isRegularFile(fixture.server.runs().get(id).directory().resolve("summary.json")));
    }

    @Test
    void badRequestsGetJsonErrorsAndChangeNothing() throws Exception
    {
        final String id = fixture.start(SMALL_FLOCK);
        fixture.send("POST", "/api/runs/" + id + "/pause", null);
        ServerFixture.await("paused", () -> Boolean.TRUE.equals(status(id).get("paused")));
        final long steps = steps(id);

        expect(400, "not JSON", fixture.send("POST", "/api/runs/" + id + "/step", "{steps"));
        expect(400, "'steps' must be a whole number", fixture.send("POST", "/api/runs/" + id + "/step",
            "{\"steps\": -2}"));
        expect(400, "'timeScale' must be a number", fixture.send("POST", "/api/runs/" + id + "/speed",
            "{\"timeScale\": \"fast\"}"));
        expect(400, "external events: scatter", fixture.send("POST", "/api/runs/" + id + "/inject",
            "{\"event\": \"explode\"}"));
        expect(413, "at most 65536 bytes", fixture.send("POST", "/api/runs/" + id + "/step",
            "{\"steps\": 1, \"pad\": \"" + "x".repeat(70_000) + "\"}"));
        expect(405, "use POST", fixture.send("GET", "/api/runs/" + id + "/pause", null));
        expect(404, "no run run-99", fixture.send("GET", "/api/runs/run-99", null));
        expect(404, "no such API", fixture.send("GET", "/api/nothing", null));
        expect(404, "runs have no", fixture.send("POST", "/api/runs/" + id + "/jump", null));
        expect(400, "names a file of the scenarios' directory", fixture.send("POST", "/api/runs",
            "{\"scenario\": \"../pom.xml\"}"));
        expect(400, "has no 'colour'", fixture.send("POST", "/api/runs", "{\"colour\": \"red\"}"));
        expect(400, "settings.speed is not a run setting", fixture.send("POST", "/api/runs",
            "{\"model\": \"flocking\", \"settings\": {\"speed\": 2}}"));
        expect(400, "agents", fixture.send("POST", "/api/runs",
            "{\"model\": \"flocking\", \"settings\": {\"agents\": -5}}"));

        sleepMillis(200);
        assertEquals(steps, steps(id), "no refused request moved the run");
        assertEquals(1, fixture.server.runs().all().size(), "no refused request started a run");
    }

    @Test
    void atMostFourRunsAreActive() throws Exception
    {
        for (int i = 0; i < 4; i++)
        {
            fixture.start(SMALL_FLOCK);
        }
        expect(409, "runs are active already", fixture.send("POST", "/api/runs", SMALL_FLOCK));
    }

    private void expect(final int status, final String text, final HttpResponse<String> response) throws IOException
    {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        final Map<String, Object> error = fixture.json(response);
        assertEquals(status, error.get("status"));
        assertTrue(error.get("error").toString().contains(text), error.toString());
    }

    private Map<String, Object> status(final String id)
    {
        try
        {
            return fixture.status(id);
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private long steps(final String id)
    {
        return ((Number)status(id).get("step")).longValue();
    }

    private static Object strip(final Object events)
    {
        return ((List<?>)events).stream().map((e) -> Map.of("name", ((Map<?, ?>)e).get("name"), "description",
            ((Map<?, ?>)e).get("description"))).toList();
    }

    private static void sleepMillis(final long ms) throws InterruptedException
    {
        Thread.sleep(ms);
    }
}
