package io.myriad.tools;

import java.nio.file.Path;
import java.time.LocalDateTime;

import io.myriad.kernel.Clock;
import io.myriad.kernel.DecisionsContext;
import io.myriad.kernel.model.Model;
import io.myriad.tools.scenario.RunSettings;
import io.myriad.tools.scenario.Scenario;

/**
 * A run planned and checked before anything of it is written, as {@code myriad run} and the control server plan
 * one: its settings resolved from a scenario and what overrides it, its run directory chosen, its model created and
 * how it asks a decider. On the event clock the settings are the event clock's.
 *
 * @param settings  the run's settings.
 * @param directory where it goes, not yet created.
 * @param model     its model.
 * @param decisions how it asks its model's decider.
 */
record PlannedRun(RunSettings settings, RunDirectory directory, Model model, DecisionsContext decisions)
{
    /**
     * @param file             the scenario's settings.
     * @param overrides        the settings given over it (the command line's, a request's).
     * @param workingDirectory where relative paths and {@code runs/} resolve.
     * @param out              the run directory asked for, or null for a new one under {@code runs/}.
     * @param processors       the machine's processors, for the default thread count.
     * @return the run, planned.
     * @throws io.myriad.tools.scenario.ScenarioException if a setting is wrong or the model refuses them.
     */
    static PlannedRun plan(final Scenario file, final Scenario overrides, final Path workingDirectory,
        final String out, final int processors)
    {
        final RunSettings resolved = RunSettings.resolve(file, overrides, processors);
        final RunDirectory directory = RunDirectory.plan(workingDirectory, out, resolved, LocalDateTime.now());
        final Model model = ModelCreation.create(resolved);
        final RunSettings settings = model.clock() == Clock.EVENTS ? resolved.onEventClock() : resolved;
        return new PlannedRun(settings, directory, model,
            DeciderCreation.context(settings, model, workingDirectory, System.getenv()));
    }
}
