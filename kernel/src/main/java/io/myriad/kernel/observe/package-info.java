/**
 * Watching a run without changing it. A {@link io.myriad.kernel.observe.RunObserver}, set on the simulation's
 * context, is told at every step boundary on the driving thread and of every metrics row.
 * {@link io.myriad.kernel.observe.Snapshots} is the one the control server uses: readers on other threads ask for
 * views of what the {@link io.myriad.kernel.observe.Scene} offers (an agent type's places as a
 * {@link io.myriad.kernel.observe.PointView}, a grid layer as a {@link io.myriad.kernel.observe.GridView}), and
 * at the next boundary after a reader asked, the driving thread copies the view into a
 * {@link io.myriad.kernel.observe.Frame} and publishes it through a
 * {@link io.myriad.kernel.observe.FrameExchange}, a triple buffer: the copy is the only cost on the run, it never
 * waits or allocates, and a slow reader gets the newest frame, never a backlog. Metrics rows go into a
 * {@link io.myriad.kernel.observe.MetricsRing} the same way.
 */
package io.myriad.kernel.observe;
