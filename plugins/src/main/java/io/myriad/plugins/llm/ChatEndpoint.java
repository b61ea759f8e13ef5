package io.myriad.plugins.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how a {@link ChatDecider} asks: the endpoint's base URL (before {@code /chat/completions}), the model,
 * the API key (sent as a bearer token, never printed), and the request's limits.
 *
 * @param baseUrl     e.g. {@code http://localhost:11434/v1}.
 * @param model       the model's name at the endpoint, e.g. {@code llama3.2}.
 * @param apiKey      the key, or empty for none (local servers need none).
 * @param maxTokens   most tokens an answer may use.
 * @param temperature sampling temperature, 0 for the most likely answer.
 * @param retries     retries of a request refused with 429 or a 5xx status.
 * @param timeout     the longest one request may take.
 */
public record ChatEndpoint(
    URI baseUrl, String model, String apiKey, int maxTokens, double temperature, int retries, Duration timeout)
{
    /** The variable naming the endpoint when the settings do not, as OpenAI's clients read it. */
    public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";
    /** The variable holding the API key when the settings do not. */
    public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";

    /**
     * @throws IllegalArgumentException if a value is out of range.
     */
    public ChatEndpoint
    {
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())))
        {
            throw new IllegalArgumentException("the endpoint must be an http or https URL, was " + baseUrl);
        }
        if (model == null || model.isBlank())
        {
            throw new IllegalArgumentException("name the endpoint's model (e.g. llama3.2 for Ollama, gpt-4o-mini " +
                "for OpenAI): decider.model in the scenario");
        }
        if (maxTokens < 1 || retries < 0 || !(temperature >= 0) || timeout.isNegative() || timeout.isZero())
        {
            throw new IllegalArgumentException("max tokens at least 1 (" + maxTokens + "), retries 0 or more (" +
                retries + "), temperature 0 or more (" + temperature + "), a positive timeout (" + timeout + ")");
        }
        apiKey = apiKey == null ? "" : apiKey;
    }

    /**
     * Fills what the settings leave out from the environment, as OpenAI's own clients do.
     *
     * @param baseUrl     the settings' URL, or null for {@value #BASE_URL_VARIABLE}.
     * @param model       the model.
     * @param apiKey      the settings' key, or null for {@value #API_KEY_VARIABLE} (or none).
     * @param maxTokens   most tokens an answer may use.
     * @param temperature sampling temperature.
     * @param retries     retries on 429 and 5xx.
     * @param timeout     the longest one request may take.
     * @param environment the environment, e.g. {@code System.getenv()}.
     * @return the endpoint.
     * @throws IllegalArgumentException naming what is missing and how to give it.
     */
    public static ChatEndpoint of(
        final String baseUrl,
        final String model,
        final String apiKey,
        final int maxTokens,
        final double temperature,
        final int retries,
        final Duration timeout,
        final Map<String, String> environment)
    {
        final String url = baseUrl != null ? baseUrl : environment.get(BASE_URL_VARIABLE);
        if (url == null || url.isBlank())
        {
            throw new IllegalArgumentException("no endpoint: give decider.base_url in the scenario or set " +
                BASE_URL_VARIABLE + ", e.g. http://localhost:11434/v1 for Ollama");
        }
        final URI uri;
        try
        {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("the endpoint " + url + " is not a URL: " + ex.getMessage(), ex);
        }
        final String key = apiKey != null ? apiKey : environment.getOrDefault(API_KEY_VARIABLE, "");
        return new ChatEndpoint(uri, model, key, maxTokens, temperature, retries, timeout);
    }

    /**
     * @return where requests go: the base URL and {@code /chat/completions}.
     */
    public URI completions()
    {
        return URI.create(baseUrl + "/chat/completions");
    }

    /**
     * @return the endpoint without its key, e.g. {@code llama3.2 at http://localhost:11434/v1}.
     */
    @Override
    public String toString()
    {
        return model + " at " + baseUrl;
    }
}
