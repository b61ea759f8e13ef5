/**
 * Checkpoint write and restore times against {@code dd} writing the same bytes to the same disk.
 */
package io.myriad.bench.checkpoint;
