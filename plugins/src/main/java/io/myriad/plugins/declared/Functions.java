package io.myriad.plugins.declared;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The functions of an expression that do not read messages: arithmetic, a conditional, and random draws from the
 * agent's stream.
 */
final class Functions
{
    private Functions()
    {
    }

    /**
     * @param name a name.
     * @return what it means if it is one every expression knows ({@code step}, {@code index}, {@code id},
     *         {@code count}, {@code true}, {@code false}), else null.
     */
    static Expr builtin(final String name)
    {
        return switch (name)
        {
            case "step" -> (s) -> s.step;
            case "index" -> (s) -> s.index;
            case "id" -> (s) -> s.index + 1;
            case "count" -> (s) -> s.count;
            case "true" -> Expr.constant(1);
            case "false" -> Expr.constant(0);
            default -> null;
        };
    }

    /**
     * @param function a function's name, lower case.
     * @param args     its arguments, compiled.
     * @return the call compiled.
     * @throws IllegalArgumentException naming what is wrong, if there is no such function or the arguments do not
     *                                  fit it.
     */
    static Expr call(final String function, final List<Expr> args)
    {
        switch (function)
        {
            case "min":
                return binary(args, function, Math::min);
            case "max":
                return binary(args, function, Math::max);
            case "pow":
                return binary(args, function, Math::pow);
            case "abs":
                return unary(args, function, Math::abs);
            case "floor":
                return unary(args, function, Math::floor);
            case "sqrt":
                return unary(args, function, Math::sqrt);
            case "exp":
                return unary(args, function, Math::exp);
            case "log":
                return unary(args, function, Math::log);
            case "if":
            {
                arity(args, 3, function);
                final Expr condition = args.get(0);
                final Expr then = args.get(1);
                final Expr otherwise = args.get(2);
                return (s) -> condition.eval(s) != 0 ? then.eval(s) : otherwise.eval(s);
            }
            case "random":
                arity(args, 0, function);
                return Scope::uniform;
            case "uniform":
            {
                arity(args, 2, function);
                final Expr low = args.get(0);
                final Expr high = args.get(1);
                return (s) -> low.eval(s) + s.uniform() * (high.eval(s) - low.eval(s));
            }
            case "normal":
            {
                arity(args, 2, function);
                final Expr mean = args.get(0);
                final Expr sd = args.get(1);
                // Box-Muller from two draws of the agent's stream
                return (s) -> mean.eval(s) + sd.eval(s) * Math.sqrt(-2 * Math.log(1 - s.uniform())) *
                    Math.cos(2 * Math.PI * s.uniform());
            }
            case "choice":
            {
                if (args.isEmpty())
                {
                    throw new IllegalArgumentException("choice() needs at least one value to choose from");
                }
                final Expr[] options = args.toArray(new Expr[0]);
                return (s) -> options[(int)(s.uniform() * options.length)].eval(s);
            }
            default:
                throw new IllegalArgumentException("'" + function + "' is no function; there are min, max, abs, " +
                    "floor, sqrt, exp, log, pow, if, random, uniform, normal, choice, and count, sum, mean, last, " +
                    "has over messages");
        }
    }

    private static Expr unary(final List<Expr> args, final String name, final DoubleUnaryOperator op)
    {
        arity(args, 1, name);
        final Expr a = args.get(0);
        return ExprParser.fold((s) -> op.applyAsDouble(a.eval(s)), a);
    }

    private static Expr binary(final List<Expr> args, final String name, final DoubleBinaryOperator op)
    {
        arity(args, 2, name);
        final Expr a = args.get(0);
        final Expr b = args.get(1);
        return ExprParser.fold((s) -> op.applyAsDouble(a.eval(s), b.eval(s)), a, b);
    }

    private static void arity(final List<Expr> args, final int count, final String name)
    {
        if (args.size() != count)
        {
            throw new IllegalArgumentException(name + "() takes " + count + (count == 1 ? " value" : " values") +
                ", not " + args.size());
        }
    }
}
