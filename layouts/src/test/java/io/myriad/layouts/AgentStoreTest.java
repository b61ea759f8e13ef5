package io.myriad.layouts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentStoreTest
{
    private static final Schema SCHEMA = Schema.builder("Sheep")
        .field("x", FieldType.DOUBLE, true)
        .field("energy", FieldType.INT)
        .field("flag", FieldType.BYTE, true)
        .field("herd", FieldType.SHORT)
        .build();

    private final List<AgentStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores()
    {
        stores.forEach(AgentStore::close);
    }

    static Stream<Layout> layouts()
    {
        return Stream.of(SoaLayout.INSTANCE, AosLayout.INSTANCE, new AosoaLayout(8), new AosoaLayout(64));
    }

    @Test
    void shouldSpawnConsecutiveIndicesFromZero()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 100);
        for (int i = 0; i < 100; i++)
        {
            assertEquals(i, store.spawn());
            assertEquals(i + 1, store.liveCount());
            assertEquals(i + 1, store.highWaterMark());
            assertTrue(store.isDense());
            assertTrue(store.isAlive(i));
        }
    }

    @Test
    void shouldReuseTheLowestFreeIndex()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 100);
        store.spawn(70);
        store.despawn(66);
        store.despawn(7);
        store.despawn(3);
        store.despawn(64);
        store.despawn(5);

        assertEquals(65, store.liveCount());
        assertEquals(70, store.highWaterMark());
        assertFalse(store.isDense());
        assertEquals(3, store.spawn());
        assertEquals(5, store.spawn());
        assertEquals(7, store.spawn());
        assertEquals(64, store.spawn());
        assertEquals(66, store.spawn());
        assertTrue(store.isDense());
        assertEquals(70, store.spawn());
    }

    @Test
    void shouldReuseALowerIndexFreedAfterAHigherOneWasTaken()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 10);
        store.spawn(10);
        store.despawn(8);
        assertEquals(8, store.spawn());
        store.despawn(9);
        store.despawn(1);
        assertEquals(1, store.spawn());
        assertEquals(9, store.spawn());
    }

    @ParameterizedTest
    @ValueSource(longs = { 1L, 2L, 3L, 42L, 0xC0FFEEL, -7L })
    void shouldMatchAReferenceModelOfTheLowestFreeIndex(final long seed)
    {
        final int capacity = 300;
        final AgentStore store = store(SoaLayout.INSTANCE, capacity);
        final TreeSet<Integer> free = new TreeSet<>();
        for (int i = 0; i < capacity; i++)
        {
            free.add(i);
        }
        final List<Integer> live = new ArrayList<>();
        int highWaterMark = 0;
        final SplittableRandom random = new SplittableRandom(seed);
        int spawnPercent = 50;

        for (int op = 0; op < 20_000; op++)
        {
            if (op % 1000 == 0)
            {
                // Alternate between filling, draining and churning so the store is also seen nearly full and empty.
                spawnPercent = 15 + 35 * random.nextInt(3);
            }
            final int choice = random.nextInt(100);
            if (choice < spawnPercent && !free.isEmpty())
            {
                final int expected = free.pollFirst();
                assertEquals(expected, store.spawn(), "spawn at op " + op);
                live.add(expected);
                highWaterMark = Math.max(highWaterMark, expected + 1);
            }
            else if (choice < spawnPercent + 5)
            {
                final int count = random.nextInt(Math.min(free.size(), 8) + 1);
                final boolean dense = live.size() == highWaterMark;
                final int first = count == 0 ? -1 : free.first();
                assertEquals(dense && count > 0 ? first : -1, store.spawn(count), "bulk spawn at op " + op);
                for (int i = 0; i < count; i++)
                {
                    final int index = free.pollFirst();
                    live.add(index);
                    highWaterMark = Math.max(highWaterMark, index + 1);
                }
            }
            else if (!live.isEmpty())
            {
                final int at = random.nextInt(live.size());
                final int index = live.get(at);
                live.set(at, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                store.despawn(index);
                free.add(index);
            }

            assertEquals(live.size(), store.liveCount(), "live count at op " + op);
            assertEquals(highWaterMark, store.highWaterMark(), "high-water mark at op " + op);
            assertEquals(live.size() == highWaterMark, store.isDense(), "dense at op " + op);
            if (op % 16 == 0)
            {
                for (int i = -1; i <= capacity; i++)
                {
                    assertEquals(i >= 0 && i < capacity && !free.contains(i), store.isAlive(i), "alive " + i);
                }
                for (int i = 0; i <= capacity; i++)
                {
                    int next = i;
                    while (next < highWaterMark && free.contains(next))
                    {
                        next++;
                    }
                    assertEquals(Math.min(next, highWaterMark), store.nextAlive(i), "next alive from " + i);
                }
            }
        }
    }

    @Test
    void shouldGiveTheSameIndicesForTheSameSequenceOfSpawnsAndDespawns()
    {
        final int[] first = trace(store(SoaLayout.INSTANCE, 200), 99L);
        final int[] second = trace(store(new AosoaLayout(16), 200), 99L);
        final int[] other = trace(store(SoaLayout.INSTANCE, 200), 100L);

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, other), "a different sequence should give different indices");
    }

    @Test
    void shouldThrowNamingTheCapacityWhenFull()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 5);
        store.spawn(5);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, store::spawn);
        assertTrue(ex.getMessage().contains("capacity 5"), ex.getMessage());
        assertTrue(ex.getMessage().contains("Sheep"), ex.getMessage());
        assertEquals(5, store.liveCount());
        assertEquals(5, store.highWaterMark());

        final IllegalArgumentException bulk = assertThrows(IllegalArgumentException.class, () -> store.spawn(1));
        assertTrue(bulk.getMessage().contains("5 of 5"), bulk.getMessage());
    }

    @Test
    void shouldRejectBulkSpawnsThatDoNotFit()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 10);
        store.spawn(4);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> store.spawn(7));
        assertTrue(ex.getMessage().contains("cannot spawn 7"), ex.getMessage());
        assertTrue(ex.getMessage().contains("4 of 10"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.spawn(-1));
        assertEquals(4, store.liveCount());
        assertEquals(4, store.spawn(6));
        assertEquals(10, store.liveCount());
    }

    @Test
    void shouldRejectDespawningAnIndexWithNoLiveAgent()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 10);
        store.spawn(3);
        store.despawn(1);

        for (final int index : new int[]{ 1, 3, 9, 10, -1, Integer.MAX_VALUE, Integer.MIN_VALUE })
        {
            final IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> store.despawn(index), "index " + index);
            assertTrue(ex.getMessage().contains("index " + index), ex.getMessage());
        }
        assertEquals(2, store.liveCount());
        assertEquals(1, store.spawn());
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldClearEverySlotOfARespawnedIndexAndNoOther(final Layout layout)
    {
        final AgentStore store = filledAfterASwap(layout, 20, 17L);

        store.despawn(9);
        store.despawn(10);
        assertEquals(9, store.spawn());
        assertEquals(-1, store.spawn(1), "bulk spawn into a store with holes");

        for (int i = 0; i < 20; i++)
        {
            for (int slot = 0; slot < SCHEMA.slotCount(); slot++)
            {
                final long expected = i == 9 || i == 10 ?
                    0L : SlotValues.valueFor(SCHEMA.slotField(slot).type(), slot, i, 17L);
                assertEquals(expected, SlotValues.read(store, slot, i), "slot " + slot + " of agent " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldStartWithZeroedMemory(final Layout layout)
    {
        final AgentStore store = store(layout, 33);
        store.spawn(33);
        for (int i = 0; i < 33; i++)
        {
            for (int slot = 0; slot < SCHEMA.slotCount(); slot++)
            {
                assertEquals(0L, SlotValues.read(store, slot, i));
            }
        }
    }

    @Test
    void shouldSwapCurrentAndNextSlotsOfDoubleBufferedFieldsOnly()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 4);
        final int x = SCHEMA.fieldIndex("x");
        final int energy = SCHEMA.fieldIndex("energy");
        final int current = store.currentSlot(x);
        final int next = store.nextSlot(x);

        assertEquals(0, store.parity());
        assertEquals(0L, store.swapCount());
        assertNotEquals(current, next);
        assertEquals(x, SCHEMA.slotFieldIndex(current));
        assertEquals(x, SCHEMA.slotFieldIndex(next));
        assertEquals(store.currentSlot(energy), store.nextSlot(energy));

        store.swap();
        assertEquals(1, store.parity());
        assertEquals(1L, store.swapCount());
        assertEquals(next, store.currentSlot(x));
        assertEquals(current, store.nextSlot(x));
        assertEquals(store.currentSlot(energy), store.nextSlot(energy));

        store.swap();
        assertEquals(0, store.parity());
        assertEquals(2L, store.swapCount());
        assertEquals(current, store.currentSlot(x));
        assertEquals(next, store.nextSlot(x));
    }

    @Test
    void shouldMakeTheNextValueCurrentOnSwap()
    {
        final AgentStore store = store(AosLayout.INSTANCE, 4);
        store.spawn(4);
        final int x = SCHEMA.fieldIndex("x");
        store.buffer(store.currentSlot(x)).putDouble(store.offset(store.currentSlot(x), 2), 1.5);
        store.buffer(store.nextSlot(x)).putDouble(store.offset(store.nextSlot(x), 2), 2.5);

        store.swap();

        assertEquals(2.5, store.buffer(store.currentSlot(x)).getDouble(store.offset(store.currentSlot(x), 2)));
        assertEquals(1.5, store.buffer(store.nextSlot(x)).getDouble(store.offset(store.nextSlot(x), 2)));
    }

    @Test
    void shouldBulkSpawnConsecutiveIndicesIntoADenseStore()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 100);
        assertEquals(0, store.spawn(10));
        assertEquals(10, store.spawn(5));
        assertEquals(-1, store.spawn(0));
        assertEquals(15, store.liveCount());
        assertEquals(15, store.highWaterMark());
        assertTrue(store.isDense());
        assertEquals(15, store.spawn());

        store.despawn(2);
        store.despawn(12);
        assertEquals(-1, store.spawn(3));
        assertTrue(store.isAlive(2));
        assertTrue(store.isAlive(12));
        assertTrue(store.isAlive(16));
        assertEquals(17, store.highWaterMark());
        assertTrue(store.isDense());
    }

    @Test
    void shouldExposeTheLivenessBitSet()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 200);
        store.spawn(130);
        store.despawn(0);
        store.despawn(64);
        store.despawn(129);

        final long[] words = new long[4];
        assertEquals(3, store.copyAliveWords(words));
        assertEquals(-2L, words[0]);
        assertEquals(-2L, words[1]);
        assertEquals(1L, words[2]);
        assertEquals(0L, words[3]);
        assertEquals(words[1], store.aliveWord(1));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldGrowKeepingEveryAgentItsIndexAndValuesAndTheNextSpawn(final Layout layout)
    {
        final AgentStore store = filledAfterASwap(layout, 70, 5L);
        store.despawn(3);
        store.despawn(65);

        final AgentStore grown = store.grownTo(200);
        stores.add(grown);

        assertEquals(200, grown.capacity());
        assertEquals(68, grown.liveCount());
        assertEquals(70, grown.highWaterMark());
        assertEquals(1, grown.parity());
        assertEquals(1L, grown.swapCount());
        for (int i = 0; i < 70; i++)
        {
            assertEquals(store.isAlive(i), grown.isAlive(i), "alive " + i);
            for (int slot = 0; slot < SCHEMA.slotCount(); slot++)
            {
                assertEquals(SlotValues.read(store, slot, i), SlotValues.read(grown, slot, i), "slot " + slot);
            }
        }
        assertEquals(3, grown.spawn());
        assertEquals(65, grown.spawn());
        assertEquals(70, grown.spawn());
        assertEquals(68, store.liveCount(), "the old store is left as it was");
        assertThrows(IllegalArgumentException.class, () -> store.grownTo(69));
    }

    @Test
    void shouldRestoreSavedBookkeepingAndRejectWhatCannotBelong()
    {
        final AgentStore store = store(SoaLayout.INSTANCE, 100);
        store.spawn(5);

        store.restore(70, 1, 9L, new long[]{ 0b1011L, 1L << 5 });

        assertEquals(4, store.liveCount());
        assertEquals(70, store.highWaterMark());
        assertEquals(1, store.parity());
        assertEquals(9L, store.swapCount());
        assertTrue(store.isAlive(69));
        assertFalse(store.isAlive(4));
        assertEquals(2, store.spawn());
        assertEquals(4, store.spawn());

        assertThrows(IllegalArgumentException.class, () -> store.restore(101, 0, 0L, new long[2]));
        assertThrows(IllegalArgumentException.class, () -> store.restore(10, 2, 0L, new long[1]));
        assertThrows(IllegalArgumentException.class, () -> store.restore(70, 0, 0L, new long[1]));
        assertThrows(IllegalArgumentException.class, () -> store.restore(10, 0, 0L, new long[]{ 1L << 10 }));
        assertEquals(70, store.highWaterMark(), "a rejected restore changes nothing");
        assertEquals(6, store.liveCount());
        assertEquals(1, store.parity());
    }

    @Test
    void shouldRejectACapacityBelowOne()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new AgentStore(SCHEMA, SoaLayout.INSTANCE, 0));
        assertTrue(ex.getMessage().contains("capacity"), ex.getMessage());
    }

    @Test
    void shouldRejectACapacityTheLayoutCannotHoldNamingTheLargestThatFitsAndTheLayoutThatHoldsIt()
    {
        final Schema particle = Schema.builder("Particle")
            .field("x", FieldType.DOUBLE).field("y", FieldType.DOUBLE)
            .field("vx", FieldType.DOUBLE).field("vy", FieldType.DOUBLE)
            .build();

        final IllegalArgumentException aos = assertThrows(IllegalArgumentException.class,
            () -> new AgentStore(particle, AosLayout.INSTANCE, 100_000_000));
        assertEquals("agent store Particle: 100,000,000 agents of Particle do not fit the aos layout, which holds " +
            "at most 67,108,860 of them (each memory region of a store is one buffer of at most 2 GiB); use a " +
            "capacity of at most 67,108,860, or the soa layout, which holds up to 268,435,440", aos.getMessage());

        final IllegalArgumentException soa = assertThrows(IllegalArgumentException.class,
            () -> new AgentStore(particle, SoaLayout.INSTANCE, 300_000_000));
        assertTrue(soa.getMessage().endsWith("use a capacity of at most 268,435,440"), soa.getMessage());
        assertFalse(soa.getMessage().contains("soa layout, which holds up to"), soa.getMessage());
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldFreeItsMemoryOnceWhenClosed(final Layout layout)
    {
        final AgentStore store = new AgentStore(SCHEMA, layout, 1000);
        store.spawn(10);

        store.close();
        store.close();

        for (int r = 0; r < store.addressing().regionCount(); r++)
        {
            assertEquals(0, store.region(r).capacity());
        }
    }

    @Test
    void shouldKnowItsSchemaLayoutAndCapacity()
    {
        final Layout layout = new AosoaLayout(16);
        final AgentStore store = store(layout, 77);
        assertEquals(SCHEMA, store.schema());
        assertEquals(layout, store.layout());
        assertEquals(77, store.capacity());
        assertEquals(77, store.addressing().capacity());
        assertEquals(0, store.liveCount());
        assertEquals(0, store.highWaterMark());
        assertTrue(store.isDense());
        assertFalse(store.isAlive(0));
    }

    private AgentStore store(final Layout layout, final int capacity)
    {
        final AgentStore store = new AgentStore(SCHEMA, layout, capacity);
        stores.add(store);
        return store;
    }

    private AgentStore filledAfterASwap(final Layout layout, final int agents, final long salt)
    {
        final AgentStore store = store(layout, agents);
        store.spawn(agents);
        store.swap();
        for (int i = 0; i < agents; i++)
        {
            SlotValues.fill(store, i, salt);
        }
        return store;
    }

    private static int[] trace(final AgentStore store, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Integer> live = new ArrayList<>();
        final int[] spawned = new int[2000];
        int count = 0;
        while (count < spawned.length)
        {
            if (random.nextInt(100) < 55 && store.liveCount() < store.capacity())
            {
                final int index = store.spawn();
                live.add(index);
                spawned[count++] = index;
            }
            else if (!live.isEmpty())
            {
                store.despawn(live.remove(random.nextInt(live.size())));
            }
        }
        return spawned;
    }
}
