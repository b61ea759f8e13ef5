package io.myriad.kernel.decide;

/**
 * Requests and tokens a minute, as token buckets that refill continuously: a request may go when a whole request
 * is in its bucket (it holds a second's worth, at least one) and the tokens bucket is not in debt (it holds a
 * minute's worth; an answer's tokens are taken after it comes, as providers count them, and may put it in debt).
 * A rate of 0 is no limit. Thread-safe; times are the caller's {@code System.nanoTime()}.
 */
public final class RateLimit
{
    private static final double NS_PER_MINUTE = 60e9;

    private final double requestsPerNs;
    private final double tokensPerNs;
    private final double requestBurst;
    private final double tokenBurst;
    private double requests;
    private double tokens;
    private long lastNs;

    /**
     * @param requestsPerMinute most requests a minute, 0 for no limit.
     * @param tokensPerMinute   most tokens a minute, 0 for no limit.
     * @param nowNs             the time now: the buckets start full.
     */
    public RateLimit(final double requestsPerMinute, final double tokensPerMinute, final long nowNs)
    {
        this.requestsPerNs = requestsPerMinute / NS_PER_MINUTE;
        this.tokensPerNs = tokensPerMinute / NS_PER_MINUTE;
        this.requestBurst = Math.max(1.0, requestsPerMinute / 60.0);
        this.tokenBurst = tokensPerMinute;
        this.requests = requestBurst;
        this.tokens = tokenBurst;
        this.lastNs = nowNs;
    }

    /**
     * @param nowNs the time now.
     * @return nanoseconds until a request may go; 0 if it may go now.
     */
    public synchronized long delayNs(final long nowNs)
    {
        refill(nowNs);
        double wait = 0;
        if (requestsPerNs > 0 && requests < 1.0)
        {
            wait = (1.0 - requests) / requestsPerNs;
        }
        if (tokensPerNs > 0 && tokens < 0)
        {
            wait = Math.max(wait, -tokens / tokensPerNs);
        }
        return (long)Math.ceil(wait);
    }

    /**
     * Takes a request from its bucket; call when {@link #delayNs} is 0.
     *
     * @param nowNs the time now.
     */
    public synchronized void take(final long nowNs)
    {
        refill(nowNs);
        requests -= 1.0;
    }

    /**
     * Takes the tokens an answer reports.
     *
     * @param nowNs the time now.
     * @param used  tokens of the request and the answer.
     */
    public synchronized void used(final long nowNs, final long used)
    {
        refill(nowNs);
        tokens -= used;
    }

    private void refill(final long nowNs)
    {
        final long elapsed = Math.max(0, nowNs - lastNs);
        lastNs = Math.max(lastNs, nowNs);
        requests = Math.min(requestBurst, requests + elapsed * requestsPerNs);
        tokens = Math.min(tokenBurst, tokens + elapsed * tokensPerNs);
    }
}
