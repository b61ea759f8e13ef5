package io.myriad.layouts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SoaLayoutTest extends LayoutConformanceTest
{
    Layout layout()
    {
        return SoaLayout.INSTANCE;
    }

    @Test
    void shouldGiveEverySlotItsOwnColumn()
    {
        final int capacity = 1000;
        final Addressing addressing = SoaLayout.INSTANCE.plan(MIXED, capacity);
        assertEquals(MIXED.slotCount(), addressing.regionCount());
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int size = MIXED.slotField(slot).type().size();
            assertEquals(slot, addressing.region(slot));
            assertEquals(0, addressing.base(slot));
            assertEquals(size, addressing.elementStride(slot));
            assertEquals(((capacity * size) + 63) & -64, addressing.regionBytes(slot));
            assertEquals(size * 999, addressing.offset(slot, 999));
        }
    }

    @Test
    void shouldHoldAsManyAgentsAsItsWidestColumnFitsInTwoGibibytes()
    {
        final Schema doubles = Schema.builder("Doubles").field("x", FieldType.DOUBLE, true)
            .field("n", FieldType.INT).build();
        // the largest whole number of cache lines below 2 GiB - 64 is 2,147,483,520 bytes
        assertEquals(2_147_483_520 / 8, SoaLayout.INSTANCE.maxCapacity(doubles));
        final Schema bytes = Schema.builder("Bytes").field("b", FieldType.BYTE).build();
        assertEquals(2_147_483_520, SoaLayout.INSTANCE.maxCapacity(bytes));
    }

    @Test
    void shouldBeFoundByName()
    {
        assertSame(SoaLayout.INSTANCE, Layout.named("soa"));
    }
}
