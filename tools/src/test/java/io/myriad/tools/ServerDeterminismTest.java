package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Watching and steering never change a run's results: the same final state hash with no client, with a client
 * taking every frame it can, and with pauses, steps and speed changes made through the API; an event injected
 * through the API is journaled, and the run replays to the same hash.
 */
class ServerDeterminismTest extends ServerTestBase
{
    private static final String RUN = "{\"scenario\": \"flocking-large.yaml\", \"settings\": {\"agents\": 3000, " +
        "\"ticks\": 300, \"threads\": 2, \"metrics_every\": 1}%s}";

    @Test
    void clientsPausesAndSpeedsLeaveTheHashAlone() throws Exception
    {
        final String alone = finalHash(fixture.start(String.format(RUN, "")));

        final String watched = fixture.start(String.format(RUN, ", \"paused\": true"));
        final AtomicLong frames = new AtomicLong();
        final WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .header("Authorization", "Bearer " + fixture.server.token())
            .buildAsync(URI.create("ws://127.0.0.1:" + fixture.server.port() + "/ws/runs/" + watched), counting(frames))
            .join();
        socket.sendText("{\"type\": \"status\", \"hz\": 60}", true).join();
        socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"column\": \"vx\", \"fps\": 60}", true).join();
        fixture.send("POST", "/api/runs/" + watched + "/step", "{\"steps\": 7}");
        ServerFixture.await("seven steps", () -> steps(watched) == 7);
        fixture.send("POST", "/api/runs/" + watched + "/speed", "{\"timeScale\": 400}");
        fixture.send("POST", "/api/runs/" + watched + "/resume", null);
        ServerFixture.await("forty steps", () -> steps(watched) >= 40);
        fixture.send("POST", "/api/runs/" + watched + "/pause", null);
        fixture.send("POST", "/api/runs/" + watched + "/speed", "{\"timeScale\": 0}");
        fixture.send("POST", "/api/runs/" + watched + "/step", "{\"steps\": 2}");
        fixture.send("POST", "/api/runs/" + watched + "/resume", null);
        final String watchedHash = finalHash(watched);
        assertTrue(frames.get() > 3, "the client was served frames: " + frames.get());
        assertEquals(alone, watchedHash, "a client, pauses, steps and speeds change nothing");
    }

    @Test
    void anEventInjectedThroughTheApiReplays() throws Exception
    {
        final String plain = finalHash(fixture.start(String.format(RUN, "")));
        final String id = fixture.start(String.format(RUN, ", \"paused\": true"));
        fixture.send("POST", "/api/runs/" + id + "/step", "{\"steps\": 50}");
        ServerFixture.await("fifty steps", () -> steps(id) == 50);
        fixture.send("POST", "/api/runs/" + id + "/inject", "{\"event\": \"scatter\"}");
        fixture.send("POST", "/api/runs/" + id + "/resume", null);
        final String scattered = finalHash(id);
        assertNotEquals(plain, scattered, "the scatter took effect");

        final Path runDirectory = fixture.server.runs().get(id).directory();
        final CliRun replay = CliRun.run(dir, "replay", runDirectory.toString(), "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.err);
        assertTrue(replay.lastOutLine().contains(scattered), "the replay ends at the run's hash: " +
            replay.lastOutLine());
    }

    private String finalHash(final String id) throws Exception
    {
        ServerFixture.await("run " + id + " finished", () -> "finished".equals(fixture.state(id)));
        return (String)fixture.json(fixture.send("GET", "/api/runs/" + id + "/summary", null)).get("state_hash");
    }

    private long steps(final String id)
    {
        try
        {
            return ((Number)fixture.status(id).get("step")).longValue();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static WebSocket.Listener counting(final AtomicLong frames)
    {
        return new WebSocket.Listener()
        {
            @Override
            public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
            {
                if (last)
                {
                    frames.incrementAndGet();
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
