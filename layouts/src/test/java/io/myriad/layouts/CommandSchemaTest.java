package io.myriad.layouts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandSchemaTest
{
    @Test
    void shouldAlignEachFieldToItsSizeAndPadTheLength()
    {
        final CommandSchema schema = CommandSchema.builder("Mixed", 9)
            .field("a", FieldType.BYTE)
            .field("b", FieldType.SHORT)
            .booleanField("c")
            .field("d", FieldType.FLOAT)
            .field("e", FieldType.BYTE)
            .field("f", FieldType.LONG)
            .field("g", FieldType.INT)
            .build();

        final int[] offsets = { 0, 2, 4, 8, 12, 16, 24 };
        assertEquals(offsets.length, schema.fieldCount());
        for (int i = 0; i < offsets.length; i++)
        {
            assertEquals(offsets[i], schema.offset(i), schema.field(i).name());
        }
        assertEquals(32, schema.length());
        assertEquals(2, schema.fieldIndex("c"));
        assertEquals(-1, schema.fieldIndex("z"));
        assertTrue(schema.isBoolean(2));
        assertEquals(FieldType.BYTE, schema.field(2).type());
    }

    @Test
    void shouldPadEveryLengthToAMultipleOfEight()
    {
        assertEquals(0, CommandSchema.builder("Halt", 1).build().length());
        assertEquals(8, CommandSchema.builder("One", 1).field("a", FieldType.BYTE).build().length());
        assertEquals(8, CommandSchema.builder("Two", 1)
            .field("a", FieldType.INT).field("b", FieldType.FLOAT).build().length());
        assertEquals(16, CommandSchema.builder("Three", 1)
            .field("a", FieldType.INT).field("b", FieldType.FLOAT).field("c", FieldType.BYTE).build().length());
    }

    @Test
    void shouldAcceptIdsFromOneTo32767Only()
    {
        assertEquals(1, CommandSchema.builder("Min", CommandSchema.MIN_ID).build().id());
        assertEquals(32767, CommandSchema.builder("Max", CommandSchema.MAX_ID).build().id());
        assertThrows(IllegalArgumentException.class, () -> CommandSchema.builder("Zero", 0));
        assertThrows(IllegalArgumentException.class, () -> CommandSchema.builder("Big", 32768));
        assertThrows(IllegalArgumentException.class, () -> CommandSchema.builder("Negative", -1));
    }

    @Test
    void shouldRejectBlankNamesAndRepeatedFields()
    {
        assertThrows(IllegalArgumentException.class, () -> CommandSchema.builder(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> CommandSchema.builder(null, 1));
        final CommandSchema.Builder builder = CommandSchema.builder("Move", 1).field("to", FieldType.INT);
        assertThrows(IllegalArgumentException.class, () -> builder.booleanField("to"));
        assertThrows(IllegalArgumentException.class, () -> builder.field("not a name", FieldType.INT));
    }

    @Test
    void shouldBeEqualByNameIdAndFields()
    {
        final CommandSchema move = CommandSchema.builder("Move", 3).field("to", FieldType.INT).build();
        assertEquals(move, CommandSchema.builder("Move", 3).field("to", FieldType.INT).build());
        assertEquals(move.hashCode(), CommandSchema.builder("Move", 3).field("to", FieldType.INT).build().hashCode());
        assertNotEquals(move, CommandSchema.builder("Move", 4).field("to", FieldType.INT).build());
        assertNotEquals(move, CommandSchema.builder("Jump", 3).field("to", FieldType.INT).build());
        assertNotEquals(move, CommandSchema.builder("Move", 3).field("to", FieldType.LONG).build());
        assertNotEquals(
            CommandSchema.builder("Flag", 3).field("on", FieldType.BYTE).build(),
            CommandSchema.builder("Flag", 3).booleanField("on").build());
    }

    @Test
    void shouldDescribeItself()
    {
        final CommandSchema move = CommandSchema.builder("Move", 3)
            .field("toCell", FieldType.INT)
            .booleanField("urgent")
            .field("bid", FieldType.DOUBLE)
            .build();
        assertEquals("Move#3(int toCell @0, boolean urgent @4, double bid @8; 16 bytes)", move.toString());
    }
}
