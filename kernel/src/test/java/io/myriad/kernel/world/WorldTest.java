package io.myriad.kernel.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.myriad.kernel.rng.RngStream;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SoaLayout;

class WorldTest
{
    private static final Schema A = Schema.builder("A").field("v", FieldType.LONG, true).build();
    private static final Schema B = Schema.builder("B").field("w", FieldType.INT).build();

    @Test
    void shouldNumberTypesInDeclarationOrderAndGiveEachItsStore()
    {
        final AgentType a = AgentType.of("a", A, 10);
        final AgentType b = AgentType.of("b", B, 1);
        try (World world = new World(List.of(a, b), List.of(), SoaLayout.INSTANCE, 3L))
        {
            assertEquals(0, a.id());
            assertEquals(1, b.id());
            assertEquals(10, world.store(a).capacity());
            assertEquals(1, world.store(b).capacity(), "a singleton");
            assertEquals(b, world.type("b"));
            assertNull(world.type("c"));
            world.store(a).spawn(4);
            world.store(b).spawn(1);
            assertEquals(5, world.liveCount());
        }
    }

    @Test
    void shouldRefuseTwoTypesOrPartsOfOneNameAndAWorldWithoutTypes()
    {
        final IllegalArgumentException types = assertThrows(IllegalArgumentException.class,
            () -> new World(List.of(AgentType.of("x", A, 1), AgentType.of("x", B, 1)), List.of(),
            SoaLayout.INSTANCE, 0));
        assertTrue(types.getMessage().contains("agent type name x is used twice"), types.getMessage());
        final IllegalArgumentException parts = assertThrows(IllegalArgumentException.class,
            () -> new World(List.of(AgentType.of("x", A, 1)), List.of(new Globals("x")), SoaLayout.INSTANCE, 0));
        assertTrue(parts.getMessage().contains("part name x is used twice"), parts.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new World(List.of(), List.of(), SoaLayout.INSTANCE, 0));
        assertThrows(IllegalArgumentException.class, () -> AgentType.growing("g", A, 10, 5));
    }

    @Test
    void shouldHashEveryStoreAndPartInDeclarationOrder()
    {
        final long reference = hash(new Globals("g"), new RngStream("r", 1), 0);
        assertEquals(reference, hash(new Globals("g"), new RngStream("r", 1), 0), "the same world, the same hash");
        assertNotEquals(reference, hash(new Globals("g"), new RngStream("r", 2), 0), "a part's state");
        assertNotEquals(reference, hash(new Globals("h"), new RngStream("r", 1), 0), "a part's name");
        assertNotEquals(reference, hash(new Globals("g"), new RngStream("r", 1), 1), "a store's agents");
        try (World ab = new World(List.of(AgentType.of("a", A, 4), AgentType.of("b", B, 4)), List.of(),
            SoaLayout.INSTANCE, 0);
            World ba = new World(List.of(AgentType.of("b", B, 4), AgentType.of("a", A, 4)), List.of(),
                SoaLayout.INSTANCE, 0))
        {
            assertNotEquals(ab.stateHash(0), ba.stateHash(0), "declaration order");
            assertNotEquals(ab.stateHash(0), ab.stateHash(1), "the step");
        }
    }

    @Test
    void shouldGrowAStoreByDoublingUpToItsMaximumKeepingEveryAgent()
    {
        final AgentType a = AgentType.growing("a", A, 3, 10);
        try (World world = new World(List.of(a), List.of(), SoaLayout.INSTANCE, 0))
        {
            final AgentStore first = world.store(a);
            first.spawn(3);
            for (int i = 0; i < 3; i++)
            {
                first.buffer(first.currentSlot(0)).putLong(first.offset(first.currentSlot(0), i), 7 * i);
                first.buffer(first.nextSlot(0)).putLong(first.offset(first.nextSlot(0), i), -i);
            }
            first.swap();
            first.despawn(1);
            assertTrue(world.makeRoom(0), "a free index: no growth");
            assertEquals(3, world.store(a).capacity());
            world.store(a).spawn();
            final long before = world.stateHash(5);
            assertTrue(world.makeRoom(0));
            final AgentStore grown = world.store(a);
            assertNotSame(first, grown);
            assertEquals(6, grown.capacity());
            assertEquals(1, grown.swapCount());
            for (final int i : new int[]{ 0, 2 })
            {
                assertEquals(-i, grown.buffer(grown.currentSlot(0)).getLong(grown.offset(grown.currentSlot(0), i)),
                    "current copy of agent " + i);
            }
            assertNotEquals(before, world.stateHash(5), "the capacity is part of the state");
            grown.spawn(3);
            assertTrue(world.makeRoom(0));
            assertEquals(10, world.store(a).capacity(), "doubling stops at the maximum");
            world.store(a).spawn(4);
            assertFalse(world.makeRoom(0), "full at its maximum");
        }
    }

    private static long hash(final Globals globals, final RngStream rng, final int agents)
    {
        try (World world = new World(List.of(AgentType.of("a", A, 4)), List.of(globals, rng), SoaLayout.INSTANCE,
            9L))
        {
            world.store(0).spawn(agents);
            return world.stateHash(3);
        }
    }
}
