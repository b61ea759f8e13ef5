package io.myriad.kernel.metrics;

/**
 * How a {@link Metric} reduces a column of one agent type to figures.
 */
public enum Aggregation
{
    /** Live agents of the type. */
    COUNT,
    /** Sum of the field over live agents. */
    SUM,
    /** Mean of the field over live agents; NaN when there are none. */
    MEAN,
    /** Least value of the field over live agents; NaN when there are none. */
    MIN,
    /** Greatest value of the field over live agents; NaN when there are none. */
    MAX,
    /** Live agents per bin of equal width over [low, high); values outside count in the first or last bin. */
    HISTOGRAM
}
