package io.myriad.tools.scenario;

import java.util.regex.Pattern;

import io.myriad.kernel.model.ModelParameter;
import io.myriad.kernel.model.ParameterType;

/**
 * One setting as it was written, before it is typed: what kind of value YAML resolved it to (or that it is text
 * from the command line, typed only by what it is for), its text, and where it came from.
 * <p>
 * The origin is the prefix of every error about the value: {@code scenarios/x.yaml:4:11: parameters.vision} for a
 * scenario file (line and column from 1), {@code --agents} or {@code --param vision=far} for the command line.
 */
public final class Value
{
    /**
     * What a value was written as.
     */
    public enum Kind
    {
        /** Command-line text, converted to whatever type its setting needs. */
        TEXT,
        /** A YAML string: quoted, or plain text that is not a number, boolean or null. */
        STRING,
        /** A YAML integer. */
        INTEGER,
        /** A YAML floating-point number. */
        FLOAT,
        /** A YAML boolean. */
        BOOLEAN,
        /** A YAML null, or nothing after the key. */
        NULL,
        /** A YAML list. */
        SEQUENCE,
        /** A YAML mapping. */
        MAPPING
    }

    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private final Kind kind;
    private final String text;
    private final String origin;
    private final String keyOrigin;

    /**
     * @param kind   what the value was written as.
     * @param text   the value's text; empty for a list or mapping.
     * @param origin where the value came from, to start error messages with.
     */
    public Value(final Kind kind, final String text, final String origin)
    {
        this(kind, text, origin, origin);
    }

    /**
     * @param kind      what the value was written as.
     * @param text      the value's text; empty for a list or mapping.
     * @param origin    where the value came from, to start error messages about the value with.
     * @param keyOrigin where its key is, to start error messages about the key (an unknown name) with.
     */
    public Value(final Kind kind, final String text, final String origin, final String keyOrigin)
    {
        this.kind = kind;
        this.text = text;
        this.origin = origin;
        this.keyOrigin = keyOrigin;
    }

    /**
     * @param origin the flag, e.g. {@code --agents}.
     * @param text   the text given.
     * @return a command-line value.
     */
    public static Value text(final String origin, final String text)
    {
        return new Value(Kind.TEXT, text, origin);
    }

    /**
     * @return what the value was written as.
     */
    public Kind kind()
    {
        return kind;
    }

    /**
     * @return the value's text.
     */
    public String text()
    {
        return text;
    }

    /**
     * @return where the value came from.
     */
    public String origin()
    {
        return origin;
    }

    /**
     * @return where the value's key came from; the same as {@link #origin()} for the command line.
     */
    public String keyOrigin()
    {
        return keyOrigin;
    }

    /**
     * @return the value as text; numbers and booleans are taken as written.
     * @throws ScenarioException if it is null, a list or a mapping.
     */
    public String asString()
    {
        switch (kind)
        {
            case TEXT:
            case STRING:
            case INTEGER:
            case FLOAT:
            case BOOLEAN:
                if (text.isEmpty())
                {
                    throw problem("must not be empty");
                }
                return text;
            default:
                throw problem("must be text");
        }
    }

    /**
     * @return the value as a 64-bit integer: YAML integers (decimal, 0x hex, 0o octal), or numbers such as 1e6
     * that are whole; command-line text may also group digits with underscores (1_000_000).
     * @throws ScenarioException if it is not a whole number or does not fit in 64 bits.
     */
    public long asLong()
    {
        switch (kind)
        {
            case INTEGER:
                return parseYamlInteger(text);
            case FLOAT:
                return wholeNumber(parseDouble(text));
            case TEXT:
                final String digits = text.replace("_", "");
                if (DECIMAL_INTEGER.matcher(digits).matches())
                {
                    return parseYamlInteger(digits);
                }
                if (NUMBER.matcher(digits).matches())
                {
                    return wholeNumber(Double.parseDouble(digits));
                }
                throw problem("must be an integer");
            default:
                throw problem("must be an integer");
        }
    }

    /**
     * @param min smallest value accepted.
     * @param max largest value accepted.
     * @return the value as an integer within {@code [min, max]}.
     * @throws ScenarioException if it is not an integer or out of range.
     */
    public long asLong(final long min, final long max)
    {
        final long value = asLong();
        if (value < min)
        {
            throw problem("must be at least " + min);
        }
        if (value > max)
        {
            throw problem("must be at most " + max);
        }
        return value;
    }

    /**
     * @return the value as a double: any YAML number, or command-line text in decimal or scientific notation.
     * @throws ScenarioException if it is not a number.
     */
    public double asDouble()
    {
        switch (kind)
        {
            case INTEGER:
                return parseYamlInteger(text);
            case FLOAT:
                return parseDouble(text);
            case TEXT:
                final String digits = text.replace("_", "");
                if (NUMBER.matcher(digits).matches())
                {
                    return Double.parseDouble(digits);
                }
                throw problem("must be a number");
            default:
                throw problem("must be a number");
        }
    }

    /**
     * @return the value as a boolean: a YAML boolean, or true or false on the command line.
     * @throws ScenarioException if it is anything else.
     */
    public boolean asBoolean()
    {
        if (kind == Kind.BOOLEAN || (kind == Kind.TEXT &&
            ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text))))
        {
            return "true".equalsIgnoreCase(text);
        }
        throw problem("must be true or false");
    }

    /**
     * Types the value as a model parameter declares, and checks its bounds.
     *
     * @param parameter the declaration.
     * @return a Long, Double, Boolean or String, as {@code ModelConfig} expects.
     * @throws ScenarioException if the value is of the wrong type or out of bounds.
     */
    public Object as(final ModelParameter parameter)
    {
        final Object value;
        final ParameterType type = parameter.type();
        switch (type)
        {
            case INTEGER:
                value = asLong();
                break;
            case DOUBLE:
                value = asDouble();
                break;
            case BOOLEAN:
                value = asBoolean();
                break;
            case STRING:
                // a text parameter may be empty (no user events, say): the model's own checks say if it may not
                value = (kind == Kind.STRING || kind == Kind.TEXT) && text.isEmpty() ? "" : asString();
                break;
            default:
                throw new IllegalStateException("unknown parameter type " + type);
        }
        final String problem = parameter.problemWith(value);
        if (problem != null)
        {
            throw problem(problem);
        }
        return value;
    }

    /**
     * @param problem what is wrong, e.g. "must be at least 1".
     * @return an exception whose message is the origin, the problem and the value as written.
     */
    public ScenarioException problem(final String problem)
    {
        return new ScenarioException(origin + ": " + problem + ", was " + describe());
    }

    /**
     * @return the value as it would read in an error message: strings quoted, lists and mappings by kind.
     */
    public String describe()
    {
        switch (kind)
        {
            case TEXT:
                return NUMBER.matcher(text).matches() ? text : quote(text);
            case STRING:
                return quote(text);
            case NULL:
                return text.isEmpty() ? "empty" : text;
            case SEQUENCE:
                return "a list";
            case MAPPING:
                return "a mapping";
            default:
                return text;
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return origin + " = " + describe();
    }

    private long wholeNumber(final double value)
    {
        if (value != Math.rint(value) || Math.abs(value) > 0x1p62)
        {
            throw problem("must be an integer");
        }
        return (long)value;
    }

    private long parseYamlInteger(final String number)
    {
        String digits = number;
        String sign = "";
        if (digits.startsWith("-") || digits.startsWith("+"))
        {
            sign = digits.startsWith("-") ? "-" : "";
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x"))
        {
            radix = 16;
            digits = digits.substring(2);
        }
        else if (digits.startsWith("0o"))
        {
            radix = 8;
            digits = digits.substring(2);
        }
        try
        {
            return Long.parseLong(sign + digits, radix);
        }
        catch (final NumberFormatException ex)
        {
            throw problem("must be an integer that fits in 64 bits");
        }
    }

    private double parseDouble(final String number)
    {
        final String lower = number.toLowerCase();
        if (lower.endsWith(".inf"))
        {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan"))
        {
            return Double.NaN;
        }
        try
        {
            return Double.parseDouble(number);
        }
        catch (final NumberFormatException ex)
        {
            throw problem("must be a number");
        }
    }

    private static String quote(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                    break;
            }
        }
        return sb.append('"').toString();
    }
}
