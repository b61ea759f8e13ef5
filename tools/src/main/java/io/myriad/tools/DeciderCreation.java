package io.myriad.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.decide.Decider;
import io.myriad.kernel.decide.DecisionTable;
import io.myriad.kernel.decide.ScriptedDecider;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.world.World;
import io.myriad.plugins.llm.ChatDecider;
import io.myriad.plugins.llm.ChatEndpoint;
import io.myriad.tools.scenario.DeciderSettings;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.ScenarioException;

/**
 * Creates the decider a run's settings describe, for a model that decides through one: the model's rules
 * ({@code scripted}), or an OpenAI-compatible endpoint ({@code http}) named by the settings or the environment.
 * Misconfiguration is bad input, reported before the run starts.
 */
final class DeciderCreation
{
    private DeciderCreation()
    {
    }

    /**
     * @param settings         the run's settings.
     * @param model            the model, created.
     * @param workingDirectory what a relative cache file is relative to.
     * @param environment      the environment, for {@code OPENAI_BASE_URL} and {@code OPENAI_API_KEY}.
     * @return how the run asks its decider; with no decider when the model decides through none.
     * @throws ScenarioException if the decider's settings are incomplete or wrong.
     */
    static DecisionsContext context(
        final RunSettings settings, final Model model, final Path workingDirectory,
        final Map<String, String> environment)
    {
        return decides(model) ? context(settings, workingDirectory, environment) : new DecisionsContext();
    }

    /**
     * @param settings         the run's settings.
     * @param workingDirectory what a relative cache file is relative to.
     * @param environment      the environment, for {@code OPENAI_BASE_URL} and {@code OPENAI_API_KEY}.
     * @return how the run asks its decider, whether or not its model decides through one (a resume's model is made
     *         later, from the journal): a model without a decision table never asks.
     * @throws ScenarioException if the decider's settings are incomplete or wrong.
     */
    static DecisionsContext context(
        final RunSettings settings, final Path workingDirectory, final Map<String, String> environment)
    {
        final DeciderSettings decider = settings.decider();
        final long timeoutMs = (long)Math.ceil(decider.timeoutSeconds() * 1000);
        return new DecisionsContext()
            .decider(create(decider, timeoutMs, environment))
            .concurrency(decider.concurrency())
            .requestsPerMinute(decider.requestsPerMinute())
            .tokensPerMinute(decider.tokensPerMinute())
            .timeout(timeoutMs, TimeUnit.MILLISECONDS)
            .cache(decider.cache() == null ? null : workingDirectory.resolve(decider.cache()));
    }

    /**
     * @param model a model.
     * @return true if it decides through a decider: it has a decision table among its parts.
     */
    static boolean decides(final Model model)
    {
        return World.only(model.parts(), DecisionTable.class, "decision table") != null;
    }

    private static Decider create(final DeciderSettings decider, final long timeoutMs,
        final Map<String, String> environment)
    {
        if (DeciderSettings.SCRIPTED.equals(decider.type()))
        {
            return new ScriptedDecider(TimeUnit.MILLISECONDS.toNanos(decider.thinkMs()));
        }
        try
        {
            return new ChatDecider(ChatEndpoint.of(decider.baseUrl(), decider.model(), decider.apiKey(),
                decider.maxTokens(), decider.temperature(), decider.retries(), Duration.ofMillis(timeoutMs),
                environment));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ScenarioException("decider: " + ex.getMessage());
        }
    }
}
