package io.myriad.kernel.hash;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.AosLayout;
import io.myriad.layouts.AosoaLayout;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Layout;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateHashTest
{
    /** Every field type, some double buffered. */
    private static final Schema SCHEMA = Schema.builder("Probe")
        .field("tag", FieldType.BYTE)
        .field("x", FieldType.DOUBLE, true)
        .field("group", FieldType.SHORT, true)
        .field("count", FieldType.INT)
        .field("energy", FieldType.LONG, true)
        .field("heading", FieldType.FLOAT, true)
        .field("mood", FieldType.BYTE, true)
        .field("wealth", FieldType.LONG)
        .build();

    private static final int CAPACITY = 150;
    private static final int AGENTS = 131;
    private static final int[] DESPAWNED = { 3, 64, 65, 100, 130 };
    private static final String PINNED_HASH = "08a2dc707e7314ca";

    private final List<AgentStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores()
    {
        stores.forEach(AgentStore::close);
    }

    @Test
    void shouldHashTheSameStateAlike()
    {
        final AgentStore a = populated(SoaLayout.INSTANCE, 1L);
        final AgentStore b = populated(SoaLayout.INSTANCE, 1L);
        assertEquals(hashOf(a, 10L), hashOf(a, 10L));
        assertEquals(hashOf(a, 10L), hashOf(b, 10L));
        assertEquals(hashOf(a, 10L, 5L, 6L), hashOf(b, 10L, 5L, 6L));
    }

    @Test
    void shouldChangeWhenAnyFieldOfAnyLiveAgentChanges()
    {
        assertEverySingleChangeIsSeen(populated(SoaLayout.INSTANCE, 2L));
    }

    @Test
    void shouldChangeWhenAnyFieldOfAnyAgentOfADenseStoreChanges()
    {
        final AgentStore store = store(new AosoaLayout(16));
        store.spawn(AGENTS);
        fill(store, 2L, false);
        assertTrue(store.isDense());
        assertEverySingleChangeIsSeen(store);
    }

    @Test
    void shouldIgnoreTheValuesOfDespawnedAgents()
    {
        final AgentStore store = populated(SoaLayout.INSTANCE, 3L);
        final long before = hashOf(store, 1L);
        for (final int dead : DESPAWNED)
        {
            for (int slot = 0; slot < SCHEMA.slotCount(); slot++)
            {
                write(store, slot, dead, ~read(store, slot, dead) ^ 0x5A5A);
            }
        }
        assertEquals(before, hashOf(store, 1L));
    }

    @Test
    void shouldDependOnWhichAgentsAreAlive()
    {
        final AgentStore a = store(SoaLayout.INSTANCE);
        final AgentStore b = store(SoaLayout.INSTANCE);
        a.spawn(10);
        b.spawn(10);
        // the same value everywhere, so the sequence of live values is the same and only liveness differs
        for (final AgentStore store : List.of(a, b))
        {
            for (int i = 0; i < 10; i++)
            {
                for (int slot = 0; slot < SCHEMA.slotCount(); slot++)
                {
                    write(store, slot, i, 7L);
                }
            }
        }
        a.despawn(3);
        b.despawn(4);
        assertEquals(a.liveCount(), b.liveCount());
        assertEquals(a.highWaterMark(), b.highWaterMark());
        assertNotEquals(hashOf(a, 1L), hashOf(b, 1L));
    }

    @Test
    void shouldDependOnLiveCountAndCapacity()
    {
        final AgentStore a = store(SoaLayout.INSTANCE);
        final AgentStore b = store(SoaLayout.INSTANCE);
        a.spawn(10);
        b.spawn(11);
        b.despawn(10);
        assertEquals(a.liveCount(), b.liveCount());
        assertNotEquals(hashOf(a, 1L), hashOf(b, 1L), "high-water mark");

        final AgentStore c = new AgentStore(SCHEMA, SoaLayout.INSTANCE, CAPACITY + 1);
        stores.add(c);
        c.spawn(10);
        assertNotEquals(hashOf(a, 1L), hashOf(c, 1L), "capacity");
    }

    @Test
    void shouldBeTheSameForEveryLayout()
    {
        final Layout[] layouts = {
            SoaLayout.INSTANCE, AosLayout.INSTANCE, new AosoaLayout(16), Layout.named("aosoa2") };
        final long expected = hashOf(populated(layouts[0], 4L), 33L, 1L);
        for (final Layout layout : layouts)
        {
            assertEquals(expected, hashOf(populated(layout, 4L), 33L, 1L), layout.name());
        }
        assertNotEquals(expected, hashOf(populated(layouts[1], 5L), 33L, 1L));
    }

    @Test
    void shouldNotDependOnWhichCopyOfADoubleBufferedFieldIsCurrent()
    {
        for (final Layout layout : new Layout[]{ SoaLayout.INSTANCE, AosLayout.INSTANCE, new AosoaLayout(16) })
        {
            final AgentStore current = populated(layout, 6L);
            fillNextWithJunk(current, 100L);

            final AgentStore swapped = store(layout);
            spawnAndDespawn(swapped);
            fill(swapped, 200L, false);
            fill(swapped, 6L, true);
            swapped.swap();
            assertEquals(1, swapped.parity());
            assertEquals(hashOf(current, 8L), hashOf(swapped, 8L), layout.name());

            // and the copy that is not current is left out after the swap too
            fillNextWithJunk(swapped, 300L);
            assertEquals(hashOf(current, 8L), hashOf(swapped, 8L), layout.name());
        }
    }

    @Test
    void shouldChangeWithTheTickAndTheRngCounters()
    {
        final AgentStore store = populated(SoaLayout.INSTANCE, 7L);
        final long base = hashOf(store, 5L);
        assertNotEquals(base, hashOf(store, 6L));
        assertNotEquals(base, hashOf(store, 5L, 0L));
        assertNotEquals(hashOf(store, 5L, 0L), hashOf(store, 5L, 1L));
        assertNotEquals(hashOf(store, 5L, 1L, 2L), hashOf(store, 5L, 2L, 1L));
        assertNotEquals(hashOf(store, 5L, 0L), hashOf(store, 5L, 0L, 0L));
    }

    @Test
    void shouldHashAnEmptyStore()
    {
        final AgentStore a = store(SoaLayout.INSTANCE);
        final AgentStore b = store(AosLayout.INSTANCE);
        assertEquals(hashOf(a, 0L), hashOf(b, 0L));
        assertNotEquals(hashOf(a, 0L), hashOf(a, 1L));
    }

    @Test
    void shouldKeepTheHashOfRecordedRuns()
    {
        // Recorded runs carry version 2 hashes: a change here must bump StateHash.VERSION.
        assertEquals(2, StateHash.VERSION);
        final AgentStore store = store(SoaLayout.INSTANCE);
        store.spawn(5);
        for (int i = 0; i < 5; i++)
        {
            for (int slot = 0; slot < SCHEMA.slotCount(); slot++)
            {
                write(store, slot, i, i * 31L + slot);
            }
        }
        store.despawn(2);
        assertEquals(PINNED_HASH, StateHash.toHex(hashOf(store, 12L, 3L)));
    }

    @Test
    void shouldFormatSixteenLowerCaseHexDigits()
    {
        assertEquals("0000000000000000", StateHash.toHex(0L));
        assertEquals("0000000000000abc", StateHash.toHex(0xABCL));
        assertEquals("00000000deadbeef", StateHash.toHex(0xDEADBEEFL));
        assertEquals("ffffffffffffffff", StateHash.toHex(-1L));
        assertEquals("8000000000000000", StateHash.toHex(Long.MIN_VALUE));
        assertEquals("0123456789abcdef", StateHash.toHex(0x0123456789ABCDEFL));
        for (long v = 1; v != 0; v <<= 1)
        {
            final String hex = StateHash.toHex(v);
            assertEquals(16, hex.length());
            assertEquals(v, Long.parseUnsignedLong(hex, 16));
            assertEquals(hex.toLowerCase(), hex);
        }
    }

    private void assertEverySingleChangeIsSeen(final AgentStore store)
    {
        final long original = hashOf(store, 3L);
        int changes = 0;
        for (int f = 0; f < SCHEMA.fieldCount(); f++)
        {
            final int slot = store.currentSlot(f);
            final int bits = SCHEMA.field(f).type().size() * 8;
            for (int i = 0; i < store.highWaterMark(); i++)
            {
                if (!store.isAlive(i))
                {
                    continue;
                }
                final long value = read(store, slot, i);
                for (final int bit : new int[]{ 0, bits - 1, i % bits })
                {
                    write(store, slot, i, value ^ (1L << bit));
                    assertNotEquals(original, hashOf(store, 3L), SCHEMA.field(f) + " of agent " + i);
                    changes++;
                }
                write(store, slot, i, value);
                assertEquals(original, hashOf(store, 3L));
            }
        }
        assertTrue(changes > SCHEMA.fieldCount() * 100);
    }

    private AgentStore store(final Layout layout)
    {
        final AgentStore store = new AgentStore(SCHEMA, layout, CAPACITY);
        stores.add(store);
        return store;
    }

    private AgentStore populated(final Layout layout, final long salt)
    {
        final AgentStore store = store(layout);
        spawnAndDespawn(store);
        fill(store, salt, false);
        return store;
    }

    private static void spawnAndDespawn(final AgentStore store)
    {
        store.spawn(AGENTS);
        for (final int dead : DESPAWNED)
        {
            store.despawn(dead);
        }
    }

    /**
     * Writes a value that differs per field, agent and salt into the current copy of every field, or into the
     * next copy of double-buffered fields.
     */
    private static void fill(final AgentStore store, final long salt, final boolean intoNext)
    {
        for (int f = 0; f < SCHEMA.fieldCount(); f++)
        {
            final int slot = intoNext ? store.nextSlot(f) : store.currentSlot(f);
            for (int i = 0; i < store.highWaterMark(); i++)
            {
                write(store, slot, i, valueFor(f, i, salt));
            }
        }
    }

    private static void fillNextWithJunk(final AgentStore store, final long salt)
    {
        for (int f = 0; f < SCHEMA.fieldCount(); f++)
        {
            if (SCHEMA.field(f).doubleBuffered())
            {
                for (int i = 0; i < store.highWaterMark(); i++)
                {
                    write(store, store.nextSlot(f), i, valueFor(f, i, salt));
                }
            }
        }
    }

    private static long valueFor(final int field, final int index, final long salt)
    {
        long h = (field * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL) ^ (salt * 0x165667B19E3779F9L);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    private static void write(final AgentStore store, final int slot, final int index, final long bits)
    {
        final UnsafeBuffer buffer = store.buffer(slot);
        final int offset = store.offset(slot, index);
        switch (SCHEMA.slotField(slot).type().size())
        {
            case 1:
                buffer.putByte(offset, (byte)bits);
                break;
            case 2:
                buffer.putShort(offset, (short)bits);
                break;
            case 4:
                buffer.putInt(offset, (int)bits);
                break;
            default:
                buffer.putLong(offset, bits);
                break;
        }
    }

    private static long read(final AgentStore store, final int slot, final int index)
    {
        final UnsafeBuffer buffer = store.buffer(slot);
        final int offset = store.offset(slot, index);
        switch (SCHEMA.slotField(slot).type().size())
        {
            case 1:
                return buffer.getByte(offset);
            case 2:
                return buffer.getShort(offset);
            case 4:
                return buffer.getInt(offset);
            default:
                return buffer.getLong(offset);
        }
    }

    /**
     * What the world folds in for one store after the step count and the given words, as version 1 hashed a store.
     */
    private static long hashOf(final AgentStore store, final long tick, final long... words)
    {
        final StateHasher hasher = new StateHasher().reset().word(tick);
        for (final long word : words)
        {
            hasher.word(word);
        }
        return hasher.store(store).finish();
    }
}
