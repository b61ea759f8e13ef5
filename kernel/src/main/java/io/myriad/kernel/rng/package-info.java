/**
 * Counter-based randomness: every random value is a pure function of (seed, stream, counter words), so it does
 * not depend on which thread asks, in what order, or how often anything else was drawn.
 */
package io.myriad.kernel.rng;
