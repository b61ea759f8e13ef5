/**
 * Benchmarks of agent state in memory: how fast a sweep reads and writes columns through heap arrays, Agrona
 * buffers, NIO buffers and the {@link io.myriad.layouts.AgentStore}, and how the SoA, AoSoA and AoS layouts
 * compare under the generic addressing rule that generated flyweights use.
 * <p>
 * Both benchmarks run one workload, the drift kernel ({@code DriftWorkload}: time step, updates per invocation,
 * initial values), written once per way of reaching the columns: {@code ColumnDriftKernels} over bare columns,
 * {@code StoreDriftKernels} over an agent store. The columns {@code ColumnAccessBenchmark} sweeps are JMH states,
 * one class per kind of memory: {@link io.myriad.bench.layouts.DriftColumns} and its subclasses.
 */
package io.myriad.bench.layouts;
