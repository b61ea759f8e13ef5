package io.myriad.kernel.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The triple buffer between the driving thread and a reader: the newest frame, never a backlog, never a frame the
 * writer is filling.
 */
class FrameExchangeTest
{
    @Test
    void aReaderGetsTheNewestFrameOnceAndNothingElse()
    {
        final FrameExchange exchange = new FrameExchange(8);
        assertNull(exchange.take(), "nothing published yet");
        for (long step = 1; step <= 10; step++)
        {
            final Frame frame = exchange.writing();
            frame.header(Frame.POINTS, 0, step, step);
            exchange.publish();
        }
        final Frame taken = exchange.take();
        assertEquals(10, taken.step(), "the newest of ten, not the first");
        assertNull(exchange.take(), "no backlog behind it");
        assertNotSame(taken, exchange.writing(), "the writer never fills the reader's frame");
    }

    @Test
    void underContentionEveryFrameTakenIsWholeAndNewer() throws InterruptedException
    {
        final FrameExchange exchange = new FrameExchange(8);
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicLong torn = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            long last = 0;
            while (!done.get())
            {
                final Frame frame = exchange.take();
                if (frame != null)
                {
                    final long step = frame.step();
                    // the writer writes the step twice, at 8 and at 24 (count and total): both agree in a whole frame
                    if (frame.buffer().getLong(Frame.COUNT_OFFSET) != step || step <= last)
                    {
                        torn.incrementAndGet();
                    }
                    last = step;
                }
            }
        });
        reader.start();
        for (long step = 1; step <= 2_000_000; step++)
        {
            final Frame frame = exchange.writing();
            frame.header(Frame.POINTS, 0, step, step);
            frame.buffer().putLong(Frame.COUNT_OFFSET, step);
            exchange.publish();
        }
        done.set(true);
        reader.join();
        assertEquals(0, torn.get(), "frames torn or out of order");
        assertTrue(exchange.take() == null || exchange.take() == null);
    }
}
