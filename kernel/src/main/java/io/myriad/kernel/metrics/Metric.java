package io.myriad.kernel.metrics;

import java.util.Objects;

import io.myriad.kernel.world.AgentType;

/**
 * A figure a model declares once, computed from one agent type's column at the end of every N-th step and written
 * as a column (a histogram: a column per bin) of the run's {@code metrics.csv}:
 * <pre>{@code
 * Metric.count("sheep", sheep);
 * Metric.mean("sheep_energy", sheep, SheepSchema.ENERGY);
 * Metric.histogram("wealth", traders, TraderSchema.MONEY, 0, 100, 10);
 * }</pre>
 *
 * @param name        the column's name (a histogram's columns add {@code [low:high)} to it).
 * @param type        the agent type whose live agents it reduces.
 * @param field       the schema's field index, or -1 for {@link Aggregation#COUNT}.
 * @param aggregation how the column is reduced.
 * @param low         a histogram's lowest bin edge.
 * @param high        a histogram's highest bin edge.
 * @param bins        a histogram's bins; 1 for the other aggregations.
 */
public record Metric(String name, AgentType type, int field, Aggregation aggregation, double low, double high,
    int bins)
{
    /**
     * Checks the declaration.
     *
     * @param name        the column's name.
     * @param type        the agent type.
     * @param field       the field, or -1 for a count.
     * @param aggregation the reduction.
     * @param low         a histogram's lowest edge.
     * @param high        a histogram's highest edge.
     * @param bins        a histogram's bins.
     */
    public Metric
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregation, "aggregation");
        if (aggregation != Aggregation.COUNT && (field < 0 || field >= type.schema().fieldCount()))
        {
            throw new IllegalArgumentException("metric " + name + ": field " + field + " is not a field of " +
                type.schema().name());
        }
        if (aggregation == Aggregation.HISTOGRAM && (bins < 1 || !(high > low)))
        {
            throw new IllegalArgumentException("metric " + name + ": a histogram needs at least one bin and " +
                "low < high, was " + bins + " bins over [" + low + ", " + high + ")");
        }
    }

    /**
     * @param name the column's name.
     * @param type the agent type.
     * @return the number of live agents of the type.
     */
    public static Metric count(final String name, final AgentType type)
    {
        return new Metric(name, type, -1, Aggregation.COUNT, 0, 0, 1);
    }

    /**
     * @param name  the column's name.
     * @param type  the agent type.
     * @param field the field's index in the type's schema.
     * @return the sum of the field over live agents.
     */
    public static Metric sum(final String name, final AgentType type, final int field)
    {
        return new Metric(name, type, field, Aggregation.SUM, 0, 0, 1);
    }

    /**
     * @param name  the column's name.
     * @param type  the agent type.
     * @param field the field's index in the type's schema.
     * @return the mean of the field over live agents.
     */
    public static Metric mean(final String name, final AgentType type, final int field)
    {
        return new Metric(name, type, field, Aggregation.MEAN, 0, 0, 1);
    }

    /**
     * @param name  the column's name.
     * @param type  the agent type.
     * @param field the field's index in the type's schema.
     * @return the least value of the field over live agents.
     */
    public static Metric min(final String name, final AgentType type, final int field)
    {
        return new Metric(name, type, field, Aggregation.MIN, 0, 0, 1);
    }

    /**
     * @param name  the column's name.
     * @param type  the agent type.
     * @param field the field's index in the type's schema.
     * @return the greatest value of the field over live agents.
     */
    public static Metric max(final String name, final AgentType type, final int field)
    {
        return new Metric(name, type, field, Aggregation.MAX, 0, 0, 1);
    }

    /**
     * @param name  the columns' name.
     * @param type  the agent type.
     * @param field the field's index in the type's schema.
     * @param low   the lowest bin edge.
     * @param high  the highest bin edge.
     * @param bins  bins of equal width between them.
     * @return live agents per bin of the field.
     */
    public static Metric histogram(
        final String name, final AgentType type, final int field, final double low, final double high,
        final int bins)
    {
        return new Metric(name, type, field, Aggregation.HISTOGRAM, low, high, bins);
    }

    /**
     * @return how many CSV columns the metric takes.
     */
    public int columns()
    {
        return aggregation == Aggregation.HISTOGRAM ? bins : 1;
    }
}
