package io.myriad.plugins.declared;

import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.channel.BroadcastChannel;
import io.myriad.kernel.channel.DirectChannel;
import io.myriad.kernel.channel.SharedRegion;
import io.myriad.kernel.channel.TopicChannel;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;

/**
 * One thing a rule does for the agent whose turn it is, compiled: set its fields (from the next step's view on),
 * send a message, subscribe or unsubscribe, write a shared region. Sends, subscriptions and writes go through the
 * batch's outbox, so they are applied in batch order after the phase.
 */
@FunctionalInterface
interface Action
{
    /**
     * @param scope  the agent.
     * @param outbox its batch's outbox.
     * @param type   its type's id.
     */
    void run(Scope scope, Outbox outbox, int type);

    /**
     * @param at    where the field's next value is in the scope's values.
     * @param value the expression giving it.
     * @return the action.
     */
    static Action set(final int at, final Expr value)
    {
        return (scope, outbox, type) -> scope.values[at] = value.eval(scope);
    }

    /**
     * Moves the agent by (dx, dy) cells from where it was when its turn began, wrapping on a torus; off a bounded
     * grid it stays.
     */
    static Action move(final Grid2D grid, final int now, final int next, final Expr dx, final Expr dy)
    {
        return (scope, outbox, type) ->
        {
            final int to = grid.offset((int)scope.values[now], (int)dx.eval(scope), (int)dy.eval(scope));
            if (to != Grid2D.NO_CELL)
            {
                scope.values[next] = to;
            }
        };
    }

    /**
     * A message's fields, each written from an expression.
     *
     * @param schema the message's fields.
     * @param values one expression per field, null for 0.
     */
    record Message(CommandSchema schema, Expr[] values)
    {
        void write(final Scope scope, final MutableDirectBuffer buffer, final int payload)
        {
            for (int f = 0; f < values.length; f++)
            {
                if (values[f] != null)
                {
                    final FieldType storage = schema.field(f).type();
                    Values.put(buffer, payload + schema.offset(f), storage, values[f].eval(scope));
                }
            }
        }
    }

    static Action broadcast(final BroadcastChannel channel, final Message message)
    {
        return (scope, outbox, type) ->
            message.write(scope, outbox.buffer(), channel.send(outbox, type, scope.index));
    }

    static Action direct(final DirectChannel channel, final int recipientType, final Expr to, final Message message)
    {
        return (scope, outbox, type) ->
        {
            final double index = to.eval(scope);
            // NaN or out of range: no agent, so the channel refuses it as aimed at a non-receiver
            final int recipient = index >= 0 && index <= Integer.MAX_VALUE ? (int)index : -1;
            message.write(scope, outbox.buffer(), channel.send(outbox, type, scope.index, recipientType, recipient));
        };
    }

    static Action publish(final TopicChannel channel, final int topic, final Message message)
    {
        return (scope, outbox, type) ->
            message.write(scope, outbox.buffer(), channel.publish(outbox, type, scope.index, topic));
    }

    static Action subscribe(final TopicChannel channel, final int topic, final boolean on)
    {
        return on ?
            (scope, outbox, type) -> channel.subscribe(outbox, type, scope.index, topic) :
            (scope, outbox, type) -> channel.unsubscribe(outbox, type, scope.index, topic);
    }

    static Action write(final SharedRegion region, final Expr record, final int field, final Expr value)
    {
        return (scope, outbox, type) ->
            region.write(outbox, type, scope.index, (int)record.eval(scope), field, value.eval(scope));
    }
}
