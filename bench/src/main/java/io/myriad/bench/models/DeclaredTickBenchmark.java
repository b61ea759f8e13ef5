package io.myriad.bench.models;

import java.nio.file.Path;
import java.util.Map;

import io.myriad.kernel.Configuration;
import io.myriad.plugins.declared.DeclaredPlugin;
import io.myriad.tools.scenario.Scenario;
import io.myriad.tools.scenario.ScenarioParser;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;

/**
 * One tick of a model declared in a scenario, read as {@code myriad run} reads it (run from the repository's root):
 * by default {@code scenarios/greeters-million.yaml}, a million greeter-style rule agents each reading its inbox and
 * running three compiled rules a tick, one in ten sending. Agent updates per second are {@code agents / score}.
 */
public class DeclaredTickBenchmark extends ModelTickBenchmark
{
    /** The scenario, relative to the working directory. */
    @Param({ "scenarios/greeters-million.yaml" })
    public String scenario;

    /**
     * Reads the scenario, compiles its declaration, and runs two ticks so that inboxes are in use.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Scenario parsed = ScenarioParser.parse(Path.of(scenario), scenario);
        final int agents = (int)parsed.get(Scenario.AGENTS).asLong(1, Integer.MAX_VALUE);
        launch(new DeclaredPlugin(), agents, Map.of(DeclaredPlugin.SPEC,
            parsed.parameters().get(DeclaredPlugin.SPEC).text()), Configuration.batchSize());
        simulation().run(2);
    }
}
