/**
 * Networks agents live on: a {@link io.myriad.kernel.space.network.Network} of nodes (the agent indices of one
 * agent type) and weighted edges, packed once into compressed sparse rows so that a node's neighbours are one
 * contiguous run of ints, sorted by node. A network is a {@link io.myriad.kernel.world.Part}: hashed and
 * checkpointed with the world, weights included.
 * <p>
 * Networks come from a {@link io.myriad.kernel.space.network.NetworkBuilder} fed edge by edge, from a
 * {@link io.myriad.kernel.space.network.NetworkGenerator} seeded from the run (Erdős–Rényi, Watts–Strogatz,
 * Barabási–Albert), or from an edge-list file read by {@link io.myriad.kernel.space.network.EdgeListReader}.
 */
package io.myriad.kernel.space.network;
