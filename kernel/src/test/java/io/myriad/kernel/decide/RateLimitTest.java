package io.myriad.kernel.decide;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldLetASecondsWorthOfRequestsGoAtOnceThenSpaceThemOut()
    {
        final RateLimit limit = new RateLimit(120, 0, 0);
        assertEquals(0, limit.delayNs(0));
        limit.take(0);
        assertEquals(0, limit.delayNs(0), "120 a minute is 2 a second at once");
        limit.take(0);
        assertEquals(SECOND / 2, limit.delayNs(0), "then one every half second");
        assertEquals(0, limit.delayNs(SECOND / 2));
    }

    @Test
    void shouldHoldRequestsBackWhileTheTokensAreInDebt()
    {
        final RateLimit limit = new RateLimit(0, 600, 0);
        limit.take(0);
        limit.used(0, 900);
        assertEquals(30 * SECOND, limit.delayNs(0), "300 tokens of debt at 10 a second");
        assertEquals(0, limit.delayNs(30 * SECOND));
    }

    @Test
    void shouldNotLimitAtZero()
    {
        final RateLimit limit = new RateLimit(0, 0, 0);
        for (int i = 0; i < 1_000; i++)
        {
            limit.take(0);
            limit.used(0, 1_000_000);
        }
        assertEquals(0, limit.delayNs(0));
    }

    @Test
    void shouldNotStoreMoreThanItsBurstWhileIdle()
    {
        final RateLimit limit = new RateLimit(60, 0, 0);
        final long later = 3_600 * SECOND;
        limit.take(later);
        assertTrue(limit.delayNs(later) > 0, "an hour idle still allows one request a second at once");
    }
}
