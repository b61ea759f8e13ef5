/**
 * Checkpoints: a run's whole state at a tick, written atomically with checksums, so that a run can continue from
 * it exactly as if it had never stopped.
 * <p>
 * A checkpoint is two files in the run's {@code checkpoints/} directory: {@code tick-<T>.ckpt}, the binary data
 * ({@link io.myriad.kernel.checkpoint.CheckpointDescriptor}), and {@code tick-<T>.manifest}, a text manifest that a
 * person can read and that is written last, so a checkpoint without one is incomplete and never used.
 * {@link io.myriad.kernel.checkpoint.Checkpoints} writes, lists, validates, restores and prunes them;
 * {@link io.myriad.kernel.checkpoint.CheckpointPolicy} says when a run takes one.
 */
package io.myriad.kernel.checkpoint;
