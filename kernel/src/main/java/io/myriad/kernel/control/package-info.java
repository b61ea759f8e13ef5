/**
 * Pacing a run against the wall clock: {@link io.myriad.kernel.control.Pacer} maps sim time to wall time by a time
 * scale that can change while the run goes on, and measures how late steps start. Pacing only delays steps, so it
 * never changes results.
 */
package io.myriad.kernel.control;
