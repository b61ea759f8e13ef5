package io.myriad.kernel.rng;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;

/**
 * A sequence of draws from one stream of a run, for serial code (initialisation, command handlers): each draw
 * advances a counter, and the counter is part of the world's state, hashed and checkpointed, since it is a part.
 * Parallel code uses {@link CounterRng#bits(long, long, int, int)} with the step and agent index instead.
 * <p>
 * The stream takes its key from the run's seed when it joins the world; a model declares it among its parts.
 */
public final class RngStream implements Part
{
    private final String name;
    private final int stream;
    private long key;
    private long counter;

    /**
     * A stream keyed when it joins a world.
     *
     * @param name   the part's name, unique in the world.
     * @param stream the purpose of the draws, a number the model fixes.
     */
    public RngStream(final String name, final int stream)
    {
        this.name = name;
        this.stream = stream;
    }

    /**
     * A stream keyed at once, for code outside a world.
     *
     * @param seed   the run's seed.
     * @param stream the purpose of the draws.
     */
    public RngStream(final long seed, final int stream)
    {
        this("rng-" + stream, stream);
        this.key = CounterRng.key(seed, stream);
    }

    /**
     * Keys the stream from the world's seed.
     */
    public void attach(final World world)
    {
        key = CounterRng.key(world.seed(), stream);
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
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

    /**
     * Folds in the stream number and the counter.
     */
    public void hash(final StateHasher hasher)
    {
        hasher.word(stream).word(counter);
    }

    /**
     * Writes the stream number and the counter.
     */
    public void write(final PartWriter out)
    {
        out.putInt(stream).putLong(counter);
    }

    /**
     * {@inheritDoc}
     */
    public void read(final PartReader in)
    {
        in.expectInt("stream number", stream);
        final long restored = in.getLong();
        if (restored < 0)
        {
            throw in.fail("a negative draw count " + restored);
        }
        counter = restored;
        in.expectEnd();
    }
}
