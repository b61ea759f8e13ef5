package io.myriad.plugins.llm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.myriad.kernel.Configuration;
import io.myriad.kernel.decide.Answer;
import io.myriad.kernel.decide.AnswerDescriptor;
import io.myriad.kernel.decide.DecisionAction;
import io.myriad.kernel.decide.DecisionMode;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.DecisionResult;
import io.myriad.kernel.decide.DecisionRunner;
import io.myriad.kernel.decide.Deliberation;
import io.myriad.kernel.decide.RateLimit;
import io.myriad.kernel.event.NextDecision;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatDeciderTest
{
    static final Deliberation TRADER = new Deliberation()
    {
        public String situation()
        {
            return "You trade.";
        }

        public List<String> facts()
        {
            return List.of("price");
        }

        public List<DecisionAction> actions()
        {
            return List.of(new DecisionAction("buy", 10, "buy goods", 0, 20),
                new DecisionAction("sell", 11, "sell goods", 0, 20), new DecisionAction("hold", 12, "wait", 0, 0));
        }

        public DecisionMode mode()
        {
            return DecisionMode.MODELLED;
        }

        public NextDecision latency()
        {
            return NextDecision.periodic(1);
        }

        public Answer fallback(final DecisionRequest request)
        {
            return Answer.of(2, 0, "fallback: hold");
        }
    };

    private FakeChatServer server;

    @BeforeEach
    void start() throws IOException
    {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    @Test
    void shouldAskWithTheSituationThePromptAndASchemaAndReadTheAnswer() throws Exception
    {
        server.content((prompt) -> "{\"action\": \"buy\", \"amount\": 7.5, \"reason\": \"cheap\"}");
        final ChatDecider decider = decider("s3cret", 0);
        final Answer answer = decider.decide(request(1, 80.0)).get(5, TimeUnit.SECONDS);
        assertEquals(0, answer.action());
        assertEquals(7.5, answer.amount());
        assertTrue(answer.promptTokens() > 0 && answer.completionTokens() == 12, answer.toString());
        final JsonNode body = server.requests().get(0);
        assertEquals("llama3.2", body.path("model").asText());
        assertEquals("You trade.", body.path("messages").path(0).path("content").asText());
        assertTrue(body.path("messages").path(1).path("content").asText().startsWith("It is t = 12.5 s; your " +
            "last decision was 10 s ago.\nWhat you know:\n- price: 80\n"), body.toString());
        assertEquals("[\"buy\",\"sell\",\"hold\"]", body.path("response_format").path("json_schema").path("schema")
            .path("properties").path("action").path("enum").toString());
        assertEquals(List.of("Bearer s3cret"), server.authorizations());
        assertFalse(decider.identity().contains("s3cret") || decider.toString().contains("s3cret"));
    }

    @Test
    void shouldRetryA429AfterTheWaitItsRetryAfterAsks() throws Exception
    {
        server.then(FakeChatServer.Reply.status(429, "1"));
        final ChatDecider decider = decider("", 3);
        final long start = System.nanoTime();
        assertEquals(2, decider.decide(request(1, 100.0)).get(10, TimeUnit.SECONDS).action());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(950), "waited the second asked for");
        assertEquals(1, decider.retried());
        assertEquals(2, server.requests().size());
        assertEquals(List.of("", ""), server.authorizations(), "no key, no header");
    }

    @Test
    void shouldRetry5xxWithBackoffAndThenGiveUpSayingSo()
    {
        server.then(FakeChatServer.Reply.status(500, null)).then(FakeChatServer.Reply.status(503, null))
            .then(FakeChatServer.Reply.status(500, null));
        final ChatDecider decider = decider("", 2);
        final ChatException ex = failure(decider, request(1, 100.0));
        assertTrue(ex.getMessage().contains("answered 500") && ex.getMessage().contains("still after 2 retries"),
            ex.getMessage());
        assertEquals(3, server.requests().size(), "the first and two retries, after 0.5 and 1 s");
    }

    @Test
    void shouldSayWhatIsWrongWithAMalformedBodyOrARefusedKey()
    {
        server.then(FakeChatServer.Reply.malformed("<html>proxy error</html>"))
            .then(FakeChatServer.Reply.malformed("{\"choices\": []}"))
            .then(FakeChatServer.Reply.status(401, null));
        final ChatDecider decider = decider("wrong-key", 3);
        assertTrue(failure(decider, request(1, 1)).getMessage().contains("is not JSON: '<html>proxy error</html>'"));
        assertTrue(failure(decider, request(2, 1)).getMessage().contains("has no choices[0].message.content"));
        final String refused = failure(decider, request(3, 1)).getMessage();
        assertTrue(refused.contains("answered 401") && refused.contains("OPENAI_API_KEY"), refused);
        assertFalse(refused.contains("wrong-key"), "the key is never printed");
        assertEquals(0, decider.retried(), "none of these is retried");
    }

    @Test
    void shouldAskInWordsFromTheFirstRefusalOfASchemaOn() throws Exception
    {
        server.refuseSchema(true).content((prompt) -> "I would sell 4 units, as the price is high.");
        final ChatDecider decider = decider("", 0);
        final Answer first = decider.decide(request(1, 120)).get(5, TimeUnit.SECONDS);
        assertEquals(1, first.action());
        assertEquals(4.0, first.amount());
        decider.decide(request(2, 120)).get(5, TimeUnit.SECONDS);
        assertEquals(3, server.requests().size(), "refused once, then asked twice in words");
        assertFalse(server.requests().get(2).has("response_format"));
    }

    @Test
    void shouldReadAnswersTolerantly()
    {
        final Answer fenced = ChatAnswers.fromText("```json\n{\"action\": \" BUY\", \"amount\": \"5 units\"}\n```",
            TRADER);
        assertEquals(0, fenced.action());
        assertEquals(5.0, fenced.amount());
        assertEquals(2, ChatAnswers.fromText("hold, and wait for 2 more rounds", TRADER).action());
        final Answer words = ChatAnswers.fromText("Prices fall. I will sell 3.5 now and buy later.", TRADER);
        assertEquals(1, words.action());
        assertEquals(3.5, words.amount());
        assertTrue(assertThrows(ChatException.class, () -> ChatAnswers.fromText("{\"action\": \"dance\"}", TRADER))
            .getMessage().contains("names action 'dance', not one of [buy, sell, hold]"));
        assertThrows(ChatException.class, () -> ChatAnswers.fromText("no idea", TRADER));
    }

    @Test
    void shouldTimeOutAnEndpointThatNeverAnswersThroughTheRunner()
    {
        server.then(FakeChatServer.Reply.hang());
        try (DecisionRunner runner = new DecisionRunner(decider("", 0), 2, new RateLimit(0, 0, System.nanoTime()),
            TimeUnit.MILLISECONDS.toNanos(300), null, Configuration.daemonThreads("test-decider")))
        {
            runner.submit(request(1, 1));
            runner.submit(request(2, 1));
            final DecisionResult[] results = new DecisionResult[2];
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int got = 0;
            while (got < 2 && System.nanoTime() < deadline)
            {
                final DecisionResult result = runner.poll();
                if (result != null)
                {
                    results[(int)result.request().id() - 1] = result;
                    got++;
                }
            }
            // whichever reached the endpoint first got no answer
            final DecisionResult dropped = results[0].outcome() == AnswerDescriptor.TIMED_OUT ? results[0] : results[1];
            final DecisionResult other = dropped == results[0] ? results[1] : results[0];
            assertEquals(AnswerDescriptor.TIMED_OUT, dropped.outcome());
            assertEquals("fallback: hold", dropped.answer().text());
            assertEquals(AnswerDescriptor.ANSWERED, other.outcome(), "the other was answered meanwhile");
        }
    }

    @Test
    void shouldTakeTheEndpointFromTheEnvironmentAndSayWhatIsMissing()
    {
        final ChatEndpoint fromEnvironment = ChatEndpoint.of(null, "m", null, 10, 0, 1, Duration.ofSeconds(1),
            Map.of("OPENAI_BASE_URL", "http://localhost:8080/v1/", "OPENAI_API_KEY", "k"));
        assertEquals("http://localhost:8080/v1/chat/completions", fromEnvironment.completions().toString());
        assertEquals("k", fromEnvironment.apiKey());
        assertEquals("m at http://localhost:8080/v1", fromEnvironment.toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChatEndpoint.of(null, "m", null, 10, 0, 1,
            Duration.ofSeconds(1), Map.of())).getMessage().contains("set OPENAI_BASE_URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChatEndpoint.of("http://h/v1", null, null, 10,
            0, 1, Duration.ofSeconds(1), Map.of())).getMessage().contains("decider.model"));
    }

    static DecisionRequest request(final long id, final double price)
    {
        return new DecisionRequest(id, 3, 12.5, 2.5, new double[] { price }, TRADER);
    }

    private ChatDecider decider(final String key, final int retries)
    {
        return new ChatDecider(ChatEndpoint.of(server.baseUrl().toString(), "llama3.2", key, 64, 0, retries,
            Duration.ofSeconds(10), Map.of()));
    }

    private static ChatException failure(final ChatDecider decider, final DecisionRequest request)
    {
        final ExecutionException ex = assertThrows(ExecutionException.class,
            () -> decider.decide(request).get(20, TimeUnit.SECONDS));
        final Throwable cause = ex.getCause() instanceof CompletionException ? ex.getCause().getCause() :
            ex.getCause();
        return assertInstanceOf(ChatException.class, cause);
    }
}
