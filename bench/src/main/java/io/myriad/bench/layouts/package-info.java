/**
 * Benchmarks of agent state in memory: how fast a sweep reads and writes columns through heap arrays, Agrona
 * buffers, NIO buffers and the {@link io.myriad.layouts.AgentStore}, and how the SoA, AoSoA and AoS layouts
 * compare under the generic addressing rule that generated flyweights use.
 */
package io.myriad.bench.layouts;
