/**
 * Schelling's segregation model: residents of two groups on a bounded grid, one per cell; a resident is happy when at
 * least {@code min_happy} of its Moore neighbours within {@code radius} are of its group, and an unhappy one moves
 * to a random empty cell. Mild preferences segregate the town. The presets are those of the ABM framework comparison
 * (Agents.jl, Mesa, NetLogo, MASON).
 */
package io.myriad.plugins.schelling;
