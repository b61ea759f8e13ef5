/**
 * JMH micro-benchmarks and the macro harness. Benchmark packages mirror the packages they measure
 * ({@code io.myriad.bench.layouts} for {@code io.myriad.layouts}); every benchmark class extends
 * {@link io.myriad.bench.JvmFlags} so that JMH's forked JVMs get the module flags.
 */
package io.myriad.bench;
