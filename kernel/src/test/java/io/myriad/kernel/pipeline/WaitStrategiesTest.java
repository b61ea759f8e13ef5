package io.myriad.kernel.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import org.junit.jupiter.api.Test;

import io.myriad.kernel.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitStrategiesTest
{
    @Test
    void shouldBackOffWhileEveryWorkerHasAProcessorAndBlockBeyond()
    {
        assertEquals("backoff", WaitStrategies.defaultFor(1, 1));
        assertEquals("backoff", WaitStrategies.defaultFor(8, 8));
        assertEquals("blocking", WaitStrategies.defaultFor(9, 8));
        assertEquals("blocking", WaitStrategies.defaultFor(1000, 2));
        assertInstanceOf(PhasedBackoffWaitStrategy.class, WaitStrategies.named(WaitStrategies.defaultFor(2, 2)));
        assertInstanceOf(BlockingWaitStrategy.class, WaitStrategies.named(WaitStrategies.defaultFor(3, 2)));
    }

    @Test
    void shouldChooseTheDefaultForTheWorkersOnThisMachineUnlessTheSystemPropertyNamesOne()
    {
        final int processors = Runtime.getRuntime().availableProcessors();
        final String before = System.getProperty(Configuration.WAIT_STRATEGY_PROP_NAME);
        try
        {
            System.clearProperty(Configuration.WAIT_STRATEGY_PROP_NAME);
            assertEquals("backoff", Configuration.waitStrategy(processors));
            assertEquals("blocking", Configuration.waitStrategy(processors + 1));
            System.setProperty(Configuration.WAIT_STRATEGY_PROP_NAME, "yielding");
            assertEquals("yielding", Configuration.waitStrategy(processors + 1));
        }
        finally
        {
            if (before == null)
            {
                System.clearProperty(Configuration.WAIT_STRATEGY_PROP_NAME);
            }
            else
            {
                System.setProperty(Configuration.WAIT_STRATEGY_PROP_NAME, before);
            }
        }
    }

    @Test
    void shouldNameTheChoicesForAnUnknownName()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> WaitStrategies.named("spin"));
        assertTrue(ex.getMessage().contains("backoff, sleeping, yielding, busy-spin or blocking"), ex.getMessage());
    }
}
