package io.myriad.kernel.observe;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest rows of a run's metrics, for readers on other threads: the driving thread writes each row into a
 * pre-allocated ring and then publishes its sequence; a reader copies rows by sequence and learns when the writer
 * has lapped it. Writing never waits and never allocates.
 */
public final class MetricsRing
{
    private final int capacity;
    private final int columns;
    private final double[] values;
    private final long[] steps;
    private final AtomicLong published = new AtomicLong();

    /**
     * @param capacity rows kept.
     * @param columns  values a row.
     */
    public MetricsRing(final int capacity, final int columns)
    {
        this.capacity = capacity;
        this.columns = columns;
        this.values = new double[capacity * columns];
        this.steps = new long[capacity];
    }

    /**
     * @return values a row.
     */
    public int columns()
    {
        return columns;
    }

    /**
     * @return rows written so far: the sequence the next row will have.
     */
    public long published()
    {
        return published.get();
    }

    /**
     * Writer: adds a row.
     *
     * @param step the step it was taken at.
     * @param row  at least {@link #columns()} values.
     */
    void put(final long step, final double[] row)
    {
        final long sequence = published.get();
        final int slot = (int)(sequence % capacity);
        // the row's stores stay after the previous publication, so a reader that saw that one sees them as
        // replacing its row only together with a sequence that tells it so
        VarHandle.storeStoreFence();
        System.arraycopy(row, 0, values, slot * columns, columns);
        steps[slot] = step;
        published.lazySet(sequence + 1);
    }

    /**
     * Reader: copies the row of a sequence.
     *
     * @param sequence the row's, below {@link #published()}.
     * @param row      where its values go, at least {@link #columns()} long.
     * @return the row's step, or -1 if the writer has overwritten it (or is overwriting it).
     */
    public long read(final long sequence, final double[] row)
    {
        if (sequence < 0 || sequence >= published.get() || sequence < published.get() - capacity)
        {
            return -1;
        }
        final int slot = (int)(sequence % capacity);
        System.arraycopy(values, slot * columns, row, 0, columns);
        final long step = steps[slot];
        VarHandle.loadLoadFence();
        // the writer starts on the row that replaces this one once it has published the one before it
        return published.get() < sequence + capacity ? step : -1;
    }
}
