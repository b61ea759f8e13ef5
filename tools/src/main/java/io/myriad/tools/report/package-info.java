/**
 * What a run reports: the {@link io.myriad.tools.report.RunSummary} of its figures, written as text for people
 * and as JSON for programs ({@code summary.json} and the {@code --json} line), and the progress bar shown while
 * it runs.
 */
package io.myriad.tools.report;
