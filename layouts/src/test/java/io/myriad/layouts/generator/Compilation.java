package io.myriad.layouts.generator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import io.myriad.layouts.Schema;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What came of compiling sources with processors, as the build would, in memory: whether it succeeded, what the
 * compiler said and where the output went. Sources compile under {@code --release 17 -Xlint:all -Werror} against
 * this module and Agrona.
 *
 * @param succeeded   true when the compiler reported success.
 * @param diagnostics everything the compiler and the processors reported.
 * @param classes     the class output directory.
 * @param sources     the generated source directory.
 */
record Compilation(
    boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path sources)
{
    /**
     * Compiles sources with processors into a fresh directory.
     *
     * @param tempDir    where to make the output directories.
     * @param processors the processors to run, in order.
     * @param sources    the sources, from {@link #source(String, String)}.
     * @return what came of it.
     */
    static Compilation compile(final Path tempDir, final List<Processor> processors, final JavaFileObject... sources)
    {
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try
        {
            final Path root = Files.createTempDirectory(tempDir, "compilation");
            final Path classes = Files.createDirectories(root.resolve("classes"));
            final Path generated = Files.createDirectories(root.resolve("generated-sources"));
            try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8))
            {
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
                files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(
                    codeSource(Schema.class), codeSource(UnsafeBuffer.class)));
                final JavaCompiler.CompilationTask task = compiler.getTask(
                    null,
                    files,
                    diagnostics,
                    List.of("--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8"),
                    null,
                    List.of(sources));
                task.setProcessors(processors);
                task.setLocale(Locale.ROOT);
                final boolean succeeded = task.call();
                return new Compilation(succeeded, new ArrayList<>(diagnostics.getDiagnostics()), classes, generated);
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param path path of the source file, e.g. {@code p/Bird.java}.
     * @param text its text.
     * @return a source file held in memory.
     */
    static JavaFileObject source(final String path, final String text)
    {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE)
        {
            public CharSequence getCharContent(final boolean ignoreEncodingErrors)
            {
                return text;
            }
        };
    }

    /**
     * @param text a source with one line marked {@code // <-}.
     * @return the marked line's number, counting from 1, as diagnostics do.
     */
    static long markedLine(final String text)
    {
        final String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            if (lines[i].contains("// <-"))
            {
                return i + 1;
            }
        }
        return fail("no line marked with // <-");
    }

    List<Diagnostic<? extends JavaFileObject>> errors()
    {
        return diagnostics.stream()
            .filter((d) -> d.getKind() == Diagnostic.Kind.ERROR)
            .collect(Collectors.toList());
    }

    URLClassLoader loader()
    {
        try
        {
            return new URLClassLoader(new URL[]{ classes.toUri().toURL() }, Compilation.class.getClassLoader());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    public String toString()
    {
        return "succeeded=" + succeeded + diagnostics.stream()
            .map((d) -> "\n  " + d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining());
    }

    private static Path codeSource(final Class<?> type)
    {
        try
        {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
