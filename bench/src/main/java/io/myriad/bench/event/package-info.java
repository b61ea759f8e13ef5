/**
 * Benchmarks of {@code io.myriad.kernel.event}: the event queue in the hold model against
 * {@code java.util.PriorityQueue} of event objects.
 */
package io.myriad.bench.event;
