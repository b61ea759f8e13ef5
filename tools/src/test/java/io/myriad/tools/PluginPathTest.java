package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.model.ModelPlugin;
import io.myriad.kernel.model.Models;

/**
 * {@code --plugin-path}: a model from a user's own jar, compiled here and never on the class path, runs, replays and
 * is listed like a built-in one.
 */
class PluginPathTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = """
        package userplugin;

        import java.util.List;
        import java.util.Map;

        import io.myriad.kernel.model.Model;
        import io.myriad.kernel.model.ModelConfig;
        import io.myriad.kernel.model.ModelParameter;
        import io.myriad.kernel.model.ModelPlugin;
        import io.myriad.plugins.drift.DriftPlugin;

        /** Drift under another name: a user's own plugin. */
        public final class MinePlugin implements ModelPlugin
        {
            private final ModelPlugin drift = new DriftPlugin();

            public String name() { return "mine"; }
            public String description() { return "a user's own model"; }
            public List<ModelParameter> parameters() { return drift.parameters(); }
            public Map<String, Map<String, Object>> presets() { return Map.of(); }
            public int defaultAgents() { return 50; }
            public Model create(final ModelConfig config) { return drift.create(config); }
        }
        """;

    @TempDir
    Path dir;

    @AfterEach
    void forget()
    {
        Models.pluginPath(List.of());
    }

    @Test
    void shouldRunReplayAndListAModelFromAJarOnThePluginPath() throws IOException
    {
        final Path jar = jar();
        final CliRun unknown = CliRun.run(dir, "run", "--model", "mine", "--ticks", "3");
        assertEquals(Main.EXIT_BAD_INPUT, unknown.status, unknown.toString());
        assertTrue(unknown.err.contains("unknown model 'mine'"), unknown.err);

        final CliRun run = CliRun.run(dir, "--plugin-path", jar.toString(), "run", "--model", "mine", "--ticks", "3",
            "--out", "mine", "--json");
        assertEquals(Main.EXIT_OK, run.status, run.toString());
        assertEquals(50, JSON.readTree(run.lastOutLine()).get("agents").intValue());

        final CliRun replay = CliRun.run(dir, "--plugin-path", dir.resolve("plugins").toString(), "replay", "mine",
            "--json");
        assertEquals(Main.EXIT_OK, replay.status, replay.toString());
        assertTrue(JSON.readTree(replay.lastOutLine()).get("verified").booleanValue(), replay.toString());

        final CliRun models = CliRun.run(dir, "--plugin-path", jar.toString(), "models");
        assertTrue(models.out.contains("mine") && models.out.contains("a user's own model"), models.out);

        final CliRun missing = CliRun.run(dir, "--plugin-path", "nowhere.jar", "models");
        assertEquals(Main.EXIT_BAD_INPUT, missing.status, missing.toString());
        assertTrue(missing.err.contains("--plugin-path: ") && missing.err.contains("nowhere.jar is neither a jar " +
            "nor a directory (it does not exist)"), missing.err);
    }

    /**
     * Compiles {@link #SOURCE} against the test's class path and packs it with its service file into
     * {@code plugins/mine.jar}.
     */
    private Path jar() throws IOException
    {
        final Path sources = Files.createDirectories(dir.resolve("src/userplugin"));
        final Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("MinePlugin.java"), SOURCE);
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
            classes.toString(), sources.resolve("MinePlugin.java").toString()), "the plugin compiles");
        final Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("mine.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file))
        {
            out.putNextEntry(new JarEntry("userplugin/MinePlugin.class"));
            out.write(Files.readAllBytes(classes.resolve("userplugin/MinePlugin.class")));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/" + ModelPlugin.class.getName()));
            out.write("userplugin.MinePlugin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
