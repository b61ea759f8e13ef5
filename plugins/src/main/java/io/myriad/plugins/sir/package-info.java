/**
 * SIR on a network: people are the nodes of a generated contact network, and an infection spreads along its links
 * and dies out as the infected recover. Discrete time and a synchronous update (a double-buffered state), so the
 * final epidemic size and the peak can be checked against the mean-field recursion
 * {@code s' = s exp(-beta k i)}, {@code r' = r + gamma i}, whose final size solves
 * {@code r = 1 - s0 exp(-R0 r)} with {@code R0 = beta k / gamma}.
 */
package io.myriad.plugins.sir;
