package io.myriad.kernel.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboxTest
{
    @Test
    void shouldRoundTripEveryKindOfEntry()
    {
        final Outbox outbox = new Outbox();
        assertEquals(0, outbox.size());
        outbox.emit(0, 17, Long.MIN_VALUE, Long.MAX_VALUE);
        outbox.spawn(-1L, 0x0123_4567_89AB_CDEFL);
        outbox.despawn(42);
        outbox.emit(Integer.MAX_VALUE, -5, 3L, -3L);
        assertEquals(4, outbox.size());

        assertEntry(outbox, 0, 0, 17, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEntry(outbox, 1, OutboxDescriptor.KIND_SPAWN, -1, -1L, 0x0123_4567_89AB_CDEFL);
        assertEntry(outbox, 2, OutboxDescriptor.KIND_DESPAWN, 42, 0L, 0L);
        assertEntry(outbox, 3, Integer.MAX_VALUE, -5, 3L, -3L);
    }

    @Test
    void shouldGrowBeyondItsInitialCapacity()
    {
        final Outbox outbox = new Outbox();
        final int entries = 10_000;
        for (int i = 0; i < entries; i++)
        {
            outbox.emit(i % 5, i, i * 1_000_003L, ~(long)i);
        }
        assertEquals(entries, outbox.size());
        for (int i = 0; i < entries; i++)
        {
            assertEntry(outbox, i, i % 5, i, i * 1_000_003L, ~(long)i);
        }
    }

    @Test
    void shouldStartOverWhenCleared()
    {
        final Outbox outbox = new Outbox();
        for (int i = 0; i < 200; i++)
        {
            outbox.emit(1, i, i, i);
        }
        outbox.clear();
        assertEquals(0, outbox.size());
        outbox.despawn(9);
        outbox.spawn(8L, 7L);
        assertEquals(2, outbox.size());
        assertEntry(outbox, 0, OutboxDescriptor.KIND_DESPAWN, 9, 0L, 0L);
        assertEntry(outbox, 1, OutboxDescriptor.KIND_SPAWN, -1, 8L, 7L);
    }

    @Test
    void shouldRejectNegativeModelKinds()
    {
        final Outbox outbox = new Outbox();
        assertThrows(IllegalArgumentException.class, () -> outbox.emit(-1, 0, 0L, 0L));
        assertThrows(IllegalArgumentException.class, () -> outbox.emit(OutboxDescriptor.KIND_DESPAWN, 0, 0L, 0L));
        assertEquals(0, outbox.size());
    }

    @Test
    void shouldLayOutEntriesAsDescribed()
    {
        assertEquals(24, OutboxDescriptor.ENTRY_LENGTH);
        assertEquals(0, OutboxDescriptor.ENTRY_LENGTH % OutboxDescriptor.ALIGNMENT);
        assertEquals(48, OutboxDescriptor.kindOffset(2));
        assertEquals(52, OutboxDescriptor.targetOffset(2));
        assertEquals(56, OutboxDescriptor.payloadAOffset(2));
        assertEquals(64, OutboxDescriptor.payloadBOffset(2));
        assertEquals(0, OutboxDescriptor.payloadAOffset(5) % 8);
        assertEquals(0, OutboxDescriptor.payloadBOffset(5) % 8);
    }

    private static void assertEntry(
        final Outbox outbox, final int entry, final int kind, final int target, final long a, final long b)
    {
        assertEquals(kind, outbox.kind(entry), "kind of " + entry);
        assertEquals(target, outbox.target(entry), "target of " + entry);
        assertEquals(a, outbox.a(entry), "a of " + entry);
        assertEquals(b, outbox.b(entry), "b of " + entry);
    }
}
