/**
 * Drift: every agent moves by its velocity, {@code x += vx * dt, y += vy * dt}. The simplest model there is, to
 * show how close the whole pipeline comes to the machine's memory bandwidth.
 */
package io.myriad.plugins.drift;
