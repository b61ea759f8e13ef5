package io.myriad.plugins.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chat-completions endpoint on loopback for tests and benchmarks, after the protocol of OpenAI's
 * {@code /v1/chat/completions}: it answers each request after a delay, without holding a thread while it waits,
 * with the content a function of the user's message gives; or, for the next requests queued with {@link #then},
 * with a status (429 with {@code Retry-After}, 500), a malformed body, or nothing at all. It keeps what it was sent.
 */
public final class FakeChatServer implements AutoCloseable
{
    /** What to do with one request. */
    public record Reply(int status, String body, String retryAfter, boolean silent)
    {
        /** @return a refusal with a status and, if not null, a Retry-After header. */
        public static Reply status(final int status, final String retryAfter)
        {
            return new Reply(status, "{\"error\":{\"message\":\"status " + status + "\"}}", retryAfter, false);
        }

        /** @return a 200 whose body is not a chat completion. */
        public static Reply malformed(final String body)
        {
            return new Reply(200, body, null, false);
        }

        /** @return no answer at all. */
        public static Reply hang()
        {
            return new Reply(0, "", null, true);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2, (runnable) ->
    {
        final Thread thread = new Thread(runnable, "fake-chat-delay");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<Reply> next = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording = true;
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private volatile long delayMs;
    private volatile Function<String, String> content = (prompt) -> "{\"action\": \"hold\", \"amount\": 0, " +
        "\"reason\": \"nothing to do\"}";
    private volatile boolean refuseSchema;

    /**
     * Starts on a free loopback port.
     *
     * @throws IOException if it cannot bind.
     */
    public FakeChatServer() throws IOException
    {
        // without TCP_NODELAY, small responses wait on the client's delayed ACK: about 40 ms each on Linux
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "fake-chat");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUrl()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** @param delayMs wall milliseconds before each answer. @return this server. */
    public FakeChatServer delayMs(final long delayMs)
    {
        this.delayMs = delayMs;
        return this;
    }

    /** @param content the assistant's content for a user message. @return this server. */
    public FakeChatServer content(final Function<String, String> content)
    {
        this.content = content;
        return this;
    }

    /** @param refuse true to refuse response_format with a 400, as servers without schemas do. @return this. */
    public FakeChatServer refuseSchema(final boolean refuse)
    {
        this.refuseSchema = refuse;
        return this;
    }

    /** @param keep false to keep nothing of what is sent, as a long benchmark wants. @return this server. */
    public FakeChatServer recording(final boolean keep)
    {
        this.recording = keep;
        return this;
    }

    /** @param reply what to do with the next request not yet given one. @return this server. */
    public FakeChatServer then(final Reply reply)
    {
        next.add(reply);
        return this;
    }

    /** @return the bodies received, in order, while recording. */
    public List<JsonNode> requests()
    {
        return requests;
    }

    /** @return the Authorization headers received ("" when none), in order. */
    public List<String> authorizations()
    {
        return authorizations;
    }

    /** @return the most requests held at once. */
    public int mostHeld()
    {
        return mostHeld.get();
    }

    @Override
    public void close()
    {
        server.stop(0);
        later.shutdownNow();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (recording)
        {
            requests.add(body);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("null",
                ""));
        }
        if (refuseSchema && body.has("response_format"))
        {
            respond(exchange, 400, "{\"error\":{\"message\":\"unknown field response_format\"}}", null);
            return;
        }
        final Reply reply = next.poll();
        if (reply != null && reply.silent())
        {
            return; // the exchange stays open until the server stops
        }
        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
        later.schedule(() ->
        {
            holding.decrementAndGet();
            if (reply != null)
            {
                respond(exchange, reply.status(), reply.body(), reply.retryAfter());
            }
            else
            {
                respond(exchange, 200, completion(body), null);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private String completion(final JsonNode request)
    {
        final String user = request.path("messages").path(1).path("content").asText();
        final ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object",
            "chat.completion").put("model", request.path("model").asText());
        response.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
            .putObject("message").put("role", "assistant").put("content", content.apply(user));
        response.putObject("usage").put("prompt_tokens", user.length() / 4).put("completion_tokens", 12)
            .put("total_tokens", user.length() / 4 + 12);
        return response.toString();
    }

    private static void respond(final HttpExchange exchange, final int status, final String body, final String retry)
    {
        try (exchange)
        {
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (retry != null)
            {
                exchange.getResponseHeaders().add("Retry-After", retry);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
        catch (final IOException ex)
        {
            // the client went away: nothing to answer
        }
    }
}
