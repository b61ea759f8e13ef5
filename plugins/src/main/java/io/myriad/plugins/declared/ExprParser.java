package io.myriad.plugins.declared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles an expression's text into an {@link Expr} tree, by recursive descent: {@code or} and {@code and} (or
 * {@code || &&}), {@code not} ({@code !}), comparisons ({@code == != < <= > >=}), {@code + -}, {@code * / %},
 * unary minus, then numbers, quoted text (a symbol), parentheses, names and calls. A name is one of the agent's
 * fields, {@code step}, {@code index} (from 0), {@code id} (from 1), {@code count} (agents of the type),
 * {@code true}, {@code false}, and on a grid {@code x} and {@code y}. Functions: those of {@link Functions}; over
 * the messages read this step {@code count(channel)}, {@code sum(channel.field)}, {@code mean}, {@code min},
 * {@code max}, {@code last(channel.field)} and {@code has(channel.field, value)}, where {@code sender} is the
 * sender's index; on a grid {@code near()} and {@code near(Type)}, the agents around. Constants are folded.
 */
final class ExprParser
{
    /** Comparison operators, longest first: {@code <=} is not read as {@code <}. */
    private static final String[] COMPARISONS = { "==", "!=", "<=", ">=", "<", ">" };

    private final String text;
    private final String path;
    private final Names names;
    private int at;

    private ExprParser(final String text, final String path, final Names names)
    {
        this.text = text;
        this.path = path;
        this.names = names;
    }

    /**
     * @param text  the expression.
     * @param path  where it is in the declaration, for errors.
     * @param names what its names mean.
     * @return it compiled.
     * @throws SpecException if it is not a valid expression here.
     */
    static Expr compile(final String text, final String path, final Names names)
    {
        if (text == null || text.isBlank())
        {
            throw new SpecException(path, -1, "is empty; give an expression, e.g. 'energy < 5'");
        }
        final ExprParser parser = new ExprParser(text, path, names);
        final Expr expr = parser.or();
        parser.skipSpace();
        if (parser.at < text.length())
        {
            throw parser.fail("unexpected '" + text.substring(parser.at, Math.min(text.length(), parser.at + 12)) +
                "'; an operator or the end was expected");
        }
        return expr;
    }

    private Expr or()
    {
        Expr left = and();
        while (word("or") || symbol("||"))
        {
            final Expr a = left;
            final Expr b = and();
            left = fold((s) -> Expr.truth(a.eval(s) != 0 || b.eval(s) != 0), a, b);
        }
        return left;
    }

    private Expr and()
    {
        Expr left = not();
        while (word("and") || symbol("&&"))
        {
            final Expr a = left;
            final Expr b = not();
            left = fold((s) -> Expr.truth(a.eval(s) != 0 && b.eval(s) != 0), a, b);
        }
        return left;
    }

    private Expr not()
    {
        if (word("not") || (peek('!') && !text.startsWith("!=", at) && symbol("!")))
        {
            final Expr a = not();
            return fold((s) -> Expr.truth(a.eval(s) == 0), a);
        }
        return compare();
    }

    private Expr compare()
    {
        final Expr a = sum();
        for (final String op : COMPARISONS)
        {
            if (symbol(op))
            {
                final Expr b = sum();
                return fold(switch (op)
                {
                    case "==" -> (s) -> Expr.truth(a.eval(s) == b.eval(s));
                    case "!=" -> (s) -> Expr.truth(a.eval(s) != b.eval(s));
                    case "<=" -> (s) -> Expr.truth(a.eval(s) <= b.eval(s));
                    case ">=" -> (s) -> Expr.truth(a.eval(s) >= b.eval(s));
                    case "<" -> (s) -> Expr.truth(a.eval(s) < b.eval(s));
                    default -> (s) -> Expr.truth(a.eval(s) > b.eval(s));
                }, a, b);
            }
        }
        return a;
    }

    private Expr sum()
    {
        Expr left = product();
        for (boolean plus; (plus = symbol("+")) || symbol("-"); )
        {
            final Expr a = left;
            final Expr b = product();
            left = plus ? fold((s) -> a.eval(s) + b.eval(s), a, b) : fold((s) -> a.eval(s) - b.eval(s), a, b);
        }
        return left;
    }

    private Expr product()
    {
        Expr left = unary();
        for (char op; (op = symbol("*") ? '*' : symbol("/") ? '/' : symbol("%") ? '%' : 0) != 0; )
        {
            final Expr a = left;
            final Expr b = unary();
            left = fold(op == '*' ? (s) -> a.eval(s) * b.eval(s) : op == '/' ? (s) -> a.eval(s) / b.eval(s) :
                (s) -> a.eval(s) % b.eval(s), a, b);
        }
        return left;
    }

    private Expr unary()
    {
        if (symbol("-"))
        {
            final Expr a = unary();
            return fold((s) -> -a.eval(s), a);
        }
        return atom();
    }

    private Expr atom()
    {
        skipSpace();
        if (at >= text.length())
        {
            throw fail("the expression ends where a value was expected");
        }
        final char c = text.charAt(at);
        final int start = at;
        if (symbol("("))
        {
            final Expr inner = or();
            expect(")");
            return inner;
        }
        if (c == '\'' || c == '"')
        {
            final int end = text.indexOf(c, at + 1);
            if (end < 0)
            {
                throw fail("text that starts here is not closed; end it with " + c);
            }
            at = end + 1;
            return Expr.constant(names.symbol(text.substring(start + 1, end)));
        }
        if (Character.isDigit(c) || c == '.')
        {
            return number();
        }
        if (!Character.isLetter(c) && c != '_')
        {
            throw fail("'" + c + "' cannot start a value; a number, a name, quoted text or '(' was expected");
        }
        final String name = name();
        if (symbol("("))
        {
            return call(name, start);
        }
        return variable(name, start);
    }

    private Expr number()
    {
        final int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.' ||
            text.charAt(at) == 'e' || text.charAt(at) == 'E' ||
            ((text.charAt(at) == '-' || text.charAt(at) == '+') && at > start &&
            (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E'))))
        {
            at++;
        }
        try
        {
            return Expr.constant(Double.parseDouble(text.substring(start, at)));
        }
        catch (final NumberFormatException ex)
        {
            at = start;
            throw fail("'" + text.substring(start, Math.min(text.length(), start + 12)) + "' is not a number");
        }
    }

    private Expr variable(final String name, final int start)
    {
        final Expr builtin = Functions.builtin(name);
        if (builtin != null)
        {
            return builtin;
        }
        if (name.equals("x") || name.equals("y"))
        {
            return names.position(name, start);
        }
        final int field = names.field(name);
        if (field < 0)
        {
            at = start;
            throw fail("'" + name + "' is no field of these agents nor a name an expression knows (step, index, " +
                "id, count, true, false); a message's fields are read through count(), sum(), last(), has() ...");
        }
        final int at = Scope.NOW + field;
        return (s) -> s.values[at];
    }

    private Expr call(final String name, final int start)
    {
        final String function = name.toLowerCase(Locale.ROOT);
        if (List.of("count", "sum", "mean", "last", "has").contains(function) ||
            ((function.equals("min") || function.equals("max")) && isMessageField()))
        {
            return aggregate(function, start);
        }
        if (function.equals("near"))
        {
            skipSpace();
            final String type = peek(')') ? null : name();
            expect(")");
            return names.near(type, start);
        }
        final List<Expr> args = arguments();
        try
        {
            return Functions.call(function, args);
        }
        catch (final IllegalArgumentException ex)
        {
            at = start;
            throw fail(ex.getMessage());
        }
    }

    private Expr aggregate(final String function, final int start)
    {
        skipSpace();
        final int channelAt = at;
        final String ref = name();
        final int dot = ref.indexOf('.');
        final String channel = dot < 0 ? ref : ref.substring(0, dot);
        final String field = dot < 0 ? null : ref.substring(dot + 1);
        if (function.equals("count") ? field != null : field == null)
        {
            at = channelAt;
            throw fail(function.equals("count") ? "count() takes a channel's name, e.g. count(greetings)" :
                function + "() takes a channel's message field, e.g. " + function + "(greetings.word)");
        }
        Expr value = null;
        if (function.equals("has"))
        {
            expect(",");
            value = or();
        }
        expect(")");
        try
        {
            return names.aggregate(function, channel, field, value, channelAt);
        }
        catch (final SpecException ex)
        {
            at = channelAt;
            throw fail(ex.problem());
        }
    }

    private boolean isMessageField()
    {
        skipSpace();
        int i = at;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'))
        {
            i++;
        }
        return i < text.length() && text.charAt(i) == '.';
    }

    private List<Expr> arguments()
    {
        final List<Expr> args = new ArrayList<>();
        if (symbol(")"))
        {
            return args;
        }
        do
        {
            args.add(or());
        }
        while (symbol(","));
        expect(")");
        return args;
    }

    /**
     * @return the expression, or its value as a constant when every operand is one.
     */
    static Expr fold(final Expr expr, final Expr... operands)
    {
        for (final Expr operand : operands)
        {
            if (!operand.isConstant())
            {
                return expr;
            }
        }
        return Expr.constant(expr.eval(null));
    }

    private String name()
    {
        final int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' ||
            text.charAt(at) == '.'))
        {
            at++;
        }
        if (at == start)
        {
            throw fail("a name was expected");
        }
        return text.substring(start, at);
    }

    private void expect(final String token)
    {
        if (!symbol(token))
        {
            throw fail("'" + token + "' was expected");
        }
    }

    private boolean symbol(final String token)
    {
        skipSpace();
        if (text.startsWith(token, at))
        {
            at += token.length();
            return true;
        }
        return false;
    }

    private boolean word(final String word)
    {
        skipSpace();
        final int end = at + word.length();
        if (text.regionMatches(true, at, word, 0, word.length()) &&
            (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_'))
        {
            at = end;
            return true;
        }
        return false;
    }

    private boolean peek(final char c)
    {
        skipSpace();
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpace()
    {
        while (at < text.length() && Character.isWhitespace(text.charAt(at)))
        {
            at++;
        }
    }

    private SpecException fail(final String problem)
    {
        skipSpace();
        return new SpecException(path, at, problem + " (in '" + text + "' at character " + (at + 1) + ")");
    }
}
