/**
 * The 64-bit state hash: a fingerprint of a simulation's state that is the same whatever the thread count and
 * the memory layout, compared on replay and after resume.
 */
package io.myriad.kernel.hash;
