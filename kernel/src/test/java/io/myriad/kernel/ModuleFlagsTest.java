package io.myriad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalLevel;
import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalWriter;
import io.myriad.kernel.journal.RunHeader;
import io.myriad.kernel.model.ModelConfig;
import io.myriad.kernel.model.Models;

/**
 * An embedder's JVM started without the module flags: the simulation and the journal refuse to start with an
 * error that names the flags, before Agrona or Chronicle Queue fail with an {@link IllegalAccessError}. Each case
 * runs in a child JVM, since a JVM's module flags are fixed when it starts.
 */
@Tag("slow")
class ModuleFlagsTest
{
    private static final String OFF_HEAP_FLAG = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToLaunchASimulationWithoutTheOffHeapFlagNamingIt() throws Exception
    {
        final Child child = run(List.of(), "simulation");

        assertEquals(Probe.REFUSED, child.status, child.toString());
        assertEquals("an agent store cannot start: this JVM was started without the module flags Myriad's " +
            "libraries need on JDK 17 and later; add " + OFF_HEAP_FLAG + " to the java command line (or to Maven " +
            "surefire's argLine, or as Add-Exports/Add-Opens lines of an executable jar's manifest); " +
            "docs/embedding.md lists every flag Myriad uses", child.err.strip());
    }

    @Test
    void shouldRunASimulationWithoutAJournalOnTheOffHeapFlagAlone() throws Exception
    {
        final Child child = run(List.of(OFF_HEAP_FLAG), "simulation");

        assertEquals(0, child.status, child.toString());
        assertEquals("", child.err.strip());
    }

    @Test
    void shouldRefuseToStartAJournalNamingTheFlagsItLacks() throws Exception
    {
        final Child child = run(List.of(OFF_HEAP_FLAG), "journal");

        assertEquals(Probe.REFUSED, child.status, child.toString());
        assertTrue(child.err.startsWith("the journal cannot start: this JVM was started without the module flags " +
            "Myriad's libraries need on JDK 17 and later; add --add-opens=java.base/java.util.zip=ALL-UNNAMED " +
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED " +
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED to the java command line"), child.toString());
        assertFalse(child.err.contains(OFF_HEAP_FLAG), "the flag it has is not asked for: " + child.err);
        assertFalse(JournalReader.isJournal(dir.resolve("journal")), "no journal is written");
    }

    private Child run(final List<String> flags, final String what) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Probe.class.getName());
        command.add(what);
        command.add(dir.resolve("journal").toString());
        final Path out = dir.resolve(what + ".out");
        final Path err = dir.resolve(what + ".err");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child finishes");
        return new Child(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Child(int status, String out, String err)
    {
    }

    /**
     * The child: launches a simulation of the ring model, or starts a journal; prints the message of a refusal.
     */
    static final class Probe
    {
        static final int REFUSED = 3;

        private Probe()
        {
        }

        public static void main(final String[] args)
        {
            final ModelConfig config = ModelConfig.of(Models.named(RingPlugin.NAME), 100, 1L, Map.of());
            try
            {
                if ("journal".equals(args[0]))
                {
                    JournalWriter.create(Path.of(args[1]),
                        RunHeader.of(config, JournalLevel.INPUTS, 10, 10, StateHash.VERSION, "model: ring\n")).close();
                }
                else
                {
                    try (Simulation sim = Simulation.launch(
                        new SimulationContext().model(new RingPlugin().create(config)).seed(1L)))
                    {
                        sim.run(3);
                    }
                }
            }
            catch (final IllegalStateException ex)
            {
                System.err.println(ex.getMessage());
                System.exit(REFUSED);
            }
        }
    }
}
