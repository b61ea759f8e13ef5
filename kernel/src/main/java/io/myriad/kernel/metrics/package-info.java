/**
 * What a run measures about itself: tick latency in an HdrHistogram and bytes allocated on the simulation's
 * threads, read from the JVM's per-thread allocation counters.
 */
package io.myriad.kernel.metrics;
