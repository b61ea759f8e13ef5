/**
 * The money exchange model of Dragulescu and Yakovenko ("Statistical mechanics of money", 2000): every tick each
 * agent gives a fixed amount to a random other agent, if it has it. Money is conserved and its distribution
 * relaxes from equality to the exponential (Boltzmann-Gibbs) law. Every agent emits one transfer per tick,
 * resolved in the apply stage, which makes it the kernel's benchmark of emitted events and of journaling them.
 */
package io.myriad.plugins.exchange;
