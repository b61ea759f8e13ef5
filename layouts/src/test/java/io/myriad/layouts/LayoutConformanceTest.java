package io.myriad.layouts;

import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every {@link Layout} must guarantee, run against each one by a subclass: every value of every agent lies
 * inside its region, naturally aligned, overlapping no other; regions are whole cache lines, no bigger than they
 * need be; offsets follow the {@link Addressing} rule; values written through a store read back.
 */
abstract class LayoutConformanceTest
{
    /** Every field type, in an order that needs padding, and double buffering on some. */
    static final Schema MIXED = Schema.builder("Mixed")
        .field("tag", FieldType.BYTE)
        .field("x", FieldType.DOUBLE, true)
        .field("group", FieldType.SHORT, true)
        .field("count", FieldType.INT)
        .field("energy", FieldType.LONG, true)
        .field("heading", FieldType.FLOAT, true)
        .field("mood", FieldType.BYTE, true)
        .field("y", FieldType.DOUBLE)
        .field("age", FieldType.SHORT)
        .build();

    private AgentStore store;

    abstract Layout layout();

    static IntStream capacities()
    {
        return IntStream.of(1, 7, 64, 1000, 1025);
    }

    @AfterEach
    void closeStore()
    {
        if (store != null)
        {
            store.close();
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldCoverTheCapacityWithEverySlotInARegion(final int capacity)
    {
        final Addressing addressing = layout().plan(MIXED, capacity);
        assertEquals(capacity, addressing.capacity());
        assertTrue(addressing.regionCount() >= 1);
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int region = addressing.region(slot);
            assertTrue(region >= 0 && region < addressing.regionCount(), "region of slot " + slot);
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldPlaceEveryValueInsideItsRegion(final int capacity)
    {
        final Addressing addressing = layout().plan(MIXED, capacity);
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int size = MIXED.slotField(slot).type().size();
            final int regionBytes = addressing.regionBytes(addressing.region(slot));
            for (int index = 0; index < capacity; index++)
            {
                final int offset = addressing.offset(slot, index);
                if (offset < 0 || offset + size > regionBytes)
                {
                    fail("slot " + slot + " of agent " + index + " at " + offset + " is outside its region of " +
                        regionBytes + " bytes");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldAlignEveryValueNaturally(final int capacity)
    {
        final Addressing addressing = layout().plan(MIXED, capacity);
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int size = MIXED.slotField(slot).type().size();
            for (int index = 0; index < capacity; index++)
            {
                final int offset = addressing.offset(slot, index);
                if (offset % size != 0)
                {
                    fail("slot " + slot + " of agent " + index + " at " + offset + " is not aligned to " + size);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldNotOverlapAnyTwoValues(final int capacity)
    {
        final Addressing addressing = layout().plan(MIXED, capacity);
        final int[][] owners = new int[addressing.regionCount()][];
        for (int region = 0; region < owners.length; region++)
        {
            owners[region] = new int[addressing.regionBytes(region)];
        }

        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int size = MIXED.slotField(slot).type().size();
            final int[] owner = owners[addressing.region(slot)];
            for (int index = 0; index < capacity; index++)
            {
                final int offset = addressing.offset(slot, index);
                final int id = 1 + slot * capacity + index;
                for (int b = offset; b < offset + size; b++)
                {
                    if (owner[b] != 0)
                    {
                        final int other = owner[b] - 1;
                        fail("slot " + slot + " of agent " + index + " overlaps slot " + other / capacity +
                            " of agent " + other % capacity + " at byte " + b);
                    }
                    owner[b] = id;
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldSizeRegionsInWholeCacheLinesAndNoMore(final int capacity)
    {
        final Addressing addressing = layout().plan(MIXED, capacity);
        final int[] usedEnd = new int[addressing.regionCount()];
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int size = MIXED.slotField(slot).type().size();
            final int region = addressing.region(slot);
            for (int index = 0; index < capacity; index++)
            {
                usedEnd[region] = Math.max(usedEnd[region], addressing.offset(slot, index) + size);
            }
        }

        for (int region = 0; region < addressing.regionCount(); region++)
        {
            final int bytes = addressing.regionBytes(region);
            assertEquals(0, bytes % Addressing.REGION_ALIGNMENT, "region " + region + " of " + bytes + " bytes");
            assertTrue(usedEnd[region] > 0, "region " + region + " holds nothing");
            // At most the rest of the last cache line, or of the last block for blocked layouts.
            final int slack = Math.max(Addressing.REGION_ALIGNMENT, addressing.blockStride());
            assertTrue(bytes < usedEnd[region] + slack,
                "region " + region + " of " + bytes + " bytes for " + usedEnd[region] + " used");
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldComputeOffsetsByTheAddressingRule(final int capacity)
    {
        final Addressing addressing = layout().plan(MIXED, capacity);
        final int shift = addressing.blockShift();
        final int mask = addressing.blockMask();
        assertEquals(shift == 31 ? Integer.MAX_VALUE : (1 << shift) - 1, mask);
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            final int base = addressing.base(slot);
            final int stride = addressing.elementStride(slot);
            for (int index = 0; index < capacity; index++)
            {
                final int expected = base + (index >>> shift) * addressing.blockStride() + (index & mask) * stride;
                assertEquals(expected, addressing.offset(slot, index));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldReadBackDistinctValuesWrittenThroughTheStore(final int capacity)
    {
        store = new AgentStore(MIXED, layout(), capacity);
        assertEquals(0, store.spawn(capacity));
        for (int index = 0; index < capacity; index++)
        {
            SlotValues.fill(store, index, 0x5EEDL);
        }

        for (int index = 0; index < capacity; index++)
        {
            for (int slot = 0; slot < MIXED.slotCount(); slot++)
            {
                final long expected = SlotValues.valueFor(MIXED.slotField(slot).type(), slot, index, 0x5EEDL);
                assertEquals(expected, SlotValues.read(store, slot, index), "slot " + slot + " of agent " + index);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void shouldAllocateRegionsOnCacheLineBoundaries(final int capacity)
    {
        store = new AgentStore(MIXED, layout(), capacity);
        for (int region = 0; region < store.addressing().regionCount(); region++)
        {
            assertEquals(0L, store.region(region).addressOffset() % Addressing.REGION_ALIGNMENT, "region " + region);
            assertEquals(store.addressing().regionBytes(region), store.region(region).capacity());
        }
        for (int slot = 0; slot < MIXED.slotCount(); slot++)
        {
            assertTrue(store.buffer(slot) == store.region(store.addressing().region(slot)));
        }
    }

    @Test
    void shouldRejectACapacityWhoseRegionWouldPassTwoGibibytes()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> layout().plan(MIXED, Integer.MAX_VALUE));
        assertTrue(ex.getMessage().contains("2 GiB"), ex.getMessage());
    }

    @Test
    void shouldPlanItsMaxCapacityButNotOneMore()
    {
        for (final Schema schema : new Schema[]{ MIXED, Schema.builder("Tiny").field("b", FieldType.BYTE).build() })
        {
            final int most = layout().maxCapacity(schema);
            assertTrue(most > 10_000_000, schema.name() + ": " + most);
            assertEquals(most, layout().plan(schema, most).capacity());
            assertThrows(IllegalArgumentException.class, () -> layout().plan(schema, most + 1), schema.name());
            assertNull(Layout.capacityProblem(layout(), schema, most));
            assertTrue(Layout.capacityProblem(layout(), schema, most + 1L).contains(
                String.format(Locale.ROOT, "at most %,d", most)));
        }
    }

    @Test
    void shouldHaveANameThatFindsIt()
    {
        final Layout found = Layout.named(layout().name());
        assertEquals(layout().name(), found.name());
        assertEquals(layout().name(), layout().toString());
    }
}
