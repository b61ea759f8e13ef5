package io.myriad.kernel.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.metrics.ThreadAllocation;
import io.myriad.kernel.world.PartFormatException;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EventQueueTest
{
    /** An event as the reference model sees it. */
    private record Event(double time, int priority, long sequence, int kind, int agent, long data)
    {
    }

    private static final Comparator<Event> ORDER = Comparator.comparingDouble(Event::time)
        .thenComparingInt(Event::priority).thenComparingLong(Event::sequence);

    @Test
    void shouldTakeEventsInTimeThenPriorityThenSequenceOrder()
    {
        final EventQueue queue = new EventQueue("events");
        queue.schedule(5.0, 0, 1, 10, 100);
        queue.schedule(2.0, 3, 2, 11, 101);
        queue.schedule(2.0, -1, 3, 12, 102);
        queue.schedule(2.0, 3, 4, 13, 103);
        queue.schedule(2.0, -1, 5, 14, 104);
        final DueEvents due = new DueEvents(1);

        assertEquals(2.0, queue.nextTime());
        assertEquals(2, queue.take(due));
        assertEquals(2.0, due.time());
        assertEquals(-1, due.priority());
        assertEquals(List.of(3, 12, 102L, 2L), List.of(due.kind(0), due.agent(0), due.data(0), due.sequence(0)));
        assertEquals(List.of(5, 14, 104L, 4L), List.of(due.kind(1), due.agent(1), due.data(1), due.sequence(1)));

        assertEquals(2, queue.take(due));
        assertEquals(3, due.priority());
        assertEquals(1, due.sequence(0));
        assertEquals(3, due.sequence(1));

        assertEquals(1, queue.take(due));
        assertEquals(5.0, due.time());
        assertEquals(5.0, queue.now());
        assertTrue(queue.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, queue.nextTime());
        assertEquals(0, queue.take(due));
        assertEquals(0, due.count());
    }

    @Test
    void shouldMatchAReferenceQueueOverLongRandomRuns()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final EventQueue queue = new EventQueue("events");
            final PriorityQueue<Event> reference = new PriorityQueue<>(ORDER);
            final DueEvents due = new DueEvents(4);
            final boolean coarse = seed % 2 == 0;
            long sequence = 0;
            for (int round = 0; round < 3_000; round++)
            {
                for (int n = random.nextInt(6); n > 0; n--)
                {
                    final double delay = switch (coarse ? 1 : random.nextInt(5))
                    {
                        case 0 -> 0.0;
                        case 1 -> random.nextInt(4);
                        case 2 -> Double.MIN_VALUE * random.nextInt(1_000);
                        default -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 9));
                    };
                    final double time = queue.now() + delay;
                    final int priority = random.nextInt(-2, 3);
                    final int kind = random.nextInt(EventDescriptor.MAX_KIND + 1);
                    final int agent = random.nextInt(-1, 1_000_000);
                    final long data = random.nextLong();
                    assertEquals(sequence, queue.schedule(time, priority, kind, agent, data));
                    reference.add(new Event(time, priority, sequence++, kind, agent, data));
                }
                assertEquals(reference.size(), queue.size());
                assertEquals(reference.isEmpty() ? Double.POSITIVE_INFINITY :
                    reference.peek().time(), queue.nextTime());
                if (random.nextInt(3) > 0 && !reference.isEmpty())
                {
                    assertTakes(queue, due, reference);
                }
            }
            while (!reference.isEmpty())
            {
                assertTakes(queue, due, reference);
            }
            assertTrue(queue.isEmpty());
        }
    }

    @Test
    void shouldRefuseEventsBeforeNowOrOutOfRange()
    {
        final EventQueue queue = new EventQueue("events");
        queue.schedule(10, 0, 0, 0, 0);
        queue.take(new DueEvents(1));

        assertMessage(() -> queue.schedule(9.5, 0, 0, 0, 0), "time 9.5", "it is 10.0 now");
        assertMessage(() -> queue.schedule(Double.NaN, 0, 0, 0, 0), "time NaN");
        assertMessage(() -> queue.schedule(Double.POSITIVE_INFINITY, 0, 0, 0, 0), "finite time");
        assertMessage(() -> queue.schedule(11, 40_000, 0, 0, 0), "priority 40000");
        assertMessage(() -> queue.schedule(11, 0, -1, 0, 0), "kind -1");
        assertMessage(() -> queue.schedule(11, 0, 70_000, 0, 0), "kind in [0, 65535]");
        assertEquals(0, queue.size());
        assertEquals(1, queue.nextSequence());

        queue.schedule(10, EventDescriptor.MIN_PRIORITY, EventDescriptor.MAX_KIND, -1, -1);
        final DueEvents due = new DueEvents(1);
        queue.take(due);
        assertEquals(EventDescriptor.MIN_PRIORITY, due.priority());
        assertEquals(EventDescriptor.MAX_KIND, due.kind(0));
        assertEquals(EventDescriptor.NO_AGENT, due.agent(0));
    }

    @Test
    void shouldTakeNegativeZeroAsZero()
    {
        final EventQueue queue = new EventQueue("events");
        queue.schedule(-0.0, 0, 0, 0, 0);
        queue.schedule(0.0, 0, 0, 1, 0);
        final DueEvents due = new DueEvents(1);

        assertEquals(2, queue.take(due));
        assertEquals(0, Double.doubleToRawLongBits(due.time()));
    }

    @Test
    void shouldHashAndPopTheSameAfterACheckpointRoundTrip()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final EventQueue original = new EventQueue("events");
        final DueEvents due = new DueEvents(1);
        for (int i = 0; i < 20_000; i++)
        {
            original.schedule(original.now() + random.nextDouble() * 50, random.nextInt(3), 1, i, i);
            if (i % 3 == 0)
            {
                original.take(due);
            }
        }
        final PartWriter writer = new PartWriter().reset();
        original.write(writer);
        final EventQueue restored = new EventQueue("events");
        restored.read(new PartReader("events").wrap(writer.buffer(), 0, writer.length()));

        assertEquals(hash(original), hash(restored));
        assertEquals(original.size(), restored.size());
        assertEquals(original.now(), restored.now());
        assertEquals(original.nextTime(), restored.nextTime());
        final DueEvents other = new DueEvents(1);
        while (!original.isEmpty())
        {
            final double time = original.now() + random.nextDouble() * 10;
            assertEquals(original.schedule(time, 1, 2, 3, 4), restored.schedule(time, 1, 2, 3, 4));
            assertEquals(original.take(due), restored.take(other));
            assertEquals(due.time(), other.time());
            for (int k = 0; k < due.count(); k++)
            {
                assertEquals(due.sequence(k), other.sequence(k));
                assertEquals(due.data(k), other.data(k));
            }
            original.take(due);
            restored.take(other);
            assertEquals(hash(original), hash(restored));
        }
    }

    @Test
    void shouldHashEveryPendingEvent()
    {
        final EventQueue one = new EventQueue("events");
        final EventQueue other = new EventQueue("events");
        one.schedule(1, 0, 0, 0, 5);
        other.schedule(1, 0, 0, 0, 6);

        assertNotEquals(hash(other), hash(one));
    }

    @Test
    void shouldRefuseACheckpointSectionThatDoesNotHold()
    {
        final EventQueue queue = new EventQueue("events");
        queue.schedule(1, 0, 0, 0, 0);
        queue.schedule(2, 0, 0, 0, 0);
        final PartWriter writer = new PartWriter().reset();
        queue.write(writer);
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[writer.length()]);
        bytes.putBytes(0, writer.buffer(), 0, writer.length());

        final EventQueue target = new EventQueue("events");
        final PartFormatException tooShort = assertThrows(PartFormatException.class,
            () -> target.read(new PartReader("events").wrap(bytes, 0, bytes.capacity() - 8)));
        assertTrue(tooShort.getMessage().contains("says it holds 2 events"), tooShort.getMessage());

        final UnsafeBuffer swapped = new UnsafeBuffer(bytes.byteArray().clone());
        swapped.putLong(24 + 8, 1L);
        swapped.putLong(24 + EventDescriptor.LENGTH + 8, 0L);
        final PartFormatException disorder = assertThrows(PartFormatException.class,
            () -> target.read(new PartReader("events").wrap(swapped, 0, swapped.capacity())));
        assertTrue(disorder.getMessage().contains("out of sequence order"), disorder.getMessage());
        assertEquals(0, target.size());
    }

    @Test
    void shouldAllocateNothingOnceItHasHeldItsMostEvents()
    {
        assumeTrue(ThreadAllocation.isSupported(), "this JVM does not count allocation per thread");
        final EventQueue queue = new EventQueue("events", 100_000);
        final DueEvents due = new DueEvents(16);
        final StateHasher hasher = new StateHasher();
        final PartWriter writer = new PartWriter();
        long state = 1;
        for (int i = 0; i < 100_000; i++)
        {
            state = state * 6364136223846793005L + 1442695040888963407L;
            queue.schedule((state >>> 11) * 0x1.0p-53 * 100, 0, 1, i, i);
        }
        for (int round = 0; round < 6; round++)
        {
            final long before = ThreadAllocation.currentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++)
            {
                queue.take(due);
                state = state * 6364136223846793005L + 1442695040888963407L;
                queue.schedule(queue.now() + (state >>> 11) * 0x1.0p-53 * 100, (int)(state & 1), 1, i, i);
                if (i % 50_000 == 0)
                {
                    queue.hash(hasher.reset());
                    queue.write(writer.reset());
                }
            }
            final long allocated = ThreadAllocation.currentThreadAllocatedBytes() - before;
            if (round > 1)
            {
                assertTrue(allocated < 2048, allocated + " bytes allocated in round " + round);
            }
        }
        assertEquals(100_000, queue.size());
    }

    private static void assertTakes(final EventQueue queue, final DueEvents due, final PriorityQueue<Event> reference)
    {
        final List<Event> expected = new ArrayList<>();
        final Event first = reference.poll();
        expected.add(first);
        while (!reference.isEmpty() && reference.peek().time() == first.time() &&
            reference.peek().priority() == first.priority())
        {
            expected.add(reference.poll());
        }
        assertEquals(expected.size(), queue.take(due));
        assertEquals(first.time(), due.time());
        assertEquals(first.priority(), due.priority());
        assertEquals(first.time(), queue.now());
        for (int k = 0; k < expected.size(); k++)
        {
            final Event event = expected.get(k);
            assertEquals(event.sequence(), due.sequence(k));
            assertEquals(event.kind(), due.kind(k));
            assertEquals(event.agent(), due.agent(k));
            assertEquals(event.data(), due.data(k));
        }
    }

    private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String... parts)
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        for (final String part : parts)
        {
            assertTrue(error.getMessage().contains(part), error.getMessage());
        }
    }

    private static long hash(final EventQueue queue)
    {
        final StateHasher hasher = new StateHasher().reset();
        queue.hash(hasher);
        return hasher.finish();
    }
}
