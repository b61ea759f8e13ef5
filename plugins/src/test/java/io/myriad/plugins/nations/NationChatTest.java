package io.myriad.plugins.nations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.decide.DecisionCounts;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.plugins.llm.ChatDecider;
import io.myriad.plugins.llm.ChatEndpoint;
import io.myriad.plugins.llm.FakeChatServer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nation economy deciding through the chat-completions decider, against a local endpoint.
 */
class NationChatTest
{
    private static final Pattern PRICE = Pattern.compile("- price: ([0-9.e+-]+)");

    @Test
    void shouldGiveTheSameStateHashWhenTheEndpointAnswersAtOtherSpeedsModelled() throws Exception
    {
        final String fast = run(0, 4);
        assertEquals(fast, run(40, 8), "answers 40 ms slower, more at once: the same run");
    }

    private static String run(final long delayMs, final int concurrency) throws Exception
    {
        try (FakeChatServer server = new FakeChatServer().delayMs(delayMs).content(NationChatTest::trader))
        {
            final NationsPlugin plugin = new NationsPlugin();
            final ModelConfig config = ModelConfig.of(plugin, 12, 6L, new HashMap<>(Map.of("latency", 3.0)));
            final ChatDecider decider = new ChatDecider(ChatEndpoint.of(server.baseUrl().toString(), "fake", null,
                64, 0, 2, Duration.ofSeconds(10), Map.of()));
            try (Simulation sim = Simulation.launch(new SimulationContext().model(plugin.create(config)).seed(6L)
                .workers(2).maxSimTime(150)
                .decisions(new DecisionsContext().decider(decider).concurrency(concurrency))))
            {
                sim.runToEnd();
                final DecisionCounts counts = sim.decisions().counts();
                assertEquals(counts.answered(), counts.completed(), "every answer came, none timed out or failed");
                assertEquals(counts.requested(), counts.completed() + sim.decisions().thinking(), "none lost");
                assertTrue(counts.answered() >= 12 * 4, counts.answered() + " answers");
                assertTrue(counts.promptTokens() > 0);
                assertTrue(server.mostHeld() <= concurrency, server.mostHeld() + " at once");
                return StateHash.toHex(sim.stateHash());
            }
        }
    }

    /**
     * Buys when goods are cheap, sells when dear: a function of the prompt alone.
     */
    private static String trader(final String prompt)
    {
        final Matcher price = PRICE.matcher(prompt);
        final double value = price.find() ? Double.parseDouble(price.group(1)) : 100;
        final String action = value < 90 ? "buy" : value > 102 ? "sell" : "hold";
        return "{\"action\": \"" + action + "\", \"amount\": 5, \"reason\": \"price " + value + "\"}";
    }
}
