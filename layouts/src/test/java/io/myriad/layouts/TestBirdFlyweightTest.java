package io.myriad.layouts;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flyweight the build generated from {@link TestBird}, used as models use it: typed, across every layout.
 */
class TestBirdFlyweightTest
{
    private static final int CAPACITY = 150;

    static Stream<Layout> layouts()
    {
        return Stream.of(
            SoaLayout.INSTANCE, AosLayout.INSTANCE, new AosoaLayout(8), new AosoaLayout(16), new AosoaLayout(64));
    }

    @Test
    void shouldGenerateTheSchemaAndFieldIndices()
    {
        final Schema schema = TestBirdSchema.SCHEMA;
        assertEquals("Bird", schema.name());
        assertEquals(9, schema.fieldCount());
        assertEquals(new SchemaField("x", FieldType.DOUBLE, true), schema.field(TestBirdSchema.X));
        assertEquals(new SchemaField("flock", FieldType.SHORT, false), schema.field(TestBirdSchema.FLOCK));
        assertEquals(new SchemaField("heading", FieldType.FLOAT, true), schema.field(TestBirdSchema.HEADING));
        assertEquals(new SchemaField("age", FieldType.INT, false), schema.field(TestBirdSchema.AGE));
        assertEquals(new SchemaField("energy", FieldType.LONG, true), schema.field(TestBirdSchema.ENERGY));
        assertEquals(new SchemaField("mood", FieldType.BYTE, true), schema.field(TestBirdSchema.MOOD));
        assertEquals(new SchemaField("heatLevel", FieldType.FLOAT, false), schema.field(TestBirdSchema.HEAT_LEVEL));
        assertEquals(new SchemaField("flags", FieldType.BYTE, false), schema.field(TestBirdSchema.FLAGS));
        assertEquals(new SchemaField("y", FieldType.DOUBLE, true), schema.field(TestBirdSchema.Y));
        assertEquals(14, schema.slotCount());
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldWriteCurrentAndNextThenReadThemSwappedAfterRewrapping(final Layout layout)
    {
        try (AgentStore store = new AgentStore(TestBirdSchema.SCHEMA, layout, CAPACITY))
        {
            store.spawn(CAPACITY);
            final TestBirdFlyweight bird = new TestBirdFlyweight().wrap(store);
            assertSame(store, bird.store());
            assertEquals(0L, bird.wrappedSwapCount());

            for (int i = 0; i < CAPACITY; i++)
            {
                writeCurrent(bird, i);
                writeNext(bird, i);
            }
            for (int i = 0; i < CAPACITY; i++)
            {
                assertCurrentWasWritten(bird, i);
                assertNextWasWritten(bird, i);
            }

            store.swap();
            assertNotEquals(store.swapCount(), bird.wrappedSwapCount(), "the wrap is stale after a swap");
            // A stale wrap still reads the copies it was pointed at, which is why callers must wrap again.
            assertEquals(i2d(7), bird.x(7));

            assertSame(bird, bird.wrap(store));
            assertEquals(1L, bird.wrappedSwapCount());
            for (int i = 0; i < CAPACITY; i++)
            {
                assertEquals(-i2d(i) - 0.25, bird.x(i), "x");
                assertEquals(i2d(i), bird.nextX(i), "next x");
                assertEquals(-i * 2.0f, bird.heading(i), "heading");
                assertEquals(i * 2.0f, bird.nextHeading(i), "next heading");
                assertEquals(-(0x1_0000_0000L + i), bird.energy(i), "energy");
                assertEquals(0x1_0000_0000L + i, bird.nextEnergy(i), "next energy");
                assertEquals((byte)~i, bird.mood(i), "mood");
                assertEquals((byte)i, bird.nextMood(i), "next mood");
                assertEquals(-i2d(i) * 3, bird.y(i), "y");
                assertEquals(i2d(i) * 3, bird.nextY(i), "next y");
                // Fields updated in place keep their values across a swap.
                assertEquals((short)(i * 311), bird.flock(i), "flock");
                assertEquals(i * 100_003, bird.age(i), "age");
                assertEquals(i * 0.5f, bird.heatLevel(i), "heat level");
                assertEquals((byte)(i * 7), bird.flags(i), "flags");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldRewrapOnlyWhenTheStoreOrItsCopiesChanged(final Layout layout)
    {
        try (AgentStore store = new AgentStore(TestBirdSchema.SCHEMA, layout, CAPACITY);
            AgentStore other = new AgentStore(TestBirdSchema.SCHEMA, layout, CAPACITY))
        {
            store.spawn(CAPACITY);
            other.spawn(CAPACITY);
            final TestBirdFlyweight bird = new TestBirdFlyweight();
            assertSame(bird, bird.wrapIfStale(store));
            assertSame(store, bird.store());
            bird.nextX(3, 42.0);

            assertSame(bird, bird.wrapIfStale(store));
            assertEquals(0L, bird.wrappedSwapCount(), "nothing changed, so no new wrap");
            assertEquals(42.0, bird.nextX(3));

            store.swap();
            bird.wrapIfStale(store);
            assertEquals(1L, bird.wrappedSwapCount(), "the swap made the wrap stale");
            assertEquals(42.0, bird.x(3), "next became current");

            bird.wrapIfStale(other);
            assertSame(other, bird.store(), "another store is always wrapped");
            assertEquals(0.0, bird.x(3));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldReadAndWriteWhereTheStoreSaysEachValueLives(final Layout layout)
    {
        try (AgentStore store = new AgentStore(TestBirdSchema.SCHEMA, layout, CAPACITY))
        {
            store.spawn(CAPACITY);
            store.swap();
            final TestBirdFlyweight bird = new TestBirdFlyweight().wrap(store);
            for (int i = 0; i < CAPACITY; i++)
            {
                writeCurrent(bird, i);
                writeNext(bird, i);
            }

            final int x = store.currentSlot(TestBirdSchema.X);
            final int nextX = store.nextSlot(TestBirdSchema.X);
            final int age = store.currentSlot(TestBirdSchema.AGE);
            final int nextMood = store.nextSlot(TestBirdSchema.MOOD);
            final int flock = store.currentSlot(TestBirdSchema.FLOCK);
            final int nextEnergy = store.nextSlot(TestBirdSchema.ENERGY);
            for (int i = 0; i < CAPACITY; i++)
            {
                assertEquals(i2d(i), store.buffer(x).getDouble(store.offset(x, i)));
                assertEquals(-i2d(i) - 0.25, store.buffer(nextX).getDouble(store.offset(nextX, i)));
                assertEquals(i * 100_003, store.buffer(age).getInt(store.offset(age, i)));
                assertEquals((byte)~i, store.buffer(nextMood).getByte(store.offset(nextMood, i)));
                assertEquals((short)(i * 311), store.buffer(flock).getShort(store.offset(flock, i)));
                assertEquals(-(0x1_0000_0000L + i), store.buffer(nextEnergy).getLong(store.offset(nextEnergy, i)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldReadZeroForARespawnedAgent(final Layout layout)
    {
        try (AgentStore store = new AgentStore(TestBirdSchema.SCHEMA, layout, 10))
        {
            store.spawn(10);
            final TestBirdFlyweight bird = new TestBirdFlyweight().wrap(store);
            for (int i = 0; i < 10; i++)
            {
                writeCurrent(bird, i);
                writeNext(bird, i);
            }

            store.despawn(4);
            assertEquals(4, store.spawn());

            assertEquals(0.0, bird.x(4));
            assertEquals(0.0, bird.nextX(4));
            assertEquals(0L, bird.nextEnergy(4));
            assertEquals(0, bird.nextMood(4));
            assertEquals(0, bird.age(4));
            assertEquals(0, bird.flags(4));
            assertCurrentWasWritten(bird, 3);
            assertNextWasWritten(bird, 5);
        }
    }

    @Test
    void shouldWrapAStoreOfAnEqualSchemaBuiltElsewhere()
    {
        final Schema.Builder builder = Schema.builder("Bird");
        for (int f = 0; f < TestBirdSchema.SCHEMA.fieldCount(); f++)
        {
            final SchemaField field = TestBirdSchema.SCHEMA.field(f);
            builder.field(field.name(), field.type(), field.doubleBuffered());
        }
        try (AgentStore store = new AgentStore(builder.build(), SoaLayout.INSTANCE, 4))
        {
            store.spawn(4);
            final TestBirdFlyweight bird = new TestBirdFlyweight().wrap(store);
            bird.age(3, 42);
            assertEquals(42, bird.age(3));
        }
    }

    @Test
    void shouldRefuseToWrapAStoreOfAnotherSchema()
    {
        assertRefused(rebuilt("Crow", -1, null));
        assertRefused(rebuilt("Bird", TestBirdSchema.AGE, new SchemaField("age", FieldType.LONG, false)));
        assertRefused(rebuilt("Bird", TestBirdSchema.AGE, new SchemaField("age", FieldType.INT, true)));
        assertRefused(rebuilt("Bird", TestBirdSchema.AGE, new SchemaField("years", FieldType.INT, false)));
        assertRefused(Schema.builder("Bird").field("x", FieldType.DOUBLE, true).build());

        final TestBirdFlyweight bird = new TestBirdFlyweight();
        assertNull(bird.store());
    }

    private static void assertRefused(final Schema schema)
    {
        try (AgentStore store = new AgentStore(schema, SoaLayout.INSTANCE, 4))
        {
            final IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> new TestBirdFlyweight().wrap(store));
            assertTrue(ex.getMessage().contains("TestBirdFlyweight"), ex.getMessage());
            assertTrue(ex.getMessage().contains(TestBirdSchema.SCHEMA.toString()), ex.getMessage());
            assertTrue(ex.getMessage().contains(schema.toString()), ex.getMessage());
        }
    }

    private static Schema rebuilt(final String name, final int replaceIndex, final SchemaField replacement)
    {
        final Schema.Builder builder = Schema.builder(name);
        for (int f = 0; f < TestBirdSchema.SCHEMA.fieldCount(); f++)
        {
            final SchemaField field = f == replaceIndex ? replacement : TestBirdSchema.SCHEMA.field(f);
            builder.field(field.name(), field.type(), field.doubleBuffered());
        }
        return builder.build();
    }

    private static double i2d(final int i)
    {
        return i + 0.5;
    }

    private static void writeCurrent(final TestBirdFlyweight bird, final int i)
    {
        bird.x(i, i2d(i));
        bird.flock(i, (short)(i * 311));
        bird.heading(i, i * 2.0f);
        bird.age(i, i * 100_003);
        bird.energy(i, 0x1_0000_0000L + i);
        bird.mood(i, (byte)i);
        bird.heatLevel(i, i * 0.5f);
        bird.flags(i, (byte)(i * 7));
        bird.y(i, i2d(i) * 3);
    }

    private static void writeNext(final TestBirdFlyweight bird, final int i)
    {
        bird.nextX(i, -i2d(i) - 0.25);
        bird.nextHeading(i, -i * 2.0f);
        bird.nextEnergy(i, -(0x1_0000_0000L + i));
        bird.nextMood(i, (byte)~i);
        bird.nextY(i, -i2d(i) * 3);
    }

    private static void assertCurrentWasWritten(final TestBirdFlyweight bird, final int i)
    {
        assertEquals(i2d(i), bird.x(i), "x");
        assertEquals((short)(i * 311), bird.flock(i), "flock");
        assertEquals(i * 2.0f, bird.heading(i), "heading");
        assertEquals(i * 100_003, bird.age(i), "age");
        assertEquals(0x1_0000_0000L + i, bird.energy(i), "energy");
        assertEquals((byte)i, bird.mood(i), "mood");
        assertEquals(i * 0.5f, bird.heatLevel(i), "heat level");
        assertEquals((byte)(i * 7), bird.flags(i), "flags");
        assertEquals(i2d(i) * 3, bird.y(i), "y");
    }

    private static void assertNextWasWritten(final TestBirdFlyweight bird, final int i)
    {
        assertEquals(-i2d(i) - 0.25, bird.nextX(i), "next x");
        assertEquals(-i * 2.0f, bird.nextHeading(i), "next heading");
        assertEquals(-(0x1_0000_0000L + i), bird.nextEnergy(i), "next energy");
        assertEquals((byte)~i, bird.nextMood(i), "next mood");
        assertEquals(-i2d(i) * 3, bird.nextY(i), "next y");
    }
}
