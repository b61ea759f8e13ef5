package io.myriad.plugins.declared;

import java.util.BitSet;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.channel.Inbox;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.rng.CounterRng;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;

/**
 * A declared agent type, compiled: its fields, their initial values, the channels it reads, the figures its rules
 * take from the messages, and its rules. An agent's turn loads its fields, reads every input channel's inbox
 * (marking it read) into the aggregates, runs each rule whose condition holds, in order, and stores the fields
 * its rules set. Every expression sees the fields as they were when the turn began. Allocates nothing.
 */
final class AgentKind
{
    /**
     * A compiled rule.
     *
     * @param when   its condition.
     * @param agents the agents it is for, or null for all of the type.
     * @param then   its actions.
     */
    record Rule(Expr when, BitSet agents, Action[] then)
    {
    }

    final AgentType type;
    final int index;
    final int count;
    final FieldType[] storage;
    final Expr[] initial;
    final Expr[][] instances;
    final MessageChannel[] inputs;
    final Aggregate[][] aggregates;
    final int aggregateSlots;
    final Rule[] rules;
    /** The index of the agent's cell among its fields, or -1 without a space. */
    final int cellField;

    AgentKind(final AgentType type, final int index, final int count, final FieldType[] storage,
        final Expr[] initial, final Expr[][] instances, final MessageChannel[] inputs, final Aggregate[][] aggregates,
        final int aggregateSlots, final Rule[] rules, final int cellField)
    {
        this.cellField = cellField;
        this.type = type;
        this.index = index;
        this.count = count;
        this.storage = storage;
        this.initial = initial;
        this.instances = instances;
        this.inputs = inputs;
        this.aggregates = aggregates;
        this.aggregateSlots = aggregateSlots;
        this.rules = rules;
    }

    private Scope scope(final long seed)
    {
        return new Scope(storage.length, aggregateSlots, CounterRng.key(seed, 1000 + index), count);
    }

    /**
     * Spawns the type's agents and gives each its initial values: an instance's own where it has them, else the
     * type's expressions, evaluated in field order (a field may use those before it) at step -1.
     */
    void initialise(final World world)
    {
        final AgentStore store = world.store(type);
        store.spawn(count);
        final Scope scope = scope(world.seed());
        for (int i = 0; i < count; i++)
        {
            scope.at(-1, i);
            final Expr[] own = instances[i];
            for (int f = 0; f < storage.length; f++)
            {
                final Expr expr = own != null && own[f] != null ? own[f] : initial[f];
                scope.values[Scope.NOW + f] = expr == null ? 0 : expr.eval(scope);
                Values.putNative(store.buffer(f), store.offset(f, i), storage[f], scope.values[Scope.NOW + f]);
            }
        }
    }

    /**
     * @return a compute worker's state for the type's phase.
     */
    PhaseWorker newWorker(final World world)
    {
        final Scope scope = scope(world.seed());
        final Inbox[] inboxes = new Inbox[inputs.length];
        for (int c = 0; c < inputs.length; c++)
        {
            inboxes[c] = new Inbox(inputs[c]);
        }
        final UnsafeBuffer[] columns = new UnsafeBuffer[storage.length];
        return (batch) ->
        {
            final AgentStore store = batch.store();
            for (int f = 0; f < columns.length; f++)
            {
                columns[f] = store.buffer(f);
            }
            for (int i = batch.from(), end = batch.to(); i < end; i++)
            {
                if (store.isAlive(i))
                {
                    turn(batch, store, columns, scope, inboxes, i);
                }
            }
        };
    }

    private void turn(final BatchContext batch, final AgentStore store, final UnsafeBuffer[] columns,
        final Scope scope, final Inbox[] inboxes, final int agent)
    {
        scope.at(batch.step(), agent);
        final double[] values = scope.values;
        final int next = scope.next;
        final int fields = storage.length;
        for (int f = 0; f < fields; f++)
        {
            values[Scope.NOW + f] = storage[f].read(columns[f], store.offset(f, agent));
            values[next + f] = values[Scope.NOW + f];
        }
        final Outbox outbox = batch.outbox();
        final int typeId = type.id();
        for (int c = 0; c < inboxes.length; c++)
        {
            final Aggregate[] figures = aggregates[c];
            for (final Aggregate figure : figures)
            {
                figure.start(scope);
            }
            for (final Inbox inbox = inboxes[c].take(outbox, typeId, agent); inbox.next(); )
            {
                for (final Aggregate figure : figures)
                {
                    figure.add(scope, inbox);
                }
            }
            for (final Aggregate figure : figures)
            {
                figure.finish(scope);
            }
        }
        for (final Rule rule : rules)
        {
            if ((rule.agents == null || rule.agents.get(agent)) && rule.when.eval(scope) != 0)
            {
                for (final Action action : rule.then)
                {
                    action.run(scope, outbox, typeId);
                }
            }
        }
        for (int f = 0; f < fields; f++)
        {
            if (Double.doubleToRawLongBits(values[next + f]) != Double.doubleToRawLongBits(values[Scope.NOW + f]))
            {
                Values.putNative(columns[f], store.offset(f, agent), storage[f], values[next + f]);
            }
        }
    }
}
