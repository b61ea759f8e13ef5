/**
 * Benchmarks of whole models through the kernel's pipeline: one tick, with everything a tick does.
 */
package io.myriad.bench.models;
