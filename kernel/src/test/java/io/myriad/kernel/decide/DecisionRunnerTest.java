package io.myriad.kernel.decide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.myriad.kernel.Configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionRunnerTest
{
    @TempDir
    Path temp;

    /**
     * Answers after 2 ms, counting how many requests it holds at once (but the one it drops): request x = 101 never
     * answers, x = 102 fails, x = 103 answers an action the deliberation does not have; x from 1000 to 1003 are held
     * until all four have come, so a runner that sent fewer at once would time them out.
     */
    private static final class CountingDecider implements Decider
    {
        private final AtomicInteger holding = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger calls = new AtomicInteger();
        private final CountDownLatch firstFour = new CountDownLatch(4);

        public CompletableFuture<Answer> decide(final DecisionRequest request)
        {
            calls.incrementAndGet();
            final double x = request.fact(0);
            if (x == 101)
            {
                return new CompletableFuture<>();
            }
            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
            if (x >= 1000 && x < 1004)
            {
                firstFour.countDown();
                final CompletableFuture<Answer> held = new CompletableFuture<>();
                final Thread waiter = new Thread(() ->
                {
                    try
                    {
                        if (firstFour.await(5, TimeUnit.SECONDS))
                        {
                            holding.decrementAndGet();
                            held.complete(new Answer(0, x, "up " + x, 10, 5));
                        }
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                    }
                });
                waiter.setDaemon(true);
                waiter.start();
                return held;
            }
            return CompletableFuture.supplyAsync(() ->
            {
                holding.decrementAndGet();
                if (x == 102)
                {
                    throw new IllegalStateException("the service is down");
                }
                return x == 103 ? Answer.of(9, 0, "dance") : new Answer(0, x, "up " + x, 10, 5);
            }, CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS));
        }

        public String identity()
        {
            return "counting";
        }
    }

    @Test
    void shouldStayWithinItsConcurrencyAndGiveEveryRequestOneResult()
    {
        final CountingDecider decider = new CountingDecider();
        final List<DecisionResult> results = new ArrayList<>();
        try (DecisionRunner runner = new DecisionRunner(decider, 4, new RateLimit(0, 0, System.nanoTime()),
            TimeUnit.MILLISECONDS.toNanos(200), null, Configuration.daemonThreads("test-decider")))
        {
            for (int i = 0; i < 200; i++)
            {
                runner.submit(AnswerCacheTest.request(i, i >= 101 && i <= 103 ? i : 1000 + i));
            }
            collect(runner, results, 200);
        }
        assertTrue(decider.most.get() <= 4, decider.most.get() + " at once");
        assertEquals(4, decider.most.get(), "and it used all four (the first four answer only together)");
        final Set<Long> ids = new HashSet<>();
        for (final DecisionResult result : results)
        {
            assertTrue(ids.add(result.request().id()), "one result a request");
            final int expected = switch ((int)result.request().id())
            {
                case 101 -> AnswerDescriptor.TIMED_OUT;
                case 102, 103 -> AnswerDescriptor.FAILED;
                default -> AnswerDescriptor.ANSWERED;
            };
            assertEquals(expected, result.outcome(), "request " + result.request().id());
            if (expected != AnswerDescriptor.ANSWERED)
            {
                assertEquals("fallback", result.answer().text());
                assertTrue(result.error() != null && !result.error().isEmpty());
            }
        }
        assertEquals(200, ids.size());
    }

    @Test
    void shouldKeepTheBoundAtTheDeciderAfterTimeouts()
    {
        final AtomicInteger holding = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final Decider slow = new Decider()
        {
            public CompletableFuture<Answer> decide(final DecisionRequest request)
            {
                most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                return CompletableFuture.supplyAsync(() ->
                {
                    holding.decrementAndGet();
                    return Answer.of(0, 1, "late");
                }, CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS));
            }

            public String identity()
            {
                return "slow";
            }
        };
        final List<DecisionResult> results = new ArrayList<>();
        try (DecisionRunner runner = new DecisionRunner(slow, 2, new RateLimit(0, 0, System.nanoTime()),
            TimeUnit.MILLISECONDS.toNanos(100), null, Configuration.daemonThreads("test-decider")))
        {
            for (int i = 0; i < 6; i++)
            {
                runner.submit(AnswerCacheTest.request(i, 2000 + i));
            }
            collect(runner, results, 6);
        }
        assertTrue(results.stream().allMatch((r) -> r.outcome() == AnswerDescriptor.TIMED_OUT), "all timed out");
        assertEquals(2, most.get(), "the timed-out requests kept their places until the decider was done with them");
    }

    @Test
    void shouldAnswerFromTheCacheWithoutTheDecider()
    {
        final Path file = temp.resolve("answers.bin");
        final CountingDecider decider = new CountingDecider();
        for (int run = 0; run < 2; run++)
        {
            final List<DecisionResult> results = new ArrayList<>();
            try (DecisionRunner runner = new DecisionRunner(decider, 2, new RateLimit(0, 0, System.nanoTime()),
                TimeUnit.SECONDS.toNanos(5), AnswerCache.open(file), Configuration.daemonThreads("test-decider")))
            {
                for (int i = 0; i < 20; i++)
                {
                    runner.submit(AnswerCacheTest.request(i, 2000 + i));
                }
                collect(runner, results, 20);
            }
            final int outcome = run == 0 ? AnswerDescriptor.ANSWERED : AnswerDescriptor.CACHED;
            assertTrue(results.stream().allMatch((r) -> r.outcome() == outcome), "run " + run);
            assertTrue(results.stream().allMatch((r) -> r.answer().amount() == r.request().fact(0)));
        }
        assertEquals(20, decider.calls.get(), "the second run called nothing");
    }

    @Test
    void shouldHoldRequestsToItsRate()
    {
        final CountingDecider decider = new CountingDecider();
        final List<DecisionResult> results = new ArrayList<>();
        final long start = System.nanoTime();
        try (DecisionRunner runner = new DecisionRunner(decider, 8, new RateLimit(600, 0, System.nanoTime()),
            TimeUnit.SECONDS.toNanos(5), null, Configuration.daemonThreads("test-decider")))
        {
            for (int i = 0; i < 13; i++)
            {
                runner.submit(AnswerCacheTest.request(i, 2000 + i));
            }
            collect(runner, results, 13);
        }
        // 600 a minute: 10 at once, then one every 100 ms
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(290), "three waited their turn");
    }

    private static void collect(final DecisionRunner runner, final List<DecisionResult> results, final int count)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (results.size() < count && System.nanoTime() < deadline)
        {
            final DecisionResult result = runner.poll();
            if (result == null)
            {
                Thread.onSpinWait();
            }
            else
            {
                results.add(result);
            }
        }
        assertEquals(count, results.size(), "every result came back");
    }
}
