package io.myriad.bench.decide;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.decide.Answer;
import io.myriad.kernel.decide.DecisionCounts;
import io.myriad.kernel.decide.DecisionRequest;
import io.myriad.kernel.decide.Decider;
import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.plugins.llm.ChatDecider;
import io.myriad.plugins.llm.ChatEndpoint;
import io.myriad.plugins.llm.FakeChatServer;
import io.myriad.plugins.nations.NationsPlugin;

/**
 * The nation economy deciding through the chat-completions decider against a local stand-in endpoint that answers
 * every request after a fixed delay ({@code FakeChatServer}), beside the same run whose decider answers at once:
 * <pre>
 * bench/scripts/decider-throughput.sh [nations [concurrency [delay ms [sim s [rounds [workers [paced s]]]]]]]
 * </pre>
 * Defaults: 10,000 nations, 64 at once, 100 ms, 60 s of sim time, 2 rounds (each round runs both, alternating),
 * 1 worker (the HTTP client's and the endpoint's threads share the machine's cores with the simulation's), 20 s
 * paced. Every answer is {@code hold}, so both runs take the same steps and end with the same state hash, which
 * is checked. Latency is modelled (2 s of sim time). Flat out, sim time waits for the endpoint: the decisions' wall
 * rate is the decider's, compared with the most its bound allows, concurrency / delay. Then both runs again in
 * real time (time scale 1), so that they step on the same schedule: the steps' own latency (begin to end) with
 * decisions in flight against without. Also reported: decisions lost (requested less completed and in flight:
 * must be 0), timed out and failed, the most agents thinking at once, the heap used after a GC, and the answers'
 * wall latency. One JSON line per run, then one of medians.
 */
public final class DeciderThroughput
{
    private static final int HOLD = 2;
    private static final long CHUNK_STEPS = 256;

    private DeciderThroughput()
    {
    }

    private record Outcome(
        String decider, double wallSeconds, long completed, long lost, long timedOut, long failed, int mostThinking,
        long heapMiB, long stepP50Ns, long stepP99Ns, long latencyP50Ms, long latencyP99Ms, String hash)
    {
        double rate()
        {
            return completed / wallSeconds;
        }
    }

    /**
     * @param args nations, concurrency, delay in ms, sim seconds, rounds, workers, paced sim seconds.
     * @throws Exception if the endpoint cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final int nations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        final int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        final long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 100;
        final double simSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 60;
        final int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        final int workers = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        final double pacedSeconds = args.length > 6 ? Double.parseDouble(args[6]) : 20;
        final double bound = concurrency * 1000.0 / delayMs;
        final double[] rates = new double[rounds];
        final double[] instantP99 = new double[rounds];
        final double[] httpP99 = new double[rounds];
        try (FakeChatServer server = new FakeChatServer().recording(false).delayMs(delayMs).content((prompt) ->
            "{\"action\": \"hold\", \"amount\": 0, \"reason\": \"wait and see\"}"))
        {
            for (int round = 0; round < rounds; round++)
            {
                // flat out: sim time waits for the endpoint, whose rate this measures
                final Outcome instant = run(nations, simSeconds, 0, concurrency, workers, new Instant());
                final Outcome http = run(nations, simSeconds, 0, concurrency, workers, chat(server));
                rates[round] = compared(instant, http, bound).rate();
            }
            for (int round = 0; round < rounds && pacedSeconds > 0; round++)
            {
                // in real time, both runs step on the same schedule: the steps' latency with decisions in flight
                final Outcome instant = run(nations, pacedSeconds, 1.0, concurrency, workers, new Instant());
                final Outcome http = run(nations, pacedSeconds, 1.0, concurrency, workers, chat(server));
                compared(instant, http, bound);
                instantP99[round] = instant.stepP99Ns();
                httpP99[round] = http.stepP99Ns();
            }
        }
        System.out.println(String.format(Locale.ROOT, "{\"median\": true, \"decisions_per_second\": %.1f, " +
            "\"bound_per_second\": %.1f, \"share_of_bound\": %.3f, \"paced_step_p99_ns_instant\": %.0f, " +
            "\"paced_step_p99_ns_http\": %.0f, \"paced_step_p99_ratio\": %.3f}", median(rates), bound,
            median(rates) / bound, median(instantP99), median(httpP99), median(httpP99) / median(instantP99)));
    }

    private static ChatDecider chat(final FakeChatServer server)
    {
        return new ChatDecider(ChatEndpoint.of(server.baseUrl().toString(), "stand-in", null, 64, 0, 3,
            Duration.ofSeconds(30), Map.of()));
    }

    private static Outcome compared(final Outcome instant, final Outcome http, final double bound)
    {
        print(instant, bound);
        print(http, bound);
        if (!http.hash().equals(instant.hash()))
        {
            throw new IllegalStateException("the runs differ: " + instant.hash() + " and " + http.hash());
        }
        return http;
    }

    private static Outcome run(final int nations, final double simSeconds, final double timeScale,
        final int concurrency, final int workers, final Decider decider)
    {
        final NationsPlugin plugin = new NationsPlugin();
        final ModelConfig config = ModelConfig.of(plugin, nations, 42L, new java.util.HashMap<>());
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (decider; Simulation sim = Simulation.launch(new SimulationContext().model(plugin.create(config))
            .seed(42L).workers(workers).maxSimTime(simSeconds).timeScale(timeScale)
            .decisions(new DecisionsContext().decider(decider).concurrency(concurrency)
                .timeout(60, TimeUnit.SECONDS))))
        {
            int mostThinking = 0;
            final long startNs = System.nanoTime();
            while (!sim.isOver())
            {
                sim.run(CHUNK_STEPS);
                mostThinking = Math.max(mostThinking, sim.decisions().thinking());
            }
            final double wallSeconds = (System.nanoTime() - startNs) / 1e9;
            System.gc();
            final long heapMiB = memory.getHeapMemoryUsage().getUsed() >> 20;
            final DecisionCounts counts = sim.decisions().counts();
            final Histogram steps = sim.tickLatency();
            return new Outcome((decider instanceof Instant ? "instant" : "http") +
                (timeScale > 0 ? " paced" : ""), wallSeconds, counts.completed(),
                counts.requested() - counts.completed() - sim.decisions().thinking(), counts.timedOut(),
                counts.failed(), mostThinking, heapMiB, steps.getValueAtPercentile(50),
                steps.getValueAtPercentile(99), sim.decisions().latencyMs().getValueAtPercentile(50),
                sim.decisions().latencyMs().getValueAtPercentile(99), StateHash.toHex(sim.stateHash()));
        }
    }

    private static void print(final Outcome outcome, final double bound)
    {
        System.out.println(String.format(Locale.ROOT, "{\"decider\": \"%s\", \"wall_seconds\": %.2f, " +
            "\"decisions\": %d, \"decisions_per_second\": %.1f, \"share_of_bound\": %.3f, \"lost\": %d, " +
            "\"timed_out\": %d, \"failed\": %d, \"most_thinking\": %d, \"heap_mib_after_gc\": %d, " +
            "\"step_p50_ns\": %d, \"step_p99_ns\": %d, \"answer_ms_p50\": %d, \"answer_ms_p99\": %d, " +
            "\"state_hash\": \"%s\"}", outcome.decider(),
            outcome.wallSeconds(), outcome.completed(), outcome.rate(), outcome.rate() / bound, outcome.lost(),
            outcome.timedOut(), outcome.failed(), outcome.mostThinking(), outcome.heapMiB(), outcome.stepP50Ns(),
            outcome.stepP99Ns(), outcome.latencyP50Ms(), outcome.latencyP99Ms(), outcome.hash()));
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Answers hold at once, as the baseline.
     */
    private static final class Instant implements Decider
    {
        public CompletableFuture<Answer> decide(final DecisionRequest request)
        {
            return CompletableFuture.completedFuture(Answer.of(HOLD, 0, "wait and see"));
        }

        public String identity()
        {
            return "instant";
        }
    }
}
