package io.myriad.plugins.llm;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.myriad.kernel.decide.Answer;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.Decider;

/**
 * A decider that asks an OpenAI-compatible chat-completions endpoint: the deliberation's situation as the system
 * message, the request's prompt (with its time context) as the user's, a JSON schema of the answer as
 * {@code response_format} (dropped for good if the endpoint refuses it with a 400 that names it). Requests refused
 * with 429 or a 5xx status are retried after the {@code Retry-After} the endpoint gives, or after 0.5, 1, 2, 4 s
 * (at most 8 s), up to the endpoint's retries and within its timeout from the first attempt; other statuses fail at
 * once with a message that says what to check.
 * Asynchronous, on the JDK's {@link HttpClient}; the key goes only into the {@code Authorization} header.
 */
public final class ChatDecider implements Decider
{
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 8_000;
    private static final long MAX_RETRY_AFTER_MS = 60_000;

    private final ChatEndpoint endpoint;
    private final HttpClient client;
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean structured = true;

    /**
     * @param endpoint where and how to ask.
     */
    public ChatDecider(final ChatEndpoint endpoint)
    {
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    }

    @Override
    public CompletableFuture<Answer> decide(final DecisionRequest request)
    {
        // retries stop at the endpoint's timeout from the first attempt, so that a request is done by then
        return attempt(request, 0, System.nanoTime() + endpoint.timeout().toNanos());
    }

    @Override
    public String identity()
    {
        return "http " + endpoint;
    }

    /**
     * @return requests sent again after a 429 or a 5xx.
     */
    public long retried()
    {
        return retried.get();
    }

    @Override
    public String toString()
    {
        return "chat-completions decider, " + endpoint;
    }

    private CompletableFuture<Answer> attempt(final DecisionRequest request, final int retry, final long deadlineNs)
    {
        final boolean structure = structured;
        final HttpRequest.Builder http = HttpRequest.newBuilder(endpoint.completions())
            .timeout(endpoint.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ChatAnswers.body(endpoint, request, structure)));
        if (!endpoint.apiKey().isEmpty())
        {
            http.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        return client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofString())
            .thenCompose((response) -> answer(request, retry, deadlineNs, structure, response));
    }

    private CompletableFuture<Answer> answer(
        final DecisionRequest request,
        final int retry,
        final long deadlineNs,
        final boolean structure,
        final HttpResponse<String> response)
    {
        final int status = response.statusCode();
        if (status == 200)
        {
            try
            {
                return CompletableFuture.completedFuture(ChatAnswers.read(response.body(), request.deliberation()));
            }
            catch (final ChatException ex)
            {
                return CompletableFuture.failedFuture(ex);
            }
        }
        if (status == 400 && structure && response.body().toLowerCase(Locale.ROOT).contains("response_format"))
        {
            // the endpoint does not take a schema: ask in words from now on, and read the answer tolerantly
            structured = false;
            return attempt(request, retry, deadlineNs);
        }
        if ((status == 429 || status >= 500) && retry < endpoint.retries())
        {
            final long waitMs = retryAfterMs(response, retry);
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs) < deadlineNs)
            {
                retried.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> request, CompletableFuture.delayedExecutor(waitMs,
                    TimeUnit.MILLISECONDS)).thenCompose((same) -> attempt(request, retry + 1, deadlineNs));
            }
        }
        return CompletableFuture.failedFuture(new CompletionException(new ChatException(refusal(status, response,
            retry))));
    }

    private String refusal(final int status, final HttpResponse<String> response, final int retries)
    {
        final String said = "the endpoint " + endpoint.completions() + " answered " + status + " " +
            ChatAnswers.snippet(response.body());
        return switch (status)
        {
            case 401, 403 -> said + ": it refused the API key; set " + ChatEndpoint.API_KEY_VARIABLE +
                " (or decider.api_key) to one it takes";
            case 404 -> said + ": check decider.base_url (it ends before /chat/completions, e.g. " +
                "http://localhost:11434/v1) and that the model " + endpoint.model() + " is there";
            case 429 -> said + ", still after " + retries + " retries: lower decider.concurrency or set " +
                "decider.requests_per_minute";
            default -> status >= 500 ? said + ", still after " + retries + " retries" : said;
        };
    }

    /**
     * @return the wait the response's {@code Retry-After} asks for (seconds or an HTTP date), at most a minute;
     *         without one, the backoff for the retry.
     */
    static long retryAfterMs(final HttpResponse<String> response, final int retry)
    {
        final String header = response.headers().firstValue("Retry-After").orElse(null);
        if (header != null)
        {
            try
            {
                return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, (long)(Double.parseDouble(header.trim()) * 1000)));
            }
            catch (final NumberFormatException ex)
            {
                try
                {
                    final long ms = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
                    return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
                }
                catch (final DateTimeParseException unreadable)
                {
                    // neither seconds nor a date: back off as if there were none
                }
            }
        }
        return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(retry, 16));
    }
}
