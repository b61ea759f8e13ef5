/**
 * What a model gives the kernel, and what the kernel gives a model.
 * <p>
 * A {@link io.myriad.kernel.model.ModelPlugin} is found through {@link java.util.ServiceLoader}: it names a
 * model, lists its {@link io.myriad.kernel.model.ModelParameter parameters} and presets, and creates a
 * {@link io.myriad.kernel.model.Model} from a validated {@link io.myriad.kernel.model.ModelConfig}. A model is
 * data plus behaviour: the {@link io.myriad.layouts.Schema} of its agents, how to initialise them, and the
 * {@link io.myriad.kernel.model.Phase phases} of a tick. Each phase is swept in fixed-size batches by
 * {@link io.myriad.kernel.model.PhaseWorker workers}, one per compute thread, which see a
 * {@link io.myriad.kernel.model.BatchContext}: the range, the tick, an {@link io.myriad.kernel.model.Outbox}
 * for what the batch emits, and metric accumulators. Everything a batch does depends only on the range and the
 * state at the start of the phase, never on which thread runs it, so results are the same on 1 or N threads.
 */
package io.myriad.kernel.model;
