/**
 * The simulation kernel's entry point: {@link io.myriad.kernel.Simulation}, configured through its
 * {@link io.myriad.kernel.SimulationContext} (property names and defaults in
 * {@link io.myriad.kernel.Configuration}).
 * <p>
 * A simulation owns an off-heap {@link io.myriad.layouts.AgentStore}, a {@link io.myriad.kernel.model.Model} and
 * a {@link io.myriad.kernel.pipeline.TickPipeline}. Drive it with {@code step()} / {@code run(ticks)}, or hand it
 * to an Agrona {@link org.agrona.concurrent.AgentRunner}: it is an {@link org.agrona.concurrent.Agent} whose
 * {@code doWork()} never blocks.
 * <p>
 * {@link io.myriad.kernel.KillPoint} is for crash tests only: named points where a process can be made to stop
 * and wait to be killed.
 */
package io.myriad.kernel;
