package io.myriad.layouts.generator;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import io.myriad.layouts.AgentStore;
import io.myriad.layouts.AosLayout;
import io.myriad.layouts.AosoaLayout;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Layout;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SchemaField;
import io.myriad.layouts.SoaLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.myriad.layouts.generator.Compilation.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Compiles records with the processor, as the build would, and checks what comes out: the generated sources
 * compile under {@code --release 17 -Xlint:all -Werror}, load, and read and write real stores; mistakes give
 * compile errors on the offending component.
 */
class AgentSchemaProcessorTest
{
    private static final String BIRD = """
        package p;

        import io.myriad.layouts.AgentSchema;
        import io.myriad.layouts.DoubleBuffered;

        @AgentSchema
        public record Bird(
            @DoubleBuffered double x,
            @DoubleBuffered double y,
            int age,
            byte mood,
            @DoubleBuffered short flock,
            long bornAt,
            @DoubleBuffered float heatLevel)
        {
        }
        """;

    /** Uses the generated classes as a model would, so they must compile against it with no warnings. */
    private static final String BIRD_CHECK = """
        package p;

        import io.myriad.layouts.AgentStore;

        public final class BirdCheck
        {
            private BirdCheck()
            {
            }

            public static String run(final AgentStore store)
            {
                final BirdFlyweight bird = new BirdFlyweight().wrap(store);
                final int count = store.highWaterMark();
                for (int i = 0; i < count; i++)
                {
                    bird.x(i, i);
                    bird.nextX(i, i + 0.5);
                    bird.y(i, -i);
                    bird.nextY(i, -i - 0.5);
                    bird.age(i, i * 1000);
                    bird.mood(i, (byte)i);
                    bird.flock(i, (short)(i + 7));
                    bird.nextFlock(i, (short)(i + 8));
                    bird.bornAt(i, 1L << 40 | i);
                    bird.heatLevel(i, i * 0.25f);
                    bird.nextHeatLevel(i, i * 0.75f);
                }
                store.swap();
                if (bird.wrappedSwapCount() == store.swapCount())
                {
                    return "stale wrap not detected";
                }
                bird.wrap(store);
                for (int i = 0; i < count; i++)
                {
                    if (bird.x(i) != i + 0.5 || bird.nextX(i) != i || bird.y(i) != -i - 0.5 || bird.nextY(i) != -i ||
                        bird.age(i) != i * 1000 || bird.mood(i) != (byte)i || bird.flock(i) != (short)(i + 8) ||
                        bird.nextFlock(i) != (short)(i + 7) || bird.bornAt(i) != (1L << 40 | i) ||
                        bird.heatLevel(i) != i * 0.75f || bird.nextHeatLevel(i) != i * 0.25f)
                    {
                        return "agent " + i + " reads back wrong";
                    }
                }
                return "ok " + count + " " + BirdSchema.SCHEMA.name() + " " + BirdSchema.HEAT_LEVEL;
            }
        }
        """;

    @TempDir
    Path tempDir;

    static Stream<Layout> layouts()
    {
        return Stream.of(
            SoaLayout.INSTANCE, AosLayout.INSTANCE, new AosoaLayout(8), new AosoaLayout(16), new AosoaLayout(64));
    }

    @Test
    void shouldCompileAValidRecordWithNoDiagnosticsAtAll()
    {
        final Compilation compilation = compile(source("p/Bird.java", BIRD), source("p/BirdCheck.java", BIRD_CHECK));

        assertEquals(List.of(), compilation.diagnostics());
        assertTrue(compilation.succeeded());
        assertTrue(Files.isRegularFile(compilation.sources().resolve("p/BirdSchema.java")));
        assertTrue(Files.isRegularFile(compilation.sources().resolve("p/BirdFlyweight.java")));
        assertTrue(Files.isRegularFile(compilation.classes().resolve("p/BirdFlyweight.class")));
    }

    @Test
    void shouldGenerateTheSchemaConstantAndFieldIndices() throws Exception
    {
        final Compilation compilation = compile(source("p/Bird.java", BIRD));
        assertTrue(compilation.succeeded(), compilation::toString);

        try (URLClassLoader loader = compilation.loader())
        {
            final Class<?> schemaClass = loader.loadClass("p.BirdSchema");
            final Schema schema = (Schema)schemaClass.getField("SCHEMA").get(null);
            assertEquals("Bird", schema.name());
            assertEquals(List.of(
                new SchemaField("x", FieldType.DOUBLE, true),
                new SchemaField("y", FieldType.DOUBLE, true),
                new SchemaField("age", FieldType.INT, false),
                new SchemaField("mood", FieldType.BYTE, false),
                new SchemaField("flock", FieldType.SHORT, true),
                new SchemaField("bornAt", FieldType.LONG, false),
                new SchemaField("heatLevel", FieldType.FLOAT, true)), fields(schema));

            final String[] constants = { "X", "Y", "AGE", "MOOD", "FLOCK", "BORN_AT", "HEAT_LEVEL" };
            for (int i = 0; i < constants.length; i++)
            {
                assertEquals(i, schemaClass.getField(constants[i]).getInt(null), constants[i]);
            }
            assertThrows(NoSuchMethodException.class, () -> schemaClass.getConstructor());
        }
    }

    @Test
    void shouldMarkBothClassesAsGenerated() throws IOException
    {
        final Compilation compilation = compile(source("p/Bird.java", BIRD));
        for (final String name : new String[]{ "p/BirdSchema.java", "p/BirdFlyweight.java" })
        {
            final String text = Files.readString(compilation.sources().resolve(name));
            assertTrue(text.contains("@Generated(\"io.myriad.layouts.generator.AgentSchemaProcessor\")"), name);
            assertTrue(text.contains("public final class "), name);
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void shouldReadAndWriteARealStoreThroughTheGeneratedFlyweight(final Layout layout) throws Exception
    {
        final Compilation compilation = compile(source("p/Bird.java", BIRD), source("p/BirdCheck.java", BIRD_CHECK));
        assertTrue(compilation.succeeded(), compilation::toString);

        try (URLClassLoader loader = compilation.loader();
            AgentStore store = new AgentStore(schemaOf(loader, "p.BirdSchema"), layout, 100))
        {
            store.spawn(100);
            final Method run = loader.loadClass("p.BirdCheck").getMethod("run", AgentStore.class);
            assertEquals("ok 100 Bird 6", run.invoke(null, store));

            // And by reflection, checked against where the store says the values live.
            final Class<?> flyweightClass = loader.loadClass("p.BirdFlyweight");
            final Object bird = flyweightClass.getConstructor().newInstance();
            assertSame(bird, flyweightClass.getMethod("wrap", AgentStore.class).invoke(bird, store));
            assertSame(store, flyweightClass.getMethod("store").invoke(bird));
            assertEquals(1L, flyweightClass.getMethod("wrappedSwapCount").invoke(bird));
            final Method setAge = flyweightClass.getMethod("age", int.class, int.class);
            final Method nextHeatLevel = flyweightClass.getMethod("nextHeatLevel", int.class, float.class);
            final Method bornAt = flyweightClass.getMethod("bornAt", int.class);
            setAge.invoke(bird, 99, 123_456);
            nextHeatLevel.invoke(bird, 98, 2.5f);

            final Schema schema = store.schema();
            final int ageSlot = store.currentSlot(schema.fieldIndex("age"));
            final int heatSlot = store.nextSlot(schema.fieldIndex("heatLevel"));
            final int bornAtSlot = store.currentSlot(schema.fieldIndex("bornAt"));
            assertEquals(123_456, store.buffer(ageSlot).getInt(store.offset(ageSlot, 99)));
            assertEquals(2.5f, store.buffer(heatSlot).getFloat(store.offset(heatSlot, 98)));
            store.buffer(bornAtSlot).putLong(store.offset(bornAtSlot, 97), -5L);
            assertEquals(-5L, bornAt.invoke(bird, 97));

            // No next accessors for fields updated in place.
            assertThrows(NoSuchMethodException.class, () -> flyweightClass.getMethod("nextAge", int.class));
        }
    }

    @Test
    void shouldRefuseToWrapAStoreOfAnotherSchema() throws Exception
    {
        final Compilation compilation = compile(source("p/Bird.java", BIRD));
        assertTrue(compilation.succeeded(), compilation::toString);
        final Schema other = Schema.builder("Bird").field("x", FieldType.DOUBLE, true).build();

        try (URLClassLoader loader = compilation.loader();
            AgentStore store = new AgentStore(other, SoaLayout.INSTANCE, 10))
        {
            final Class<?> flyweightClass = loader.loadClass("p.BirdFlyweight");
            final Object bird = flyweightClass.getConstructor().newInstance();
            final Method wrap = flyweightClass.getMethod("wrap", AgentStore.class);
            final Throwable cause =
                assertThrows(InvocationTargetException.class, () -> wrap.invoke(bird, store)).getCause();
            assertTrue(cause instanceof IllegalArgumentException, String.valueOf(cause));
            assertTrue(cause.getMessage().contains("BirdFlyweight needs a store of schema Bird(double x"),
                cause.getMessage());
            assertTrue(cause.getMessage().contains("but the store holds " + other), cause.getMessage());
        }
    }

    @Test
    void shouldTakeTheSchemaNameFromTheAnnotationEscapingIt() throws Exception
    {
        final Compilation compilation = compile(source("q/Sheep.java", """
            package q;

            @io.myriad.layouts.AgentSchema(name = "Sheep \\"Dolly\\" \\\\ caf\\u00e9 */")
            record Sheep(int wool)
            {
            }
            """));
        assertTrue(compilation.succeeded(), compilation::toString);
        assertEquals(List.of(), compilation.diagnostics());

        try (URLClassLoader loader = compilation.loader())
        {
            assertEquals("Sheep \"Dolly\" \\ caf\u00e9 */", schemaOf(loader, "q.SheepSchema").name());
        }
    }

    @Test
    void shouldGenerateForRecordsInTheUnnamedPackageAndNestedRecords() throws Exception
    {
        final Compilation compilation = compile(
            source("Wolf.java", """
                @io.myriad.layouts.AgentSchema
                public record Wolf(@io.myriad.layouts.DoubleBuffered long hunger)
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

                    @io.myriad.layouts.AgentSchema
                    private record Hen(byte eggs, @io.myriad.layouts.DoubleBuffered double x)
                    {
                    }
                }
                """));
        assertEquals(List.of(), compilation.diagnostics());

        try (URLClassLoader loader = compilation.loader())
        {
            assertEquals("Wolf", schemaOf(loader, "WolfSchema").name());
            assertEquals(2, schemaOf(loader, "r.HenSchema").fieldCount());
            loader.loadClass("r.HenFlyweight").getMethod("nextX", int.class, double.class);
        }
    }

    @Test
    void shouldCompileUnderLintWhenTheRecordHasEveryKindOfNameAndType()
    {
        final Compilation compilation = compile(source("p/Odd.java", """
            package p;

            import io.myriad.layouts.AgentSchema;
            import io.myriad.layouts.DoubleBuffered;

            @AgentSchema
            public record Odd(
                @DoubleBuffered byte store,
                @DoubleBuffered short wrap,
                @DoubleBuffered int index,
                @DoubleBuffered long value,
                @DoubleBuffered float block,
                @DoubleBuffered double blockStride,
                int wrappedSwapCount,
                long sameFields,
                byte addressing,
                short xSlot,
                float _under,
                double x)
            {
            }
            """));
        assertEquals(List.of(), compilation.diagnostics());
    }

    static Stream<Arguments> mistakes()
    {
        return Stream.of(
            arguments("annotated class", """
                @AgentSchema final class Bird   // <-
                {
                    int x;
                }
                """, List.of("@AgentSchema applies to records only", "Bird is a class")),
            arguments("annotated interface", """
                @AgentSchema interface Bird   // <-
                {
                }
                """, List.of("@AgentSchema applies to records only", "Bird is an interface")),
            arguments("annotated enum", """
                @AgentSchema enum Bird   // <-
                {
                    FINCH
                }
                """, List.of("@AgentSchema applies to records only", "Bird is an enum")),
            arguments("boolean component", """
                @AgentSchema record Bird(
                    double x,
                    boolean alive)   // <-
                {
                }
                """, List.of("component 'alive' of Bird", "type boolean", AgentSchemaProcessor.ALLOWED_TYPES)),
            arguments("char component", """
                @AgentSchema record Bird(
                    char initial,   // <-
                    int age)
                {
                }
                """, List.of("component 'initial' of Bird", "type char", AgentSchemaProcessor.ALLOWED_TYPES)),
            arguments("reference component", """
                @AgentSchema record Bird(
                    int age,
                    String name)   // <-
                {
                }
                """, List.of("component 'name' of Bird", "type java.lang.String", AgentSchemaProcessor.ALLOWED_TYPES)),
            arguments("boxed component", """
                @AgentSchema record Bird(
                    @DoubleBuffered Integer age)   // <-
                {
                }
                """, List.of("component 'age' of Bird", "type java.lang.Integer", AgentSchemaProcessor.ALLOWED_TYPES)),
            arguments("array component", """
                @AgentSchema record Bird(
                    int[] ages)   // <-
                {
                }
                """, List.of("component 'ages' of Bird", "type int[]", AgentSchemaProcessor.ALLOWED_TYPES)),
            arguments("no components", """
                @AgentSchema record Bird()   // <-
                {
                }
                """, List.of("record Bird has no components", AgentSchemaProcessor.ALLOWED_TYPES)),
            arguments("clashing index constants", """
                @AgentSchema record Bird(
                    float heatLevel,
                    float heat_level)   // <-
                {
                }
                """, List.of("component 'heat_level' of Bird", "HEAT_LEVEL", "component 'heatLevel' already has")),
            arguments("component named like the schema constant", """
                @AgentSchema record Bird(
                    int schema)   // <-
                {
                }
                """, List.of("component 'schema' of Bird", "constant SCHEMA", "holds the schema itself")),
            arguments("component named like a next accessor", """
                @AgentSchema record Bird(
                    @DoubleBuffered double x,
                    double nextX)   // <-
                {
                }
                """, List.of("component 'nextX' of Bird", "double-buffered component 'x'")),
            arguments("blank schema name", """
                @AgentSchema(name = "  ") record Bird(   // <-
                    double x)
                {
                }
                """, List.of("@AgentSchema name of Bird is blank")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void shouldReportAMistakeAsAnErrorOnTheOffendingElement(
        final String mistake, final String body, final List<String> expectedFragments)
    {
        final String text = "package p;\n\n" +
            "import io.myriad.layouts.AgentSchema;\n" +
            "import io.myriad.layouts.DoubleBuffered;\n\n" +
            body;
        final Compilation compilation = compile(source("p/Bird.java", text));

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
        assertFalse(Files.exists(compilation.sources().resolve("p/BirdFlyweight.java")));
        assertFalse(Files.exists(compilation.sources().resolve("p/BirdSchema.java")));
    }

    @Test
    void shouldReportEveryBadComponentOfARecordAtOnce()
    {
        final Compilation compilation = compile(source("p/Bird.java", """
            package p;

            @io.myriad.layouts.AgentSchema
            record Bird(boolean alive, int age, char initial, Object tag)
            {
            }
            """));

        final List<String> messages = compilation.errors().stream()
            .map((d) -> d.getMessage(Locale.ROOT))
            .collect(Collectors.toList());
        assertEquals(3, messages.size(), compilation::toString);
        assertTrue(messages.get(0).contains("'alive'"), messages.get(0));
        assertTrue(messages.get(1).contains("'initial'"), messages.get(1));
        assertTrue(messages.get(2).contains("'tag'"), messages.get(2));
    }

    @Test
    void shouldLeaveUnresolvedTypesToTheCompiler()
    {
        final Compilation compilation = compile(source("p/Bird.java", """
            package p;

            @io.myriad.layouts.AgentSchema
            record Bird(int age, Missing thing)
            {
            }
            """));

        assertFalse(compilation.succeeded());
        for (final Diagnostic<? extends JavaFileObject> error : compilation.errors())
        {
            assertFalse(error.getMessage(Locale.ROOT).contains("agent field"), error.getMessage(Locale.ROOT));
        }
        assertFalse(Files.exists(compilation.sources().resolve("p/BirdFlyweight.java")));
    }

    @Test
    void shouldSupportTheLatestSourceVersion()
    {
        assertEquals(SourceVersion.latestSupported(), new AgentSchemaProcessor().getSupportedSourceVersion());
    }

    private Compilation compile(final JavaFileObject... sources)
    {
        return Compilation.compile(tempDir, List.of(new AgentSchemaProcessor()), sources);
    }

    private static Schema schemaOf(final ClassLoader loader, final String schemaClass) throws Exception
    {
        return (Schema)loader.loadClass(schemaClass).getField("SCHEMA").get(null);
    }

    private static List<SchemaField> fields(final Schema schema)
    {
        final List<SchemaField> fields = new ArrayList<>();
        for (int i = 0; i < schema.fieldCount(); i++)
        {
            fields.add(schema.field(i));
        }
        return fields;
    }
}
