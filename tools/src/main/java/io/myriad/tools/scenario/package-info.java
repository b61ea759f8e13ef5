/**
 * Scenario files and the settings of a run: {@link io.myriad.tools.scenario.ScenarioParser} reads a YAML scenario
 * keeping the line and column of every value, {@link io.myriad.tools.scenario.RunSettings} layers the model's
 * defaults, a preset, the file and the command line into one validated set of settings, and every bad value is
 * reported as a {@link io.myriad.tools.scenario.ScenarioException} that says where it is and how to fix it.
 */
package io.myriad.tools.scenario;
