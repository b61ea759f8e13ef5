/**
 * What a run measures about itself: bytes allocated on the simulation's threads, read from the JVM's per-thread
 * allocation counters ({@link io.myriad.kernel.metrics.AllocationMeter}), and the model's declared
 * {@link io.myriad.kernel.metrics.Metric}s, reduced over each type's live agents by a
 * {@link io.myriad.kernel.metrics.MetricsTable} and written to {@code metrics.csv} by a
 * {@link io.myriad.kernel.metrics.MetricsWriter} on a thread of its own.
 * <p>
 * {@link io.myriad.kernel.metrics.MetricsCsv} is that file's format, and says what of an existing one a resumed
 * run keeps, so that a run stopped or killed and resumed ends with the file an uninterrupted run writes; a file it
 * cannot continue gets a {@link io.myriad.kernel.metrics.MetricsException}.
 */
package io.myriad.kernel.metrics;
