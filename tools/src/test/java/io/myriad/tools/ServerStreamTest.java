package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.observe.Frame;

/**
 * A run's WebSocket: its status and metrics messages and its binary frames, the refusals (no token, an oversized
 * message, too many messages, one not understood) and a hundred clients at once.
 */
class ServerStreamTest extends ServerTestBase
{
    /** One HTTP client for every socket, as a browser holds many sockets on one network stack. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static final String SMALL_FLOCK = "{\"scenario\": \"flocking-large.yaml\", \"settings\": " +
        "{\"agents\": 2000, \"ticks\": 1000000, \"threads\": 1, \"metrics_every\": 1}}";

    @Test
    void framesStatusAndMetricsAreStreamed() throws Exception
    {
        final String id = fixture.start(SMALL_FLOCK);
        final Client client = connect(id, fixture.server.token());
        client.socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"agents\": \"birds\", \"column\": " +
            "\"vx\", \"fps\": 30}", true).join();
        ServerFixture.await("frames and metrics", () -> client.frames.size() >= 3 && client.rows.get() >= 3);

        final ByteBuffer frame = client.frames.get(client.frames.size() - 1).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Frame.POINTS, frame.getInt(0));
        assertEquals(2000, frame.getInt(24), "every bird: 2,000 is below the view's 2,048");
        assertEquals(2000, frame.getInt(28));
        assertEquals(Frame.HAS_VALUES, frame.getInt(80));
        assertEquals(Frame.HEADER_BYTES + 5 * 2000, frame.remaining(), "x, y and a value a bird");
        assertTrue(frame.getLong(8) > 0, "taken after a step");
        assertTrue(client.texts.stream().anyMatch((t) -> t.contains("\"columns\":[\"birds\"")),
            "the metrics' columns: " + client.texts.stream().map((t) -> t.substring(0, Math.min(t.length(), 300)))
            .toList());
        assertTrue(client.texts.stream().anyMatch((t) -> t.contains("\"stepsPerSecond\"")));
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void clientsGoneOrStalledMidSendHoldUpNoOne() throws Exception
    {
        final String id = fixture.start("{\"scenario\": \"flocking-large.yaml\", \"settings\": " +
            "{\"agents\": 200000, \"ticks\": 1000000, \"threads\": 1}}");
        for (int i = 0; i < 5; i++)
        {
            final Client gone = connect(id, fixture.server.token());
            gone.socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"fps\": 60}", true).join();
            ServerFixture.await("a first frame", () -> gone.frames.size() >= 1);
            gone.socket.abort();
        }
        for (int i = 0; i < 4; i++)
        {
            // clients that stop reading, each with a frame of 800 KB on its way that fills its socket's buffers
            final Client stalled = connect(id, fixture.server.token());
            stalled.stalled = true;
            stalled.socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"fps\": 60}", true).join();
            ServerFixture.await("a first frame", () -> stalled.frames.size() >= 1);
        }
        final Client last = connect(id, fixture.server.token());
        last.socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"fps\": 60}", true).join();
        ServerFixture.await("frames after five clients went away mid-send", () -> last.frames.size() >= 3);
    }

    @Test
    void aDecidingRunShowsWhoIsThinkingAndTheAnswers() throws Exception
    {
        final String id = fixture.start("{\"scenario\": \"nations.yaml\", \"settings\": {\"time_scale\": 0}}");
        final Client client = connect(id, fixture.server.token());
        ServerFixture.await("answers in the decisions panel", () -> client.texts.stream().anyMatch((t) ->
            t.contains("\"decisions\"") && t.contains("\"answered\":[{")));
        final String status = client.texts.stream().filter((t) -> t.contains("\"answered\":[{")).findFirst()
            .orElseThrow();
        assertTrue(status.contains("\"asked\":[{") && status.contains("\"latencyMs\""), status);
        assertTrue(fixture.json(fixture.send("POST", "/api/runs/" + id + "/inject",
            "{\"event\": \"crash\", \"value\": 0.2}")).get("accepted").equals("inject"));
    }

    @Test
    void refusals() throws Exception
    {
        final String id = fixture.start(SMALL_FLOCK);
        final CompletionException unauthorised = org.junit.jupiter.api.Assertions.assertThrows(
            CompletionException.class, () -> connect(id, "0123456789abcdef0123"));
        assertEquals(403, ((WebSocketHandshakeException)unauthorised.getCause()).getResponse().statusCode());

        final Client confused = connect(id, fixture.server.token());
        confused.socket.sendText("{\"type\": \"dance\"}", true).join();
        confused.socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"column\": \"colour\"}", true).join();
        ServerFixture.await("two errors", () -> confused.texts.stream().filter((t) -> t.contains("\"error\""))
            .count() >= 2);
        assertTrue(confused.texts.stream().anyMatch((t) -> t.contains("type birds has no field colour")));

        final Client big = connect(id, fixture.server.token());
        big.socket.sendText("{\"type\": \"status\", \"pad\": \"" + "x".repeat(5000) + "\"}", true).join();
        ServerFixture.await("closed for size", () -> big.closed.get() == 1009);

        final Client chatty = connect(id, fixture.server.token());
        for (int i = 0; i < 30 && chatty.closed.get() < 0; i++)
        {
            try
            {
                chatty.socket.sendText("{\"type\": \"status\", \"hz\": 5}", true).join();
            }
            catch (final CompletionException closedMeanwhile)
            {
                break;
            }
        }
        ServerFixture.await("closed for rate", () -> chatty.closed.get() >= 0 || !chatty.socket.isInputClosed() &&
            chatty.socket.isOutputClosed());
        assertEquals(1008, chatty.closed.get(), "closed for its rate (policy violation)");
    }

    @Test
    void aHundredClientsAreServed() throws Exception
    {
        final String id = fixture.start(SMALL_FLOCK);
        final List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            final Client client = connect(id, fixture.server.token());
            client.socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"fps\": 10}", true).join();
            clients.add(client);
        }
        ServerFixture.await("three frames each", () -> clients.stream().allMatch((c) -> c.frames.size() >= 3),
            () -> clients.stream().filter((c) -> c.frames.size() < 3).count() + " of 100 clients have fewer " +
            "than three frames; the fewest: " + clients.stream().mapToInt((c) -> c.frames.size()).min().orElse(0) +
            "; closed: " + clients.stream().filter((c) -> c.closed.get() >= 0).count());
        assertEquals(100, fixture.server.clients());
        for (final Client client : clients)
        {
            assertEquals(-1, client.closed.get(), "none closed");
            assertTrue(client.texts.stream().noneMatch((t) -> t.contains("\"type\":\"error\"")));
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private Client connect(final String id, final String token)
    {
        final Client client = new Client();
        client.socket = CLIENT.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .connectTimeout(java.time.Duration.ofSeconds(10))
            .buildAsync(URI.create("ws://127.0.0.1:" + fixture.server.port() + "/ws/runs/" + id), client)
            .join();
        return client;
    }

    /**
     * Keeps what a socket received.
     */
    static final class Client implements WebSocket.Listener
    {
        final List<ByteBuffer> frames = new CopyOnWriteArrayList<>();
        final List<String> texts = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger(-1);
        final AtomicLong rows = new AtomicLong();
        volatile boolean stalled;
        WebSocket socket;
        private ByteBuffer partial = ByteBuffer.allocate(0);
        private StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            text.append(data);
            if (last)
            {
                final String message = text.toString();
                texts.add(message);
                if (message.contains("\"rows\""))
                {
                    rows.addAndGet(message.split("\\],\\[", -1).length);
                }
                text = new StringBuilder();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
        {
            final ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
            joined.put(partial).put(data).flip();
            partial = joined;
            if (last)
            {
                frames.add(partial);
                partial = ByteBuffer.allocate(0);
                if (stalled)
                {
                    return null;
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed.set(statusCode);
            return null;
        }
    }
}
