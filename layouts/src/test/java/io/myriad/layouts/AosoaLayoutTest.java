package io.myriad.layouts;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AosoaLayoutTest
{
    @ParameterizedTest
    @ValueSource(ints = { 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024 })
    void shouldAcceptPowerOfTwoBlockSizes(final int blockSize)
    {
        final AosoaLayout layout = new AosoaLayout(blockSize);
        assertEquals(blockSize, layout.blockSize());
        assertEquals("aosoa" + blockSize, layout.name());
        assertEquals(blockSize, 1 << layout.plan(LayoutConformanceTest.MIXED, 10).blockShift());
    }

    @ParameterizedTest
    @ValueSource(ints = { -8, 0, 1, 3, 12, 100, 2048 })
    void shouldRejectOtherBlockSizes(final int blockSize)
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new AosoaLayout(blockSize));
        assertTrue(ex.getMessage().contains(String.valueOf(blockSize)), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 8, 16, 64, 1024 })
    void shouldKeepEachBlockInWholeCacheLinesWithAShortColumnPerSlot(final int blockSize)
    {
        final int capacity = 3 * blockSize + 1;
        final Addressing addressing = new AosoaLayout(blockSize).plan(LayoutConformanceTest.MIXED, capacity);
        final int blockStride = addressing.blockStride();
        assertEquals(1, addressing.regionCount());
        assertEquals(0, blockStride % Addressing.REGION_ALIGNMENT);
        assertEquals(4 * blockStride, addressing.regionBytes(0));

        for (int slot = 0; slot < LayoutConformanceTest.MIXED.slotCount(); slot++)
        {
            final int size = LayoutConformanceTest.MIXED.slotField(slot).type().size();
            assertEquals(size, addressing.elementStride(slot), "column of slot " + slot + " is contiguous");
            for (int index = 0; index < capacity; index++)
            {
                final int block = index / blockSize;
                final int offset = addressing.offset(slot, index);
                assertTrue(offset >= block * blockStride && offset + size <= (block + 1) * blockStride,
                    "slot " + slot + " of agent " + index + " is outside its block");
            }
        }
    }

    @Nested
    class BlockOf8 extends LayoutConformanceTest
    {
        Layout layout()
        {
            return new AosoaLayout(8);
        }
    }

    @Nested
    class BlockOf16 extends LayoutConformanceTest
    {
        Layout layout()
        {
            return new AosoaLayout(16);
        }

        @Test
        void shouldBeFoundByName()
        {
            assertEquals(16, ((AosoaLayout)Layout.named("aosoa16")).blockSize());
        }
    }

    @Nested
    class BlockOf64 extends LayoutConformanceTest
    {
        Layout layout()
        {
            return new AosoaLayout(64);
        }
    }
}
