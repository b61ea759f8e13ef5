package io.myriad.kernel.rng;

/**
 * A sequence of draws from one stream of a run, for serial code (initialisation, the apply stage): each draw
 * advances a counter, and the counter is part of the simulation's state, hashed and checkpointed. Parallel code
 * uses {@link CounterRng#bits(long, long, int, int)} with the tick and agent index instead.
 */
public final class RngStream
{
    private final long key;
    private final int stream;
    private long counter;

    /**
     * @param seed   the run's seed.
     * @param stream the purpose of the draws.
     */
    public RngStream(final long seed, final int stream)
    {
        this.key = CounterRng.key(seed, stream);
        this.stream = stream;
    }

    /**
     * @return the stream number.
     */
    public int stream()
    {
        return stream;
    }

    /**
     * @return draws taken so far.
     */
    public long counter()
    {
        return counter;
    }

    /**
     * Restores the counter, e.g. from a checkpoint.
     *
     * @param counter draws taken so far.
     */
    public void counter(final long counter)
    {
        this.counter = counter;
    }

    /**
     * @return the next 64 random bits.
     */
    public long nextLong()
    {
        return CounterRng.bits(key, counter++);
    }

    /**
     * @return the next double, uniform in [0, 1).
     */
    public double nextDouble()
    {
        return CounterRng.toUnitDouble(nextLong());
    }

    /**
     * @param bound exclusive upper bound, at least 1.
     * @return the next int, uniform in [0, bound).
     */
    public int nextInt(final int bound)
    {
        return CounterRng.toBoundedInt(nextLong(), bound);
    }
}
