package io.myriad.kernel.space.network;

/**
 * Makes a random {@link Network} from the run's seed: the same seed and stream give the same network, edge for
 * edge, on any machine and any number of threads, since every draw is a pure function of (seed, stream, counter
 * words) through {@link io.myriad.kernel.rng.CounterRng}. Generated edges weigh
 * {@link NetworkBuilder#DEFAULT_WEIGHT}; a model that wants other weights sets them after.
 */
public interface NetworkGenerator
{
    /**
     * @return nodes of the networks it makes.
     */
    int nodeCount();

    /**
     * @param name   the network's part name.
     * @param seed   the run's seed.
     * @param stream the stream number the model gives the network's draws.
     * @return a new network.
     */
    Network generate(String name, long seed, int stream);
}
