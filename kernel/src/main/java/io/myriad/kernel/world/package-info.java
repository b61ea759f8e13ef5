/**
 * The world a model declares once, before its run: agent types, each with its own off-heap store, and
 * {@link io.myriad.kernel.world.Part}s, the lasting state beside the stores (grids, networks, RNG stream counters,
 * model globals). The world hashes, checkpoints and restores every store and part, in declaration order.
 */
package io.myriad.kernel.world;
