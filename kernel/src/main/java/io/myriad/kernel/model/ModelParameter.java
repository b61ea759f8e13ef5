package io.myriad.kernel.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A parameter a model accepts, with its type, default, bounds and meaning.
 *
 * @param name         name as written in scenarios and on the command line, snake_case.
 * @param type         type of the value.
 * @param defaultValue value used when none is given, matching the type; held as a Long, Double, Boolean or String
 *                     (a number of another Java type is converted as {@link #canonical(Object)} says).
 * @param min          smallest accepted numeric value, inclusive (ignored for booleans and strings).
 * @param max          largest accepted numeric value, inclusive (ignored for booleans and strings).
 * @param description  what the parameter means, one line.
 */
public record ModelParameter(
    String name, ParameterType type, Object defaultValue, double min, double max, String description)
{
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * Validates the declaration.
     *
     * @param name         name as written in scenarios and on the command line, snake_case.
     * @param type         type of the value.
     * @param defaultValue value used when none is given.
     * @param min          smallest accepted numeric value, inclusive.
     * @param max          largest accepted numeric value, inclusive.
     * @param description  what the parameter means, one line.
     */
    public ModelParameter
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        final String problem = check(type, defaultValue, min, max);
        if (problem != null)
        {
            throw new IllegalArgumentException("default of parameter " + name + " " + problem);
        }
        defaultValue = canonical(type, defaultValue);
    }

    /**
     * Declares a double parameter.
     *
     * @param name         parameter name.
     * @param defaultValue default value.
     * @param min          smallest accepted value.
     * @param max          largest accepted value.
     * @param description  meaning.
     * @return the declaration.
     */
    public static ModelParameter ofDouble(
        final String name, final double defaultValue, final double min, final double max, final String description)
    {
        return new ModelParameter(name, ParameterType.DOUBLE, defaultValue, min, max, description);
    }

    /**
     * Declares an integer parameter.
     *
     * @param name         parameter name.
     * @param defaultValue default value.
     * @param min          smallest accepted value.
     * @param max          largest accepted value.
     * @param description  meaning.
     * @return the declaration.
     */
    public static ModelParameter ofInteger(
        final String name, final long defaultValue, final long min, final long max, final String description)
    {
        return new ModelParameter(name, ParameterType.INTEGER, defaultValue, min, max, description);
    }

    /**
     * Declares a boolean parameter.
     *
     * @param name         parameter name.
     * @param defaultValue default value.
     * @param description  meaning.
     * @return the declaration.
     */
    public static ModelParameter ofBoolean(final String name, final boolean defaultValue, final String description)
    {
        return new ModelParameter(name, ParameterType.BOOLEAN, defaultValue, 0, 0, description);
    }

    /**
     * Checks a value against the parameter's type and bounds.
     * <p>
     * An {@link ParameterType#INTEGER} takes any {@link Number} whose value is a whole number ({@code 3},
     * {@code 3L}, {@code 3.0}, {@code new BigDecimal("3.00")}, a {@code BigInteger}...); a
     * {@link ParameterType#DOUBLE} takes any finite {@link Number}. Bounds are checked on the exact value given.
     *
     * @param value the value to check.
     * @return null when the value is acceptable, else what is wrong with it, e.g. "must be at least 0".
     */
    public String problemWith(final Object value)
    {
        return check(type, value, min, max);
    }

    /**
     * The value as {@link ModelConfig} holds it: a Long for an {@link ParameterType#INTEGER} and a Double for a
     * {@link ParameterType#DOUBLE} whatever type of {@link Number} was given (a {@code float} widens exactly, so
     * {@code 0.1f} is 0.100000001490116...), and booleans and strings unchanged.
     *
     * @param value a value for which {@link #problemWith(Object)} is null.
     * @return the value in the parameter's own type.
     * @throws IllegalArgumentException if {@link #problemWith(Object)} is not null.
     */
    public Object canonical(final Object value)
    {
        final String problem = problemWith(value);
        if (problem != null)
        {
            throw new IllegalArgumentException("parameter " + name + " " + problem + ", was " + value);
        }
        return canonical(type, value);
    }

    private static Object canonical(final ParameterType type, final Object value)
    {
        switch (type)
        {
            case INTEGER:
                return value instanceof Long ? value : exact((Number)value).longValueExact();
            case DOUBLE:
                return value instanceof Double ? value : ((Number)value).doubleValue();
            default:
                return value;
        }
    }

    private static String check(final ParameterType type, final Object value, final double min, final double max)
    {
        switch (type)
        {
            case INTEGER:
                return checkInteger(value, min, max);
            case DOUBLE:
                return checkDouble(value, min, max);
            case BOOLEAN:
                return value instanceof Boolean ? null : "must be true or false";
            case STRING:
                return value instanceof String ? null : "must be text";
            default:
                throw new IllegalStateException("unknown parameter type " + type);
        }
    }

    private static String checkInteger(final Object value, final double min, final double max)
    {
        if (!(value instanceof Number))
        {
            return "must be an integer";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return checkRange(((Number)value).longValue(), min, max);
        }
        final BigDecimal exact = exact((Number)value);
        if (exact == null || (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0))
        {
            return "must be an integer";
        }
        if (exact.compareTo(new BigDecimal(min)) < 0)
        {
            return "must be at least " + format(min);
        }
        if (exact.compareTo(new BigDecimal(max)) > 0)
        {
            return "must be at most " + format(max);
        }
        if (exact.compareTo(LONG_MIN) < 0)
        {
            return "must be at least " + Long.MIN_VALUE;
        }
        if (exact.compareTo(LONG_MAX) > 0)
        {
            return "must be at most " + Long.MAX_VALUE;
        }
        return null;
    }

    private static String checkDouble(final Object value, final double min, final double max)
    {
        if (!(value instanceof Number))
        {
            return "must be a number";
        }
        final double d = ((Number)value).doubleValue();
        if (Double.isNaN(d))
        {
            return "must be a finite number";
        }
        if (Double.isInfinite(d))
        {
            // a BigDecimal or BigInteger beyond a double's range is a finite number that is simply too large
            final boolean finite = value instanceof BigDecimal || value instanceof BigInteger;
            return finite ? (d > 0 ? "must be at most " + format(max) : "must be at least " + format(min)) :
                "must be a finite number";
        }
        return checkRange(d, min, max);
    }

    private static String checkRange(final long value, final double min, final double max)
    {
        // compared exactly: a double bound may lie between two longs near 2^63
        final BigDecimal exact = BigDecimal.valueOf(value);
        if (exact.compareTo(new BigDecimal(min)) < 0)
        {
            return "must be at least " + format(min);
        }
        if (exact.compareTo(new BigDecimal(max)) > 0)
        {
            return "must be at most " + format(max);
        }
        return null;
    }

    private static String checkRange(final double value, final double min, final double max)
    {
        if (value < min)
        {
            return "must be at least " + format(min);
        }
        if (value > max)
        {
            return "must be at most " + format(max);
        }
        return null;
    }

    /**
     * @return the exact value of a number, or null if it has none (NaN or an infinity).
     */
    private static BigDecimal exact(final Number value)
    {
        if (value instanceof BigDecimal)
        {
            return (BigDecimal)value;
        }
        if (value instanceof BigInteger)
        {
            return new BigDecimal((BigInteger)value);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return BigDecimal.valueOf(value.longValue());
        }
        if (value instanceof Double || value instanceof Float)
        {
            final double d = value.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        try
        {
            // any other Number (AtomicLong, LongAdder, a library's decimal...) by its decimal text
            return new BigDecimal(value.toString());
        }
        catch (final NumberFormatException ex)
        {
            final double d = value.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
    }

    private static String format(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
    }
}
