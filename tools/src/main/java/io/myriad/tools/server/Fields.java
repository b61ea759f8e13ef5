package io.myriad.tools.server;

import java.util.Map;

/**
 * Numbers read from a request's JSON, each checked with a message that names the field and its range.
 */
final class Fields
{
    private Fields()
    {
    }

    static long whole(final Map<String, Object> body, final String name, final long absent, final long min,
        final long max)
    {
        final Object value = body.get(name);
        if (value == null)
        {
            return absent;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number)value).longValue() < min ||
            ((Number)value).longValue() > max)
        {
            throw new RequestException(400, "'" + name + "' must be a whole number from " + min + " to " + max +
                "; got " + value);
        }
        return ((Number)value).longValue();
    }

    static double number(final Map<String, Object> body, final String name, final double min, final double max)
    {
        final Object value = body.get(name);
        if (!(value instanceof Number number) || !(number.doubleValue() >= min) || number.doubleValue() > max)
        {
            throw new RequestException(400, "'" + name + "' must be a number from " + min + " to " + max +
                (value == null ? "; it is missing" : "; got " + value));
        }
        return number.doubleValue();
    }
}
