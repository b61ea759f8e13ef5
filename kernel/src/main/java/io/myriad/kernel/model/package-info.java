/**
 * What a model gives the kernel, and what the kernel gives a model.
 * <p>
 * A {@link io.myriad.kernel.model.ModelPlugin} is found through {@link java.util.ServiceLoader}: it names a
 * model, lists its {@link io.myriad.kernel.model.ModelParameter parameters} and presets, and creates a
 * {@link io.myriad.kernel.model.Model} from a validated {@link io.myriad.kernel.model.ModelConfig}. A model is
 * data plus behaviour: the world it declares (agent types and parts, see {@link io.myriad.kernel.world}), how to
 * initialise it, the {@link io.myriad.kernel.model.Phase phases} of a step and the handlers of its commands. Each
 * phase sweeps one agent type in fixed-size batches by {@link io.myriad.kernel.model.PhaseWorker workers}, one per
 * compute thread, which see a {@link io.myriad.kernel.model.BatchContext}: the range, the step, the world, an
 * {@link io.myriad.kernel.command.Outbox} for the commands the batch emits, and metric accumulators. Everything a
 * batch does depends only on the range and the state at the start of the phase, never on which thread runs it, so
 * results are the same on 1 or N threads.
 */
package io.myriad.kernel.model;
