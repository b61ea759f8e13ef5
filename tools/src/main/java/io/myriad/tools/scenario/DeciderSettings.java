package io.myriad.tools.scenario;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a run asks its model's decider, from the scenario's {@code decider} mapping and the command line: which
 * decider (the model's rules, {@code scripted}, or an OpenAI-compatible chat endpoint, {@code http}), how many
 * requests at once and a minute, how long an answer may take, where answers are cached, and the endpoint's
 * settings. Used only by models that decide through a decider.
 *
 * @param type              {@code scripted} or {@code http}.
 * @param thinkMs           a scripted decider's wall milliseconds an answer.
 * @param concurrency       most requests at the decider at once.
 * @param requestsPerMinute most requests a minute, 0 for no limit.
 * @param tokensPerMinute   most tokens a minute, 0 for no limit.
 * @param timeoutSeconds    wall seconds an answer may take before the fallback stands in.
 * @param cache             the answer cache's file, or null.
 * @param baseUrl           the endpoint, e.g. {@code http://localhost:11434/v1}, or null for OPENAI_BASE_URL.
 * @param model             the endpoint's model, or null.
 * @param apiKey            the API key as the scenario gives it (never written back), or null for OPENAI_API_KEY.
 * @param maxTokens         most tokens an answer may use.
 * @param temperature       sampling temperature.
 * @param retries           retries of a request refused with 429 or 5xx.
 * @param given             true if the scenario or the command line said anything about the decider.
 */
public record DeciderSettings(
    String type,
    long thinkMs,
    int concurrency,
    double requestsPerMinute,
    double tokensPerMinute,
    double timeoutSeconds,
    String cache,
    String baseUrl,
    String model,
    String apiKey,
    int maxTokens,
    double temperature,
    int retries,
    boolean given)
{
    /** Key: scripted or http. */
    public static final String TYPE = "type";
    /** Key: a scripted decider's wall milliseconds an answer. */
    public static final String THINK_MS = "think_ms";
    /** Key: most requests at once. */
    public static final String CONCURRENCY = "concurrency";
    /** Key: most requests a minute. */
    public static final String REQUESTS_PER_MINUTE = "requests_per_minute";
    /** Key: most tokens a minute. */
    public static final String TOKENS_PER_MINUTE = "tokens_per_minute";
    /** Key: seconds an answer may take. */
    public static final String TIMEOUT = "timeout";
    /** Key: the answer cache's file. */
    public static final String CACHE = "cache";
    /** Key: the endpoint's base URL. */
    public static final String BASE_URL = "base_url";
    /** Key: the endpoint's model. */
    public static final String MODEL = "model";
    /** Key: the API key (better left to OPENAI_API_KEY). */
    public static final String API_KEY = "api_key";
    /** Key: most tokens an answer may use. */
    public static final String MAX_TOKENS = "max_tokens";
    /** Key: sampling temperature. */
    public static final String TEMPERATURE = "temperature";
    /** Key: retries on 429 and 5xx. */
    public static final String RETRIES = "retries";
    /** The rule-based decider. */
    public static final String SCRIPTED = "scripted";
    /** The OpenAI-compatible chat-completions decider. */
    public static final String HTTP = "http";

    static DeciderSettings resolve(final SettingsLayers layers)
    {
        boolean given = false;
        for (final String key : Scenario.DECIDER_KEYS)
        {
            given |= layers.pick(path(key)) != null;
        }
        final Value typeValue = layers.pick(path(TYPE));
        final String type = typeValue == null ? SCRIPTED : typeValue.asString().toLowerCase(Locale.ROOT);
        if (!type.equals(SCRIPTED) && !type.equals(HTTP))
        {
            throw typeValue.problem("must be scripted (the model's rules) or http (an OpenAI-compatible " +
                "chat-completions endpoint: Ollama, llama.cpp's server, vLLM, OpenAI)");
        }
        final double timeout = layers.doubleSetting(path(TIMEOUT), 60.0);
        if (!(timeout > 0))
        {
            throw layers.pick(path(TIMEOUT)).problem("must be more than 0 seconds");
        }
        final double temperature = layers.doubleSetting(path(TEMPERATURE), 0.0);
        if (temperature > 2)
        {
            throw layers.pick(path(TEMPERATURE)).problem("must be from 0 to 2");
        }
        final Value baseUrl = layers.pick(path(BASE_URL));
        if (baseUrl != null)
        {
            checkUrl(baseUrl);
        }
        return new DeciderSettings(type,
            layers.longSetting(path(THINK_MS), 0, 3_600_000, 0),
            (int)layers.longSetting(path(CONCURRENCY), 1, 100_000, 16),
            layers.doubleSetting(path(REQUESTS_PER_MINUTE), 0.0),
            layers.doubleSetting(path(TOKENS_PER_MINUTE), 0.0),
            timeout,
            text(layers, CACHE),
            baseUrl == null ? null : baseUrl.asString(),
            text(layers, MODEL),
            text(layers, API_KEY),
            (int)layers.longSetting(path(MAX_TOKENS), 1, 1_000_000, 256),
            temperature,
            (int)layers.longSetting(path(RETRIES), 0, 100, 3),
            given);
    }

    /**
     * @param key a decider key.
     * @return its setting's key, {@code decider.KEY}.
     */
    public static String path(final String key)
    {
        return Scenario.DECIDER + "." + key;
    }

    /**
     * @return the settings as a scenario's {@code decider} mapping, every value explicit but the API key, which is
     *         never written.
     */
    public Map<String, Object> toYaml()
    {
        final Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(TYPE, type);
        if (type.equals(SCRIPTED))
        {
            yaml.put(THINK_MS, thinkMs);
        }
        yaml.put(CONCURRENCY, concurrency);
        yaml.put(REQUESTS_PER_MINUTE, requestsPerMinute);
        yaml.put(TOKENS_PER_MINUTE, tokensPerMinute);
        yaml.put(TIMEOUT, timeoutSeconds);
        if (cache != null)
        {
            yaml.put(CACHE, cache);
        }
        if (type.equals(HTTP))
        {
            if (baseUrl != null)
            {
                yaml.put(BASE_URL, baseUrl);
            }
            if (model != null)
            {
                yaml.put(MODEL, model);
            }
            yaml.put(MAX_TOKENS, maxTokens);
            yaml.put(TEMPERATURE, temperature);
            yaml.put(RETRIES, retries);
        }
        return yaml;
    }

    /**
     * @return the settings without the API key, which is never printed.
     */
    @Override
    public String toString()
    {
        return "decider " + toYaml() + (apiKey == null ? "" : " (an API key given)");
    }

    private static String text(final SettingsLayers layers, final String key)
    {
        final Value value = layers.pick(path(key));
        return value == null ? null : value.asString();
    }

    private static void checkUrl(final Value value)
    {
        final String text = value.asString();
        try
        {
            final URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null)
            {
                return;
            }
        }
        catch (final java.net.URISyntaxException ex)
        {
            // reported below
        }
        throw value.problem("must be an http or https URL such as http://localhost:11434/v1 (the part before " +
            "/chat/completions)");
    }
}
