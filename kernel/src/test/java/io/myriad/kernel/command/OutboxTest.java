package io.myriad.kernel.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

class OutboxTest
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Outbox outbox = new Outbox();

    @Test
    void shouldLayCommandsOutAsTheDescriptorSaysEachOnAnEightByteBoundary()
    {
        final int first = outbox.command(7, 5, 1, 42, 2, 9);
        outbox.buffer().putByte(first, (byte)1);
        final int second = outbox.spawn(8, 16, 3, 1, 42);
        outbox.despawn(1, 40);
        outbox.spawn(2, -1, -1);

        final MutableDirectBuffer buffer = outbox.buffer();
        assertEquals(4, outbox.count());
        assertEquals(CommandDescriptor.HEADER_LENGTH, first, "the first payload follows the first header");
        assertEquals(32, buffer.getInt(0, LE), "24 + 5 padded to 8");
        assertEquals(7, buffer.getShort(CommandDescriptor.ID_OFFSET, LE));
        assertEquals(0, buffer.getShort(CommandDescriptor.FLAGS_OFFSET, LE));
        assertEquals(1, buffer.getInt(CommandDescriptor.TARGET_TYPE_OFFSET, LE));
        assertEquals(42, buffer.getInt(CommandDescriptor.TARGET_INDEX_OFFSET, LE));
        assertEquals(2, buffer.getInt(CommandDescriptor.SOURCE_TYPE_OFFSET, LE));
        assertEquals(9, buffer.getInt(CommandDescriptor.SOURCE_INDEX_OFFSET, LE));

        assertEquals(32 + CommandDescriptor.HEADER_LENGTH, second);
        assertEquals(40, buffer.getInt(32, LE));
        assertEquals(CommandDescriptor.FLAG_SPAWN, buffer.getShort(32 + CommandDescriptor.FLAGS_OFFSET, LE));
        assertEquals(-1, buffer.getInt(32 + CommandDescriptor.TARGET_INDEX_OFFSET, LE), "assigned when applied");
        assertEquals(CommandDescriptor.DESPAWN, buffer.getShort(72 + CommandDescriptor.ID_OFFSET, LE));
        assertEquals(CommandDescriptor.SPAWN, buffer.getShort(96 + CommandDescriptor.ID_OFFSET, LE));
        assertEquals(120, outbox.length());
    }

    @Test
    void shouldZeroEveryPayloadSoJournaledBytesDependOnlyOnTheFields()
    {
        for (int i = 0; i < 100; i++)
        {
            final int payload = outbox.command(3, 13, 0, i);
            outbox.buffer().setMemory(payload, 13, (byte)0x7F);
        }
        outbox.clear();
        final int payload = outbox.command(3, 13, 0, 0);
        for (int b = 0; b < 16; b++)
        {
            assertEquals(0, outbox.buffer().getByte(payload + b), "byte " + b + " of a reused payload");
        }
    }

    @Test
    void shouldGrowAndKeepItsMemoryWhenCleared()
    {
        for (int i = 0; i < 10_000; i++)
        {
            outbox.command(1, 8, 0, i);
        }
        final int capacity = outbox.buffer().capacity();
        assertTrue(capacity >= 10_000 * 32, "grown to " + capacity);
        outbox.clear();
        assertEquals(0, outbox.count());
        assertEquals(0, outbox.length());
        outbox.command(1, 8, 0, 0);
        assertEquals(capacity, outbox.buffer().capacity());
    }
}
