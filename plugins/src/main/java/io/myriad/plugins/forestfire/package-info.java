/**
 * The forest fire model: a bounded grid of cells, each empty or a tree with probability {@code density}; the trees of
 * the left column are set on fire, and each step a burning cell sets its von Neumann neighbours' trees burning and
 * burns out. How much of the forest burns jumps near the site-percolation threshold (density about 0.593). The rules
 * and the sizes are those of the ABM framework comparison (Agents.jl, Mesa, NetLogo, MASON).
 */
package io.myriad.plugins.forestfire;
