package io.myriad.plugins.declared;

import java.util.List;
import java.util.Map;

import io.myriad.kernel.channel.BroadcastChannel;
import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.channel.DirectChannel;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.channel.SharedRegion;
import io.myriad.kernel.channel.TopicChannel;
import io.myriad.layouts.CommandSchema;
import io.myriad.plugins.declared.DeclaredSpec.ActionSpec;

/**
 * Compiles one action of a rule for the agents of one type, checking it against the declaration: the fields it
 * sets exist, the channel it sends to is connected to the type, a direct send names its recipient and a topic its
 * topic, a message's fields are the channel's.
 */
final class ActionCompiler
{
    /** The kinds of action, in the order to document them. */
    static final List<String> KINDS = List.of("set", "send", "subscribe", "unsubscribe", "write", "move");

    private final Compiler compiler;
    private final KindCompiler kind;
    private final int type;

    ActionCompiler(final Compiler compiler, final KindCompiler kind, final int type)
    {
        this.compiler = compiler;
        this.kind = kind;
        this.type = type;
    }

    Action compile(final ActionSpec action, final String path)
    {
        final String at = path + "." + action.kind();
        final Map<String, String> values = action.values() == null ? Map.of() : action.values();
        switch (action.kind())
        {
            case "set":
                return set(values, at);
            case "send":
                return send(action, values, at);
            case "subscribe":
            case "unsubscribe":
            {
                final TopicChannel channel = channel(action, at, TopicChannel.class, "topics");
                return Action.subscribe(channel, topic(channel, action, at), action.kind().equals("subscribe"));
            }
            case "write":
                return write(action, values, at);
            case "move":
                return move(values, at);
            default:
                throw new SpecException(path, -1, "'" + action.kind() + "' is no action; an action is one of " +
                    String.join(", ", KINDS));
        }
    }

    private Action set(final Map<String, String> values, final String at)
    {
        if (values.isEmpty())
        {
            throw new SpecException(at, -1, "sets nothing; give fields and their new values, e.g. {energy: " +
                "energy - 1}");
        }
        final Action[] sets = new Action[values.size()];
        int i = 0;
        for (final Map.Entry<String, String> value : values.entrySet())
        {
            final String where = at + "." + value.getKey();
            sets[i++] = Action.set(Scope.next(kind.fieldCount()) + kind.field(value.getKey(), where),
                ExprParser.compile(value.getValue(), where, kind));
        }
        return sets.length == 1 ? sets[0] : (scope, outbox, agentType) ->
        {
            for (final Action set : sets)
            {
                set.run(scope, outbox, agentType);
            }
        };
    }

    private Action send(final ActionSpec action, final Map<String, String> values, final String at)
    {
        final MessageChannel channel = channel(action, at, MessageChannel.class, "broadcast, direct or topics");
        final CommandSchema schema = channel.message();
        final Expr[] fields = new Expr[schema.fieldCount()];
        for (final Map.Entry<String, String> value : values.entrySet())
        {
            final int f = schema.fieldIndex(value.getKey());
            if (f < 0)
            {
                throw new SpecException(at + "." + value.getKey(), -1, "messages of " + channel.name() + " have no " +
                    "field " + value.getKey() + "; declare it under channels." + channel.name() + ".message");
            }
            fields[f] = ExprParser.compile(value.getValue(), at + "." + value.getKey(), kind);
        }
        final Action.Message message = new Action.Message(schema, fields);
        if (action.to() != null && !(channel instanceof DirectChannel) || channel instanceof TopicChannel &&
            action.to() != null)
        {
            throw new SpecException(at + ".to", -1, channel.name() + " is a " + channel.kind() + " channel; only a " +
                "send on a direct channel names its recipient");
        }
        if (action.topic() != null && !(channel instanceof TopicChannel))
        {
            throw new SpecException(at + ".topic", -1, channel.name() + " is a " + channel.kind() + " channel; " +
                "only a send on a topics channel names a topic");
        }
        if (channel instanceof TopicChannel)
        {
            return Action.publish((TopicChannel)channel, topic((TopicChannel)channel, action, at), message);
        }
        if (channel instanceof DirectChannel)
        {
            if (action.to() == null)
            {
                throw new SpecException(at + ".to", -1, "is missing: a send on direct channel " + channel.name() +
                    " names its recipient's index, e.g. to: (index + 1) % count");
            }
            return Action.direct((DirectChannel)channel, recipientType(channel, at),
                ExprParser.compile(action.to(), at + ".to", kind), message);
        }
        return Action.broadcast((BroadcastChannel)channel, message);
    }

    private Action move(final java.util.Map<String, String> values, final String at)
    {
        if (kind.cellField() < 0)
        {
            throw new SpecException(at, -1, "moves on no grid: declare a space, e.g. 'space: {width: 20, height: 20}'");
        }
        for (final String key : values.keySet())
        {
            if (!key.equals("dx") && !key.equals("dy"))
            {
                throw new SpecException(at + "." + key, -1, "is not part of a move; a move has dx and dy");
            }
        }
        final Expr dx = values.get("dx") == null ? Expr.constant(0) : ExprParser.compile(values.get("dx"),
            at + ".dx", kind);
        final Expr dy = values.get("dy") == null ? Expr.constant(0) : ExprParser.compile(values.get("dy"),
            at + ".dy", kind);
        return Action.move(compiler.grid, Scope.NOW + kind.cellField(), Scope.next(kind.fieldCount()) +
            kind.cellField(), dx, dy);
    }

    private Action write(final ActionSpec action, final Map<String, String> values, final String at)
    {
        final SharedRegion region = channel(action, at, SharedRegion.class, "shared");
        for (final String key : values.keySet())
        {
            if (!List.of("record", "field", "value").contains(key))
            {
                throw new SpecException(at + "." + key, -1, "is not part of a write; a write has record, field and " +
                    "value");
            }
        }
        final String field = values.get("field");
        final int f = field == null ? -1 : region.schema().fieldIndex(field);
        if (f < 0)
        {
            throw new SpecException(at + ".field", -1, (field == null ? "is missing" : "is " + field) +
                "; name one of the fields of region " + region.name());
        }
        if (values.get("value") == null)
        {
            throw new SpecException(at + ".value", -1, "is missing: a write gives the value to write");
        }
        final Expr record = values.get("record") == null ? Expr.constant(0) :
            ExprParser.compile(values.get("record"), at + ".record", kind);
        return Action.write(region, record, f, ExprParser.compile(values.get("value"), at + ".value", kind));
    }

    private <T extends Channel> T channel(final ActionSpec action, final String at, final Class<T> kindOfChannel,
        final String kinds)
    {
        final int c = action.channel() == null ? -1 : compiler.channelIndex(action.channel());
        if (c < 0)
        {
            throw new SpecException(at + ".channel", -1, (action.channel() == null ? "is missing" :
                "names no channel: " + action.channel()) + "; the channels are " + compiler.channelSpecs.stream()
                .map(DeclaredSpec.ChannelSpec::name).toList());
        }
        final Channel channel = compiler.channels.get(c);
        if (!kindOfChannel.isInstance(channel))
        {
            throw new SpecException(at + ".channel", -1, action.channel() + " is a " + channel.kind() + " channel; " +
                "a " + action.kind() + " needs a " + kinds + " one");
        }
        final boolean subscribing = action.kind().endsWith("subscribe");
        if (subscribing ? !compiler.feeds(c, type) : !compiler.sends(c, type))
        {
            final String prefix = kind.spec().prefix();
            throw new SpecException(at + ".channel", -1, kind.spec().name() + " is not connected to " +
                action.channel() + (subscribing ? " as a receiver; add the connection {from: " + action.channel() +
                ", to: " + prefix + "_*}" : "; add the connection {from: " + prefix + "_*, to: " +
                action.channel() + "}"));
        }
        return kindOfChannel.cast(channel);
    }

    private int topic(final TopicChannel channel, final ActionSpec action, final String at)
    {
        final int topic = action.topic() == null ? -1 : channel.topic(action.topic());
        if (topic < 0)
        {
            throw new SpecException(at + ".topic", -1, (action.topic() == null ? "is missing" : "is " +
                action.topic()) + "; channel " + channel.name() + " has topics " + channel.topics());
        }
        return topic;
    }

    private int recipientType(final MessageChannel channel, final String at)
    {
        final int c = compiler.channelIndex(channel.name());
        int only = -1;
        int fed = 0;
        for (int t = 0; t < compiler.spec.types().size(); t++)
        {
            if (compiler.feeds(c, t))
            {
                only = t;
                fed++;
            }
        }
        if (compiler.feeds(c, type))
        {
            return type;
        }
        if (fed == 1)
        {
            return only;
        }
        throw new SpecException(at + ".to", -1, fed == 0 ? "channel " + channel.name() + " feeds no agents; " +
            "connect it to its recipients, e.g. {from: " + channel.name() + ", to: " + kind.spec().prefix() +
            "_*}" : "channel " + channel.name() + " feeds several types but not " + kind.spec().name() +
            "; a direct send goes to the sender's own type or the channel's one type");
    }
}
