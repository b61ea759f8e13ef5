/**
 * Benchmarks of the journal: appends through the journal stage (JMH, with {@code -prof gc} for bytes per append)
 * and their latency distribution (an HdrHistogram harness).
 */
package io.myriad.bench.journal;
