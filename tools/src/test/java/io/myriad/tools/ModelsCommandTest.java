package io.myriad.tools;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldListEveryModelWithDefaultsPresetsAndParameters()
    {
        final CliRun run = CliRun.run(dir, "models");

        assertEquals(Main.EXIT_OK, run.status, run.toString());
        final String out = run.out;
        assertTrue(out.contains("counter - test model: every agent counts ticks"), out);
        assertTrue(out.contains("default agents  100"), out);
        assertTrue(out.contains("big: agents=5000, increment=2, scale=3"), out);
        assertTrue(out.matches("(?s).*increment\\s+integer\\s+1\\s+0 \\.\\. 1000\\s+added to every agent's.*"), out);
        assertTrue(out.matches("(?s).*loud\\s+boolean\\s+false\\s+true, false\\s+.*"), out);
        assertTrue(out.contains("flocking - "), "the real models are listed too:\n" + out);
    }
}
