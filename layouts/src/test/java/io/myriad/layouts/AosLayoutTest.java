package io.myriad.layouts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AosLayoutTest extends LayoutConformanceTest
{
    Layout layout()
    {
        return AosLayout.INSTANCE;
    }

    @Test
    void shouldKeepEachAgentInOneRecordPaddedToEightBytes()
    {
        final Addressing addressing = AosLayout.INSTANCE.plan(MIXED, 100);
        final int recordStride = addressing.blockStride();
        assertEquals(1, addressing.regionCount());
        assertEquals(0, addressing.blockShift());
        assertEquals(0, addressing.blockMask());
        assertEquals(0, recordStride % 8);
        assertTrue(recordStride >= MIXED.recordBytes());
        // Natural alignment of each slot costs at most (size - 1) bytes of padding before it.
        assertTrue(recordStride < MIXED.recordBytes() + 7 * MIXED.slotCount() + 8, "stride " + recordStride);

        for (int index = 0; index < 100; index++)
        {
            for (int slot = 0; slot < MIXED.slotCount(); slot++)
            {
                final int offset = addressing.offset(slot, index);
                assertTrue(offset >= index * recordStride, "slot " + slot + " of agent " + index);
                assertTrue(offset + MIXED.slotField(slot).type().size() <= (index + 1) * recordStride);
            }
        }
    }

    @Test
    void shouldPackARecordOfSmallFieldsTightly()
    {
        final Schema small = Schema.builder("Small")
            .field("a", FieldType.BYTE)
            .field("b", FieldType.SHORT)
            .field("c", FieldType.BYTE)
            .build();
        final Addressing addressing = AosLayout.INSTANCE.plan(small, 10);
        assertEquals(0, addressing.base(0));
        assertEquals(2, addressing.base(1));
        assertEquals(4, addressing.base(2));
        assertEquals(8, addressing.blockStride());
        assertEquals(128, addressing.regionBytes(0));
    }

    @Test
    void shouldBeFoundByName()
    {
        assertSame(AosLayout.INSTANCE, Layout.named("aos"));
    }
}
