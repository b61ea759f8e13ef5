package io.myriad.kernel.decide;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks a {@link Decider} off the simulation threads. The driving thread {@link #submit submits} requests; one
 * dispatcher thread sends them in order, at most {@code concurrency} at the decider at once and within the
 * {@link RateLimit}; each result (the answer, or the fallback after a timeout or failure) comes back through a
 * lock-free queue the driving thread {@link #poll polls}. A request holds its place at the decider until the decider
 * is done with it, after its timeout too (at most twice the timeout), so the bound holds at the decider. Answers
 * found in the {@link AnswerCache} come back at once, without a permit or the decider. Nothing is lost: every
 * request submitted gives exactly one result.
 */
public final class DecisionRunner implements AutoCloseable
{
    private final Decider decider;
    private final String identity;
    private final Semaphore permits;
    private final RateLimit limit;
    private final long timeoutNs;
    private final AnswerCache cache;
    private final BlockingQueue<DecisionRequest> requests = new LinkedBlockingQueue<>();
    private final Queue<DecisionResult> results = new ConcurrentLinkedQueue<>();
    private final AtomicInteger atDecider = new AtomicInteger();
    private final Thread dispatcher;
    private volatile boolean running = true;

    /**
     * Starts the dispatcher.
     *
     * @param decider     what decides.
     * @param concurrency most requests at the decider at once.
     * @param limit       requests and tokens a minute.
     * @param timeoutNs   the longest a request may take before the fallback stands in.
     * @param cache       answers kept from earlier runs, or null.
     * @param threads     makes the dispatcher's thread.
     */
    public DecisionRunner(
        final Decider decider,
        final int concurrency,
        final RateLimit limit,
        final long timeoutNs,
        final AnswerCache cache,
        final ThreadFactory threads)
    {
        this.decider = decider;
        this.identity = decider.identity();
        this.permits = new Semaphore(concurrency);
        this.limit = limit;
        this.timeoutNs = timeoutNs;
        this.cache = cache;
        this.dispatcher = threads.newThread(this::dispatch);
        dispatcher.start();
    }

    /**
     * Driving thread: queues a request for the decider.
     *
     * @param request the request.
     */
    public void submit(final DecisionRequest request)
    {
        requests.add(request);
    }

    /**
     * Driving thread: takes the next result that came back.
     *
     * @return it, or null if none is waiting.
     */
    public DecisionResult poll()
    {
        return results.poll();
    }

    /**
     * @return requests at the decider now.
     */
    public int atDecider()
    {
        return atDecider.get();
    }

    /**
     * @return requests submitted and not yet sent.
     */
    public int waiting()
    {
        return requests.size();
    }

    /**
     * Stops the dispatcher; requests still at the decider complete into a queue nobody reads. Closes the cache, not
     * the decider, which its owner closes.
     */
    @Override
    public void close()
    {
        running = false;
        dispatcher.interrupt();
        try
        {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (cache != null)
        {
            cache.close();
        }
    }

    private void dispatch()
    {
        try
        {
            while (running)
            {
                final DecisionRequest request = requests.poll(100, TimeUnit.MILLISECONDS);
                if (request != null)
                {
                    try
                    {
                        send(request);
                    }
                    catch (final InterruptedException ex)
                    {
                        throw ex;
                    }
                    catch (final Throwable ex)
                    {
                        // whatever went wrong, the request gives a result, or the run would wait for it for ever
                        results.add(failure(request, 0, null, ex));
                    }
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void send(final DecisionRequest request) throws InterruptedException
    {
        final byte[] prompt = request.prompt().getBytes(StandardCharsets.UTF_8);
        final String key = cache == null ? null : AnswerCache.key(identity, request);
        final Answer cached = key == null ? null : cache.get(key);
        if (cached != null)
        {
            results.add(new DecisionResult(request, cached, AnswerDescriptor.CACHED, 0, prompt, null));
            return;
        }
        permits.acquire();
        for (long wait = limit.delayNs(System.nanoTime()); wait > 0; wait = limit.delayNs(System.nanoTime()))
        {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted())
            {
                permits.release();
                throw new InterruptedException();
            }
        }
        limit.take(System.nanoTime());
        atDecider.incrementAndGet();
        final long startNs = System.nanoTime();
        CompletableFuture<Answer> answer;
        try
        {
            answer = decider.decide(request);
            if (answer == null)
            {
                answer = CompletableFuture.failedFuture(new IllegalStateException(
                    "the decider " + identity + " returned no future"));
            }
        }
        catch (final RuntimeException | Error ex)
        {
            answer = CompletableFuture.failedFuture(ex);
        }
        // the place at the decider is held until the decider is done with the request, even after a timeout has
        // given the run its fallback, so that the decider never holds more than the bound; a decider that never
        // finishes gives it back after twice the timeout
        final AtomicBoolean held = new AtomicBoolean(true);
        final Runnable giveBack = () ->
        {
            if (held.getAndSet(false))
            {
                atDecider.decrementAndGet();
                permits.release();
            }
        };
        answer.whenComplete((given, error) -> giveBack.run());
        CompletableFuture.delayedExecutor(2 * timeoutNs, TimeUnit.NANOSECONDS).execute(giveBack);
        answer.copy().orTimeout(timeoutNs, TimeUnit.NANOSECONDS)
            .whenComplete((given, error) -> complete(request, key, prompt, startNs, given, error));
    }

    private void complete(
        final DecisionRequest request,
        final String key,
        final byte[] prompt,
        final long startNs,
        final Answer given,
        final Throwable error)
    {
        final long latencyNs = System.nanoTime() - startNs;
        try
        {
            final Throwable cause = error instanceof CompletionException && error.getCause() != null ?
                error.getCause() : error;
            final Deliberation deliberation = request.deliberation();
            if (cause == null && given != null && given.action() >= 0 &&
                given.action() < deliberation.actions().size())
            {
                limit.used(System.nanoTime(), (long)given.promptTokens() + given.completionTokens());
                results.add(new DecisionResult(request, given, AnswerDescriptor.ANSWERED, latencyNs, prompt,
                    keep(key, given)));
                return;
            }
            final int outcome = cause instanceof TimeoutException ? AnswerDescriptor.TIMED_OUT :
                AnswerDescriptor.FAILED;
            final String why = cause == null ? "the decider answered action " +
                (given == null ? "nothing" : Integer.toString(given.action())) + ", not one of " +
                deliberation.actions().size() : cause instanceof TimeoutException ?
                "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms" : String.valueOf(cause);
            results.add(fallback(request, outcome, latencyNs, prompt, why));
        }
        catch (final Throwable ex)
        {
            // the result must come back whatever fails here, or the run would wait for it for ever
            results.add(failure(request, latencyNs, prompt, ex));
        }
    }

    /**
     * Keeps an answer in the cache, if there is one; a cache that fails does not change the answer.
     *
     * @return what went wrong keeping it, or null.
     */
    private String keep(final String key, final Answer answer)
    {
        if (key == null)
        {
            return null;
        }
        try
        {
            cache.put(key, answer);
            return null;
        }
        catch (final RuntimeException ex)
        {
            return "the answer was taken but not cached: " + ex.getMessage();
        }
    }

    private static DecisionResult fallback(
        final DecisionRequest request, final int outcome, final long latencyNs, final byte[] prompt, final String why)
    {
        return new DecisionResult(request, request.deliberation().fallback(request), outcome, latencyNs, prompt, why);
    }

    /**
     * @return the model's fallback for a request that failed for a reason of the kernel's or the decider's; a result
     *         without an answer, which stops the run saying why, when the fallback itself fails.
     */
    private static DecisionResult failure(
        final DecisionRequest request, final long latencyNs, final byte[] prompt, final Throwable cause)
    {
        final byte[] text = prompt != null ? prompt : new byte[0];
        try
        {
            return fallback(request, AnswerDescriptor.FAILED, latencyNs, text, String.valueOf(cause));
        }
        catch (final Throwable ex)
        {
            return new DecisionResult(request, null, AnswerDescriptor.FAILED, latencyNs, text,
                "the model's fallback failed (" + ex + ") after " + cause);
        }
    }
}
