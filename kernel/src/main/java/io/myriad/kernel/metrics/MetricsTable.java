package io.myriad.kernel.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;

/**
 * Computes a row of the declared metrics from the world: each a reduction of one type's column over its live
 * agents, in index order, so the same state gives the same figures bit for bit on any number of threads. Runs
 * between steps on the driving thread and allocates nothing.
 */
public final class MetricsTable
{
    private final Metric[] metrics;
    private final int columns;

    /**
     * @param metrics the model's metrics, in their order.
     */
    public MetricsTable(final List<Metric> metrics)
    {
        this.metrics = metrics.toArray(new Metric[0]);
        int count = 0;
        for (final Metric metric : this.metrics)
        {
            count += metric.columns();
        }
        this.columns = count;
    }

    /**
     * @return the values a row holds.
     */
    public int columns()
    {
        return columns;
    }

    /**
     * @return the columns' names, in order: a metric's name, or for a histogram one name per bin with its edges.
     */
    public List<String> header()
    {
        final List<String> names = new ArrayList<>(columns);
        for (final Metric metric : metrics)
        {
            if (metric.aggregation() == Aggregation.HISTOGRAM)
            {
                final double width = (metric.high() - metric.low()) / metric.bins();
                for (int b = 0; b < metric.bins(); b++)
                {
                    names.add(String.format(Locale.ROOT, "%s[%s:%s)", metric.name(),
                        trim(metric.low() + b * width), trim(metric.low() + (b + 1) * width)));
                }
            }
            else
            {
                names.add(metric.name());
            }
        }
        return names;
    }

    /**
     * Computes every metric now.
     *
     * @param world the world, between steps.
     * @param row   receives {@link #columns()} values from index 0.
     */
    public void compute(final World world, final double[] row)
    {
        compute(world, row, 0);
    }

    /**
     * Computes every metric now, into a row that starts with other columns.
     *
     * @param world the world, between steps.
     * @param row   receives {@link #columns()} values from index {@code from}.
     * @param from  the first index written.
     */
    public void compute(final World world, final double[] row, final int from)
    {
        int column = from;
        for (final Metric metric : metrics)
        {
            final AgentStore store = world.store(metric.type());
            if (metric.aggregation() == Aggregation.COUNT)
            {
                row[column++] = store.liveCount();
            }
            else if (metric.aggregation() == Aggregation.HISTOGRAM)
            {
                histogram(store, metric, row, column);
                column += metric.bins();
            }
            else
            {
                row[column++] = reduce(store, metric);
            }
        }
    }

    private static double reduce(final AgentStore store, final Metric metric)
    {
        final Aggregation aggregation = metric.aggregation();
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int live = 0;
        final int slot = store.currentSlot(metric.field());
        final FieldType type = store.schema().field(metric.field()).type();
        final UnsafeBuffer buffer = store.buffer(slot);
        final boolean dense = store.isDense();
        for (int i = 0, end = store.highWaterMark(); i < end; i++)
        {
            if (dense || store.isAlive(i))
            {
                final double value = type.read(buffer, store.offset(slot, i));
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
                live++;
            }
        }
        switch (aggregation)
        {
            case SUM:
                return sum;
            case MEAN:
                return live == 0 ? Double.NaN : sum / live;
            case MIN:
                return live == 0 ? Double.NaN : min;
            default:
                return live == 0 ? Double.NaN : max;
        }
    }

    private static void histogram(final AgentStore store, final Metric metric, final double[] row, final int first)
    {
        final int bins = metric.bins();
        for (int b = 0; b < bins; b++)
        {
            row[first + b] = 0.0;
        }
        final double low = metric.low();
        final double scale = bins / (metric.high() - low);
        final int slot = store.currentSlot(metric.field());
        final FieldType type = store.schema().field(metric.field()).type();
        final UnsafeBuffer buffer = store.buffer(slot);
        final boolean dense = store.isDense();
        for (int i = 0, end = store.highWaterMark(); i < end; i++)
        {
            if (dense || store.isAlive(i))
            {
                final double position = (type.read(buffer, store.offset(slot, i)) - low) * scale;
                final int bin = position < 0 || Double.isNaN(position) ? 0 : (int)Math.min(bins - 1, (long)position);
                row[first + bin] += 1.0;
            }
        }
    }

    private static String trim(final double edge)
    {
        return edge == Math.rint(edge) && Math.abs(edge) < 1e15 ? Long.toString((long)edge) : Double.toString(edge);
    }
}
