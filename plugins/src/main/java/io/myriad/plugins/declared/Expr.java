package io.myriad.plugins.declared;

/**
 * A compiled expression of a declaration: a tree of these, built once when the model is created, evaluated for an
 * agent against its {@link Scope} without allocating. Every value is a double; a condition holds when it is not 0,
 * and comparisons and logic give 1 or 0.
 */
@FunctionalInterface
interface Expr
{
    /**
     * @param scope the agent being evaluated.
     * @return the value.
     */
    double eval(Scope scope);

    /**
     * @return true if the expression is a constant, which the compiler folds.
     */
    default boolean isConstant()
    {
        return false;
    }

    /**
     * @param value a number.
     * @return an expression that is always that number.
     */
    static Expr constant(final double value)
    {
        return new Expr()
        {
            public double eval(final Scope scope)
            {
                return value;
            }

            public boolean isConstant()
            {
                return true;
            }
        };
    }

    /**
     * @param condition a value.
     * @return 1 if it holds (is not 0), else 0.
     */
    static double truth(final boolean condition)
    {
        return condition ? 1.0 : 0.0;
    }
}
