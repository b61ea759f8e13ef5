package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -cp ... io.myriad.tools.Main} in a JVM started without the module flags (the launcher and
 * {@code java -jar} supply them from the jar's manifest): one line naming every missing flag, exit status 1, no
 * stack trace and nothing written.
 */
@Tag("slow")
class MainWithoutModuleFlagsTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "run --model counter --agents 10 --ticks 2 --out r", "replay r", "resume r",
        "journal verify r" })
    void shouldNameEveryMissingFlagInOneLine(final String arguments) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(arguments.split(" ")));
        final Path err = dir.resolve("err.txt");
        final Process process = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child finishes");

        final List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_FAILURE, process.exitValue(), lines.toString());
        assertEquals(List.of("myriad: this JVM was started without the module flags Myriad's libraries need on " +
            "JDK 17 and later: --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED " +
            "--add-opens=java.base/java.util.zip=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED " +
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED " +
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED; " +
            "run through the myriad launcher or 'java -jar tools/target/myriad.jar', whose manifest adds them, or " +
            "add them to the java command line (docs/embedding.md lists them)"), lines);
        assertFalse(Files.exists(dir.resolve("r")), "nothing is written");
    }
}
