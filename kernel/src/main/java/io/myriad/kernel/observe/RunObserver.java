package io.myriad.kernel.observe;

import io.myriad.kernel.Simulation;

/**
 * What watches a run from beside it, without changing it: told at every step boundary on the thread that drives the
 * simulation, it may read the world and copy what it wants into buffers of its own, and nothing else. Whatever it
 * takes there is the only cost it puts on the run; handing the copies to other threads is its own business
 * ({@link Snapshots} does it without blocking or allocating).
 * <p>
 * Set on {@link io.myriad.kernel.SimulationContext#observer(RunObserver)} before the launch, so that it sees the
 * first metrics row too.
 */
public interface RunObserver
{
    /**
     * Between steps, on the driving thread: after every step ({@code stepped} true), and again, repeatedly, while
     * no step may start (paused, waiting for the pacer or for a decider's answers, or over). Read, never write.
     *
     * @param simulation the run, between steps.
     * @param stepped    true right after a step; false while the run waits.
     */
    void atBoundary(Simulation simulation, boolean stepped);

    /**
     * A row of the run's metrics was taken, the row {@code metrics.csv} gets: on the driving thread. Copy what is
     * wanted; the array is reused.
     *
     * @param step step it was taken at.
     * @param row  its values, in the order of {@link Simulation#metricsColumns()}.
     */
    default void metricsRow(long step, double[] row)
    {
    }
}
