/**
 * Scenario files and the settings of a run: {@link io.myriad.tools.scenario.ScenarioParser} reads a YAML scenario
 * keeping the line and column of every value, and {@link io.myriad.tools.scenario.RunSettings#resolve} layers the
 * model's defaults, a preset, the file and the command line into one validated set of
 * {@link io.myriad.tools.scenario.RunSettings}. Behind it, {@code SettingsLayers} puts the command line over the file,
 * {@code ModelSettings} finds the model and types what it is given as the model declares it, and
 * {@code SettingsResolver} checks every other setting in a fixed order. Every bad value is reported as a
 * {@link io.myriad.tools.scenario.ScenarioException} that says where it is and how to fix it;
 * {@link io.myriad.tools.scenario.ScenarioWriter} writes resolved settings back as a scenario.
 */
package io.myriad.tools.scenario;
