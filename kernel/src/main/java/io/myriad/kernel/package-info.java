/**
 * The simulation kernel's entry point: {@link io.myriad.kernel.Simulation}, configured through its
 * {@link io.myriad.kernel.SimulationContext} (what runs and how; property names and defaults in
 * {@link io.myriad.kernel.Configuration}) and, within it, a {@link io.myriad.kernel.RecordsContext} (what the run
 * records: its journal, checkpoints and metrics file).
 * <p>
 * A simulation owns a {@link io.myriad.kernel.world.World} (built by {@link io.myriad.kernel.Worlds}: one off-heap
 * store per agent type and the model's parts), a {@link io.myriad.kernel.model.Model} and a
 * {@link io.myriad.kernel.pipeline.StepPipeline}; {@code RunRecords} writes what its {@code RecordsContext} asks
 * for as the run goes (journal hashes, checkpoints, metrics.csv). Drive it with {@code step()} /
 * {@code run(ticks)}, or hand it to an Agrona {@link org.agrona.concurrent.AgentRunner}: it is an
 * {@link org.agrona.concurrent.Agent} whose {@code doWork()} never blocks.
 * <pre>{@code
 * try (Simulation sim = Simulation.launch(new SimulationContext().model(model).seed(42).workers(2)))
 * {
 *     sim.run(200);
 *     System.out.println(StateHash.toHex(sim.stateHash()));
 * }
 * }</pre>
 * Other threads reach a running simulation only through its {@link io.myriad.kernel.control.Control}; its
 * {@link io.myriad.kernel.control.Pacer} holds steps back to the wall clock.
 * <p>
 * {@link io.myriad.kernel.KillPoint} is for crash tests only: named points where a process can be made to stop
 * and wait to be killed.
 */
package io.myriad.kernel;
