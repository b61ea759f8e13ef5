package io.myriad.plugins.declared;

import io.myriad.kernel.rng.CounterRng;

/**
 * What an expression sees of the agent being evaluated, in one array: its fields as they were when its turn began
 * ({@code values[NOW + f]}), the values its rules set ({@code values[next + f]}), the aggregates of the messages
 * it read ({@code values[aggregates + slot]}), padded at both ends; the step and its index; and a stream of random
 * draws from the counter-based generator keyed by the run's seed, the agent's type, the step and the agent, so
 * draws are the same on any number of threads. One per compute worker and agent type, reused from agent to agent,
 * and padded so that workers writing theirs never share a cache line.
 */
final class Scope extends ScopeFields
{
    /** Doubles of padding at each end of the array: two cache lines. */
    static final int PAD = 16;
    /** Where the fields as they were start. */
    static final int NOW = PAD;

    long q01;
    long q02;
    long q03;
    long q04;
    long q05;
    long q06;
    long q07;
    long q08;
    long q09;
    long q10;
    long q11;
    long q12;
    long q13;
    long q14;
    long q15;

    final double[] values;
    final int next;
    final int aggregates;
    final long key;
    final int count;
    /** Scratch for the cells around the agent, when its model has a space. */
    final int[] around = new int[8];

    /**
     * @param fields     the type's fields.
     * @param aggregates the slots of the type's message aggregates.
     * @param key        the generator's key for the type.
     * @param count      agents of the type.
     */
    Scope(final int fields, final int aggregates, final long key, final int count)
    {
        this.values = new double[PAD + 2 * fields + aggregates + PAD];
        this.next = next(fields);
        this.aggregates = aggregates(fields);
        this.key = key;
        this.count = count;
    }

    /**
     * @param fields the type's fields.
     * @return where the values rules set start.
     */
    static int next(final int fields)
    {
        return PAD + fields;
    }

    /**
     * @param fields the type's fields.
     * @return where the aggregates start.
     */
    static int aggregates(final int fields)
    {
        return PAD + 2 * fields;
    }

    /**
     * Moves to an agent.
     *
     * @param step  the step.
     * @param index the agent's index.
     */
    void at(final long step, final int index)
    {
        this.step = step;
        this.index = index;
        this.draws = 0;
    }

    /**
     * @return the next uniform draw in [0, 1) of this agent in this step.
     */
    double uniform()
    {
        return CounterRng.toUnitDouble(CounterRng.bits(key, step, index, draws++));
    }
}
