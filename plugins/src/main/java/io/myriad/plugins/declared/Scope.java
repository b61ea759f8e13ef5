package io.myriad.plugins.declared;

import io.myriad.kernel.rng.CounterRng;

/**
 * What an expression sees of the agent being evaluated: its fields as they were when its turn began, the
 * aggregates of the messages it read, the step and its index, and a stream of random draws from the counter-based
 * generator keyed by the run's seed, the agent's type, the step and the agent, so draws are the same on any
 * number of threads. One per compute worker and agent type, reused from agent to agent.
 */
final class Scope
{
    final double[] now;
    final double[] next;
    final double[] aggregates;
    final long key;
    final int count;
    long step;
    int index;
    private int draws;

    /**
     * @param fields     the type's fields.
     * @param aggregates the type's message aggregates.
     * @param key        the generator's key for the type.
     * @param count      agents of the type.
     */
    Scope(final int fields, final int aggregates, final long key, final int count)
    {
        this.now = new double[fields];
        this.next = new double[fields];
        this.aggregates = new double[aggregates];
        this.key = key;
        this.count = count;
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
