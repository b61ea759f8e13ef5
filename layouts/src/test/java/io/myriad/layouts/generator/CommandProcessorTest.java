package io.myriad.layouts.generator;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.SchemaField;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.myriad.layouts.generator.Compilation.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Compiles command records with the processor, as the build would, and checks what comes out: the codecs compile
 * under {@code --release 17 -Xlint:all -Werror}, lay payloads out aligned and little-endian, round-trip values in
 * any buffer at any offset and describe themselves in their schema; mistakes give compile errors on the offending
 * record, component or id.
 */
class CommandProcessorTest
{
    private static final String MOVE = """
        package p;

        import io.myriad.layouts.Command;

        @Command(id = 3)
        public record Move(int toCell, double bid)
        {
        }
        """;

    /** Every type, out of size order, so that fields must be aligned and the length padded. */
    private static final String MIXED = """
        package p;

        import io.myriad.layouts.Command;

        @Command(id = 32767, name = "Mixed bag")
        record Mixed(
            byte kind,
            long agent,
            short count,
            boolean urgent,
            int cell,
            float weight,
            byte mood,
            double bid,
            short tag)
        {
        }
        """;

    /** Uses the codecs as a model would, so they must compile against it with no warnings. */
    private static final String CHECK = """
        package p;

        import org.agrona.ExpandableArrayBuffer;
        import org.agrona.MutableDirectBuffer;
        import org.agrona.concurrent.UnsafeBuffer;

        public final class CommandCheck
        {
            private CommandCheck()
            {
            }

            public static String run()
            {
                final MutableDirectBuffer[] buffers =
                    { new UnsafeBuffer(new byte[256]), new ExpandableArrayBuffer(8) };
                final int[] offsets = { 24, 13 };
                final MixedCodec mixed = new MixedCodec();
                final MoveCodec move = new MoveCodec();
                for (int b = 0; b < buffers.length; b++)
                {
                    final MutableDirectBuffer buffer = buffers[b];
                    final int offset = offsets[b];
                    mixed.wrap(buffer, offset)
                        .kind((byte)-128)
                        .agent(Long.MIN_VALUE + 1)
                        .count(Short.MAX_VALUE)
                        .urgent(true)
                        .cell(-123_456_789)
                        .weight(Float.MIN_VALUE)
                        .mood((byte)127)
                        .bid(1e300)
                        .tag((short)-2);
                    move.wrap(buffer, offset + MixedCodec.LENGTH).toCell(42).bid(-0.5);

                    final MixedCodec reader = new MixedCodec().wrap(buffer, offset);
                    if (reader.kind() != -128 || reader.agent() != Long.MIN_VALUE + 1 ||
                        reader.count() != Short.MAX_VALUE || !reader.urgent() || reader.cell() != -123_456_789 ||
                        reader.weight() != Float.MIN_VALUE || reader.mood() != 127 || reader.bid() != 1e300 ||
                        reader.tag() != -2)
                    {
                        return "mixed reads back wrong from " + buffer + ": " + reader;
                    }
                    if (move.toCell() != 42 || move.bid() != -0.5 || move.buffer() != buffer ||
                        move.offset() != offset + 48)
                    {
                        return "move reads back wrong from " + buffer + ": " + move;
                    }
                    mixed.urgent(false);
                    if (reader.urgent())
                    {
                        return "urgent reads back true after writing false";
                    }
                }
                return "ok " + MoveCodec.ID + " " + MixedCodec.NAME + " " + MixedCodec.SCHEMA.length();
            }
        }
        """;

    @TempDir
    Path tempDir;

    @Test
    void shouldCompileValidCommandsWithNoDiagnosticsAtAll() throws Exception
    {
        final Compilation compilation = compile(
            source("p/Move.java", MOVE), source("p/Mixed.java", MIXED), source("p/CommandCheck.java", CHECK));

        assertEquals(List.of(), compilation.diagnostics());
        assertTrue(compilation.succeeded());
        assertTrue(Files.isRegularFile(compilation.sources().resolve("p/MoveCodec.java")));
        assertTrue(Files.isRegularFile(compilation.sources().resolve("p/MixedCodec.java")));

        try (URLClassLoader loader = compilation.loader())
        {
            assertEquals("ok 3 Mixed bag 48", loader.loadClass("p.CommandCheck").getMethod("run").invoke(null));
        }
    }

    @Test
    void shouldGenerateTheIdNameLengthAndOffsetConstants() throws Exception
    {
        try (URLClassLoader loader = compileAndLoad(source("p/Move.java", MOVE)))
        {
            final Class<?> codec = loader.loadClass("p.MoveCodec");
            assertTrue(Modifier.isFinal(codec.getModifiers()));
            assertEquals(3, constant(codec, "ID"));
            assertEquals("Move", constant(codec, "NAME"));
            assertEquals(16, constant(codec, "LENGTH"));
            assertEquals(0, constant(codec, "TO_CELL_OFFSET"));
            assertEquals(8, constant(codec, "BID_OFFSET"));
            assertSame(ByteOrder.LITTLE_ENDIAN, constant(codec, "BYTE_ORDER"));
            assertEquals(CommandSchema.builder("Move", 3)
                .field("toCell", FieldType.INT)
                .field("bid", FieldType.DOUBLE)
                .build(), constant(codec, "SCHEMA"));
        }
    }

    @Test
    void shouldAlignEachFieldToItsSizeAndPadTheLengthToAMultipleOfEight() throws Exception
    {
        try (URLClassLoader loader = compileAndLoad(source("p/Mixed.java", MIXED)))
        {
            final Class<?> codec = loader.loadClass("p.MixedCodec");
            final String[] constants =
                { "KIND", "AGENT", "COUNT", "URGENT", "CELL", "WEIGHT", "MOOD", "BID", "TAG" };
            final int[] offsets = { 0, 8, 16, 18, 20, 24, 28, 32, 40 };
            final CommandSchema schema = (CommandSchema)constant(codec, "SCHEMA");
            for (int i = 0; i < constants.length; i++)
            {
                assertEquals(offsets[i], constant(codec, constants[i] + "_OFFSET"), constants[i]);
                assertEquals(offsets[i], schema.offset(i), constants[i]);
            }
            assertEquals(48, constant(codec, "LENGTH"));
            assertEquals(48, schema.length());
        }
    }

    @Test
    void shouldDescribeTheCommandInItsSchema() throws Exception
    {
        try (URLClassLoader loader = compileAndLoad(source("p/Mixed.java", MIXED)))
        {
            final CommandSchema schema = (CommandSchema)constant(loader.loadClass("p.MixedCodec"), "SCHEMA");
            assertEquals("Mixed bag", schema.name());
            assertEquals(32767, schema.id());
            assertEquals(48, schema.length());
            assertEquals(9, schema.fieldCount());
            assertEquals(new SchemaField("kind", FieldType.BYTE, false), schema.field(0));
            assertEquals(new SchemaField("agent", FieldType.LONG, false), schema.field(1));
            assertEquals(new SchemaField("count", FieldType.SHORT, false), schema.field(2));
            assertEquals(new SchemaField("urgent", FieldType.BYTE, false), schema.field(3));
            assertEquals(new SchemaField("cell", FieldType.INT, false), schema.field(4));
            assertEquals(new SchemaField("weight", FieldType.FLOAT, false), schema.field(5));
            assertEquals(new SchemaField("mood", FieldType.BYTE, false), schema.field(6));
            assertEquals(new SchemaField("bid", FieldType.DOUBLE, false), schema.field(7));
            assertEquals(new SchemaField("tag", FieldType.SHORT, false), schema.field(8));
            for (int i = 0; i < schema.fieldCount(); i++)
            {
                assertEquals(i == 3, schema.isBoolean(i), schema.field(i).name());
            }
            assertEquals(7, schema.fieldIndex("bid"));
        }
    }

    @Test
    void shouldWriteLittleEndianWithinThePayloadAndNothingAround() throws Exception
    {
        try (URLClassLoader loader = compileAndLoad(source("p/Move.java", MOVE)))
        {
            final Class<?> codecClass = loader.loadClass("p.MoveCodec");
            final Object codec = codecClass.getConstructor().newInstance();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
            buffer.setMemory(0, 64, (byte)0x5A);
            final int offset = 8;
            codecClass.getMethod("wrap", MutableDirectBuffer.class, int.class).invoke(codec, buffer, offset);
            assertSame(codec, codecClass.getMethod("toCell", int.class).invoke(codec, 0x01020304));
            codecClass.getMethod("bid", double.class).invoke(codec, 2.5);

            final byte[] bytes = buffer.byteArray();
            assertEquals(0x04, bytes[offset]);
            assertEquals(0x03, bytes[offset + 1]);
            assertEquals(0x02, bytes[offset + 2]);
            assertEquals(0x01, bytes[offset + 3]);
            assertEquals(2.5, buffer.getDouble(offset + 8, ByteOrder.LITTLE_ENDIAN));
            for (int i = 0; i < bytes.length; i++)
            {
                if (i < offset || (i >= offset + 4 && i < offset + 8) || i >= offset + 16)
                {
                    assertEquals(0x5A, bytes[i], "byte " + i + " outside the fields was written");
                }
            }
            assertEquals("Move(toCell=16909060, bid=2.5)", codec.toString());
        }
    }

    @Test
    void shouldStoreABooleanAsOneOrZeroAndReadAnyOtherByteAsTrue() throws Exception
    {
        final Compilation compilation = compile(source("p/Flag.java", """
            package p;

            @io.myriad.layouts.Command(id = 5)
            record Flag(boolean on)
            {
            }
            """));
        assertEquals(List.of(), compilation.diagnostics());
        assertFalse(Files.readString(compilation.sources().resolve("p/FlagCodec.java")).contains("FieldType"));

        try (URLClassLoader loader = compilation.loader())
        {
            final Class<?> codecClass = loader.loadClass("p.FlagCodec");
            assertEquals(8, constant(codecClass, "LENGTH"));
            final Object codec = codecClass.getConstructor().newInstance();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
            codecClass.getMethod("wrap", MutableDirectBuffer.class, int.class).invoke(codec, buffer, 3);
            final Method set = codecClass.getMethod("on", boolean.class);
            final Method get = codecClass.getMethod("on");

            set.invoke(codec, true);
            assertEquals(1, buffer.getByte(3));
            set.invoke(codec, false);
            assertEquals(0, buffer.getByte(3));
            assertEquals(false, get.invoke(codec));
            buffer.putByte(3, (byte)-7);
            assertEquals(true, get.invoke(codec));
        }
    }

    @Test
    void shouldGenerateAnEmptyPayloadForACommandWithNoFields() throws Exception
    {
        try (URLClassLoader loader = compileAndLoad(source("p/Halt.java", """
            package p;

            @io.myriad.layouts.Command(id = 1)
            public record Halt()
            {
            }
            """)))
        {
            final Class<?> codecClass = loader.loadClass("p.HaltCodec");
            assertEquals(0, constant(codecClass, "LENGTH"));
            assertEquals(0, ((CommandSchema)constant(codecClass, "SCHEMA")).fieldCount());
            final Object codec = codecClass.getConstructor().newInstance();
            assertEquals("Halt(unwrapped)", codec.toString());
            codecClass.getMethod("wrap", MutableDirectBuffer.class, int.class)
                .invoke(codec, new UnsafeBuffer(new byte[0]), 0);
            assertEquals("Halt()", codec.toString());
        }
    }

    @Test
    void shouldMarkTheCodecAsGeneratedAndDrawItsLayout() throws IOException
    {
        final Compilation compilation = compile(source("p/Move.java", MOVE));
        final String text = Files.readString(compilation.sources().resolve("p/MoveCodec.java"));
        assertTrue(text.contains("@Generated(\"io.myriad.layouts.generator.CommandProcessor\")"), text);
        assertTrue(text.contains("public final class MoveCodec"), text);
        assertTrue(text.contains(" *      0  int toCell\n *      8  double bid\n *     16  end\n"), text);
        assertTrue(text.contains("buffer.getInt(offset + TO_CELL_OFFSET, BYTE_ORDER)"), text);
    }

    @Test
    void shouldGenerateForNestedRecordsTheUnnamedPackageAndEscapedNames() throws Exception
    {
        final Compilation compilation = compile(
            source("Hop.java", """
                @io.myriad.layouts.Command(id = 11, name = "Hop \\"far\\" \\\\ caf\\u00e9 */")
                public record Hop(short by)
                {
                }
                """),
            source("r/Farm.java", """
                package r;

                public final class Farm
                {
                    private Farm()
                    {
                    }

                    @io.myriad.layouts.Command(id = 12)
                    private record Feed(long grams, boolean organic)
                    {
                    }
                }
                """));
        assertEquals(List.of(), compilation.diagnostics());

        try (URLClassLoader loader = compilation.loader())
        {
            assertEquals("Hop \"far\" \\ caf\u00e9 */", constant(loader.loadClass("HopCodec"), "NAME"));
            final Class<?> feed = loader.loadClass("r.FeedCodec");
            assertEquals(12, constant(feed, "ID"));
            assertEquals(8, constant(feed, "ORGANIC_OFFSET"));
            assertEquals(16, constant(feed, "LENGTH"));
        }
    }

    @Test
    void shouldCompileUnderLintWhenComponentsHaveTheNamesOfTheCodecsMembers()
    {
        final Compilation compilation = compile(source("p/Odd.java", """
            package p;

            @io.myriad.layouts.Command(id = 4)
            public record Odd(
                int wrap,
                long value,
                boolean equals,
                byte NAME,
                short ID,
                float LENGTH,
                double BYTE_ORDER,
                int SCHEMA,
                long index,
                int _under)
            {
            }
            """));
        assertEquals(List.of(), compilation.diagnostics());
    }

    @Test
    void shouldRunBesideTheSchemaProcessorUnderLintInEitherOrder()
    {
        final JavaFileObject[] sources = {
            source("p/Move.java", MOVE),
            source("p/Bird.java", """
                package p;

                @io.myriad.layouts.AgentSchema
                public record Bird(@io.myriad.layouts.DoubleBuffered double x)
                {
                }
                """)};
        final Compilation schemaFirst = Compilation.compile(
            tempDir, List.of(new AgentSchemaProcessor(), new CommandProcessor()), sources);
        final Compilation commandFirst = Compilation.compile(
            tempDir, List.of(new CommandProcessor(), new AgentSchemaProcessor()), sources);

        for (final Compilation compilation : List.of(schemaFirst, commandFirst))
        {
            assertEquals(List.of(), compilation.diagnostics());
            assertTrue(Files.isRegularFile(compilation.classes().resolve("p/MoveCodec.class")));
            assertTrue(Files.isRegularFile(compilation.classes().resolve("p/BirdFlyweight.class")));
        }
    }

    static Stream<Arguments> mistakes()
    {
        return Stream.of(
            arguments("annotated class", """
                @Command(id = 1) final class Move   // <-
                {
                    int toCell;
                }
                """, List.of("@Command applies to records only", "Move is a class")),
            arguments("annotated interface", """
                @Command(id = 1) interface Move   // <-
                {
                }
                """, List.of("@Command applies to records only", "Move is an interface")),
            arguments("reference component", """
                @Command(id = 1) record Move(
                    int toCell,
                    String why)   // <-
                {
                }
                """, List.of("component 'why' of Move", "type java.lang.String", CommandProcessor.ALLOWED_TYPES,
                    "fixed length")),
            arguments("boxed component", """
                @Command(id = 1) record Move(
                    Integer toCell)   // <-
                {
                }
                """, List.of("component 'toCell' of Move", "type java.lang.Integer", CommandProcessor.ALLOWED_TYPES)),
            arguments("array component", """
                @Command(id = 1) record Move(
                    int[] path)   // <-
                {
                }
                """, List.of("component 'path' of Move", "type int[]", CommandProcessor.ALLOWED_TYPES)),
            arguments("char component", """
                @Command(id = 1) record Move(
                    char direction)   // <-
                {
                }
                """, List.of("component 'direction' of Move", "type char", "short or an int")),
            arguments("id 0", """
                @Command(id = 0) record Move(int toCell)   // <-
                {
                }
                """, List.of("@Command id 0 of Move is outside 1..32767")),
            arguments("id 40000", """
                @Command(
                    name = "Move",
                    id = 40000)   // <-
                record Move(int toCell)
                {
                }
                """, List.of("@Command id 40000 of Move is outside 1..32767")),
            arguments("negative id", """
                @Command(id = -3) record Move(int toCell)   // <-
                {
                }
                """, List.of("@Command id -3 of Move is outside 1..32767")),
            arguments("duplicate id", """
                @Command(id = 7) record Move(int toCell)
                {
                }

                @Command(id = 7) record Stay(int turns)   // <-
                {
                }
                """, List.of("@Command id 7 of Stay is already the id of p.Move", "its own")),
            arguments("blank name", """
                @Command(id = 1, name = " ") record Move(int toCell)   // <-
                {
                }
                """, List.of("@Command name of Move is blank")),
            arguments("component named like the buffer accessor", """
                @Command(id = 1) record Move(
                    int buffer)   // <-
                {
                }
                """, List.of("component 'buffer' of Move", "buffer() accessor of MoveCodec")),
            arguments("component named like the offset accessor", """
                @Command(id = 1) record Move(
                    long offset)   // <-
                {
                }
                """, List.of("component 'offset' of Move", "offset() accessor of MoveCodec")),
            arguments("clashing offset constants", """
                @Command(id = 1) record Move(
                    int toCell,
                    int to_cell)   // <-
                {
                }
                """, List.of("component 'to_cell' of Move", "TO_CELL_OFFSET", "component 'toCell' already has")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void shouldReportAMistakeAsAnErrorOnTheOffendingElement(
        final String mistake, final String body, final List<String> expectedFragments)
    {
        final String text = "package p;\n\nimport io.myriad.layouts.Command;\n\n" + body;
        final Compilation compilation = compile(source("p/Move.java", text));

        assertFalse(compilation.succeeded(), mistake);
        final List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertEquals(1, errors.size(), compilation::toString);
        final Diagnostic<? extends JavaFileObject> error = errors.get(0);
        final String message = error.getMessage(Locale.ROOT);
        for (final String fragment : expectedFragments)
        {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
        assertEquals(Compilation.markedLine(text), error.getLineNumber(), message);
        if (!mistake.equals("duplicate id"))
        {
            assertFalse(Files.exists(compilation.sources().resolve("p/MoveCodec.java")));
        }
        assertFalse(Files.exists(compilation.sources().resolve("p/StayCodec.java")));
    }

    @Test
    void shouldReportADuplicateIdAcrossSourceFiles()
    {
        final Compilation compilation = compile(
            source("p/Move.java", MOVE),
            source("q/Jump.java", """
                package q;

                @io.myriad.layouts.Command(id = 3)
                record Jump(int height)
                {
                }
                """));

        final List<String> messages = messages(compilation);
        assertEquals(1, messages.size(), compilation::toString);
        assertTrue(messages.get(0).contains("@Command id 3 of Jump is already the id of p.Move"), messages.get(0));
    }

    @Test
    void shouldReportEveryBadComponentOfARecordAtOnce()
    {
        final Compilation compilation = compile(source("p/Move.java", """
            package p;

            @io.myriad.layouts.Command(id = 2)
            record Move(Object why, int toCell, char direction, int offset)
            {
            }
            """));

        final List<String> messages = messages(compilation);
        assertEquals(3, messages.size(), compilation::toString);
        assertTrue(messages.get(0).contains("'why'"), messages.get(0));
        assertTrue(messages.get(1).contains("'direction'"), messages.get(1));
        assertTrue(messages.get(2).contains("'offset'"), messages.get(2));
    }

    @Test
    void shouldLeaveUnresolvedTypesAndMissingIdsToTheCompiler()
    {
        final Compilation compilation = compile(
            source("p/Move.java", """
                package p;

                @io.myriad.layouts.Command(id = 2)
                record Move(int toCell, Missing thing)
                {
                }
                """),
            source("p/Stay.java", """
                package p;

                @io.myriad.layouts.Command
                record Stay(int turns)
                {
                }
                """));

        assertFalse(compilation.succeeded());
        for (final String message : messages(compilation))
        {
            assertFalse(message.contains("command field"), message);
            assertFalse(message.contains("@Command id"), message);
        }
        assertFalse(Files.exists(compilation.sources().resolve("p/MoveCodec.java")));
        assertFalse(Files.exists(compilation.sources().resolve("p/StayCodec.java")));
    }

    @Test
    void shouldSupportTheLatestSourceVersion()
    {
        assertEquals(SourceVersion.latestSupported(), new CommandProcessor().getSupportedSourceVersion());
    }

    private Compilation compile(final JavaFileObject... sources)
    {
        return Compilation.compile(tempDir, List.of(new CommandProcessor()), sources);
    }

    private URLClassLoader compileAndLoad(final JavaFileObject... sources)
    {
        final Compilation compilation = compile(sources);
        assertEquals(List.of(), compilation.diagnostics());
        return compilation.loader();
    }

    private static Object constant(final Class<?> type, final String name) throws ReflectiveOperationException
    {
        return type.getField(name).get(null);
    }

    private static List<String> messages(final Compilation compilation)
    {
        return compilation.errors().stream().map((d) -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }
}
