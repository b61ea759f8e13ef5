package io.myriad.plugins.declared;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.myriad.kernel.channel.Access;
import io.myriad.kernel.channel.BroadcastChannel;
import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.channel.DirectChannel;
import io.myriad.kernel.channel.FullPolicy;
import io.myriad.kernel.channel.Latency;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.channel.SharedRegion;
import io.myriad.kernel.channel.TopicChannel;
import io.myriad.kernel.space.grid.Grid2D;
import io.myriad.kernel.space.grid.MultipleOccupancy;
import io.myriad.kernel.space.grid.Topology;
import io.myriad.plugins.declared.DeclaredSpec.ChannelSpec;
import io.myriad.plugins.declared.DeclaredSpec.ConnectionSpec;
import io.myriad.plugins.declared.DeclaredSpec.FieldSpec;
import io.myriad.plugins.declared.DeclaredSpec.TypeSpec;
import io.myriad.layouts.CommandSchema;

/**
 * Turns a {@link DeclaredSpec} into the parts a {@link DeclaredModel} runs: the kernel's channels with the access
 * its connections give, then each type's {@link AgentKind} ({@link KindCompiler}). Every fault is a
 * {@link SpecException} naming its place in the declaration.
 */
final class Compiler
{
    final DeclaredSpec spec;
    final List<String> symbols = new ArrayList<>();
    final List<Channel> channels = new ArrayList<>();
    final List<ChannelSpec> channelSpecs;
    /** The agents' grid, or null when the declaration has no space. */
    final Grid2D grid;
    /** Per type, its agents by cell, rebuilt every step; null without a space. */
    final MultipleOccupancy[] byCell;
    private final Access[] senders;
    private final Access[] receivers;
    private final boolean[][] feeds;
    private final boolean[][] sends;

    Compiler(final DeclaredSpec spec)
    {
        this.spec = spec;
        this.channelSpecs = spec.channels();
        checkTypes();
        this.grid = grid(spec.space());
        this.byCell = new MultipleOccupancy[spec.types().size()];
        for (int t = 0; grid != null && t < byCell.length; t++)
        {
            byCell[t] = grid.multipleOccupancy(spec.types().get(t).name(), spec.types().get(t).count());
        }
        this.senders = new Access[channelSpecs.size()];
        this.receivers = new Access[channelSpecs.size()];
        this.feeds = new boolean[channelSpecs.size()][spec.types().size()];
        this.sends = new boolean[channelSpecs.size()][spec.types().size()];
        for (int c = 0; c < channelSpecs.size(); c++)
        {
            senders[c] = Access.of();
            receivers[c] = Access.of();
            channels.add(channel(c, channelSpecs.get(c)));
        }
        connect();
    }

    /**
     * @return the number of a symbol, from 1, added if new.
     */
    int symbol(final String text)
    {
        final int at = symbols.indexOf(text);
        if (at >= 0)
        {
            return at + 1;
        }
        symbols.add(text);
        return symbols.size();
    }

    /**
     * @return the channel of that name's place, or -1.
     */
    int channelIndex(final String name)
    {
        for (int c = 0; c < channelSpecs.size(); c++)
        {
            if (channelSpecs.get(c).name().equals(name))
            {
                return c;
            }
        }
        return -1;
    }

    /**
     * @return true if some agents of the type receive from the channel.
     */
    boolean feeds(final int channel, final int type)
    {
        return feeds[channel][type];
    }

    /**
     * @return true if some agents of the type send to (or write) the channel.
     */
    boolean sends(final int channel, final int type)
    {
        return sends[channel][type];
    }

    /**
     * @return the types' names, for messages.
     */
    List<String> typeNames()
    {
        return spec.types().stream().map(TypeSpec::name).toList();
    }

    private void checkTypes()
    {
        if (spec.types().isEmpty())
        {
            throw new SpecException("agents", -1, "declares no agent type; declare one, e.g. 'Greeter: {count: 2}'");
        }
        final Set<String> names = new HashSet<>();
        final Set<String> prefixes = new HashSet<>();
        for (final TypeSpec type : spec.types())
        {
            final String path = "agents." + type.name();
            if (!names.add(type.name()))
            {
                throw new SpecException(path, -1, "is declared twice");
            }
            if (!prefixes.add(type.prefix()))
            {
                throw new SpecException(path + ".prefix", -1, "'" + type.prefix() + "' is the prefix of another " +
                    "type too; give each type its own");
            }
            if (type.count() < 1)
            {
                throw new SpecException(path + ".count", -1, "is " + type.count() + "; a type needs at least 1 agent");
            }
            if (type.fields().isEmpty())
            {
                throw new SpecException(path + ".fields", -1, "declares no field; an agent type keeps at least " +
                    "one, e.g. fields: {greeted: int}");
            }
            fields(type.fields(), path + ".fields");
        }
    }

    private static Grid2D grid(final DeclaredSpec.SpaceSpec space)
    {
        if (space == null)
        {
            return null;
        }
        if (space.width() < 1 || space.height() < 1 || (long)space.width() * space.height() > Grid2D.MAX_CELLS)
        {
            throw new SpecException("space", -1, "is " + space.width() + " x " + space.height() + " cells; a grid " +
                "has at least 1 cell a side and at most " + Grid2D.MAX_CELLS + " cells");
        }
        final String topology = space.topology() == null ? "torus" : space.topology();
        if (!topology.equals("torus") && !topology.equals("bounded"))
        {
            throw new SpecException("space.topology", -1, "is " + topology + "; it is torus or bounded");
        }
        return new Grid2D("space", space.width(), space.height(),
            topology.equals("torus") ? Topology.TORUS : Topology.BOUNDED);
    }

    private static void fields(final List<FieldSpec> fields, final String path)
    {
        final Set<String> names = new HashSet<>();
        for (final FieldSpec field : fields)
        {
            if (!names.add(field.name()))
            {
                throw new SpecException(path + "." + field.name(), -1, "is declared twice");
            }
            if (!field.name().matches("[A-Za-z_][A-Za-z0-9_]*") || List.of("step", "index", "id", "count", "true",
                "false", "sender", "and", "or", "not", "channel", "to", "topic", "x", "y", "cell")
                .contains(field.name()))
            {
                throw new SpecException(path + "." + field.name(), -1, "is not a name a field may have: use " +
                    "letters, digits and _, not starting with a digit, and none of step, index, id, count, true, " +
                    "false, sender, and, or, not, channel, to, topic, x, y, cell");
            }
            if (Values.storage(field.type()) == null)
            {
                throw new SpecException(path + "." + field.name() + ".type", -1, "is " + field.type() +
                    "; a field's type is one of " + String.join(", ", Values.TYPES));
            }
        }
    }

    private Channel channel(final int index, final ChannelSpec channel)
    {
        final String path = "channels." + channel.name();
        if (channelIndex(channel.name()) != index)
        {
            throw new SpecException(path, -1, "is declared twice");
        }
        fields(channel.message(), path + (channel.kind().equals("shared") ? ".record" : ".message"));
        final CommandSchema.Builder builder = CommandSchema.builder(channel.name(), index + 1);
        for (final FieldSpec field : channel.message())
        {
            builder.field(field.name(), Values.storage(field.type()));
        }
        final CommandSchema schema = builder.build();
        if (channel.kind().equals("shared"))
        {
            if (channel.records() < 1)
            {
                throw new SpecException(path + ".records", -1, "is " + channel.records() + "; a region holds at " +
                    "least 1 record");
            }
            try
            {
                return new SharedRegion(channel.name(), schema, channel.records()).readers(receivers[index])
                    .writers(senders[index]);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new SpecException(path + ".records", -1, ex.getMessage());
            }
        }
        if (channel.message().isEmpty())
        {
            throw new SpecException(path + ".message", -1, "declares no field; a message carries at least one, " +
                "e.g. message: {word: symbol}");
        }
        final FullPolicy policy = FullPolicy.ofLabel(channel.full() == null ? "reject" : channel.full());
        if (policy == null)
        {
            throw new SpecException(path + ".full", -1, "is " + channel.full() + "; it is reject or drop_oldest");
        }
        final Latency latency;
        try
        {
            latency = new Latency(channel.latency(), !channel.seconds());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new SpecException(path + ".latency", -1, ex.getMessage());
        }
        final MessageChannel made;
        try
        {
            made = switch (channel.kind())
            {
                case "broadcast" ->
                    new BroadcastChannel(channel.name(), schema, channel.capacity(), policy, latency);
                case "direct" -> new DirectChannel(channel.name(), schema, channel.capacity(), policy, latency);
                case "topics" ->
                {
                    if (channel.topics() == null || channel.topics().isEmpty())
                    {
                        throw new SpecException(path + ".topics", -1, "names no topic; a topics channel needs a " +
                            "list of them, e.g. [news, gossip]");
                    }
                    yield new TopicChannel(channel.name(), schema, channel.topics(), channel.capacity(), policy,
                        latency);
                }
                default -> throw new SpecException(path + ".kind", -1, "is " + channel.kind() + "; a channel is " +
                    "broadcast, direct, topics or shared");
            };
        }
        catch (final IllegalArgumentException ex)
        {
            // the capacity: below 1, or more messages than one allocation holds
            throw new SpecException(path + ".capacity", -1, ex.getMessage());
        }
        return made.senders(senders[index]).receivers(receivers[index]);
    }

    private void connect()
    {
        final List<ConnectionSpec> connections = spec.connections();
        for (int k = 0; k < connections.size(); k++)
        {
            final ConnectionSpec connection = connections.get(k);
            final String path = "connections[" + k + "]";
            final int from = channelIndex(connection.from());
            final int to = channelIndex(connection.to());
            if (from >= 0 && to >= 0)
            {
                throw new SpecException(path, -1, "connects channel " + connection.from() + " to channel " +
                    connection.to() + "; a connection joins agents and a channel");
            }
            if (from < 0 && to < 0)
            {
                throw new SpecException(path, -1, "names no channel: one of from (" + connection.from() + ") and " +
                    "to (" + connection.to() + ") must be one of " + channelSpecs.stream().map(ChannelSpec::name)
                    .toList());
            }
            if (to >= 0)
            {
                final Selection selection = Selection.of(connection.from(), spec.types(), path + ".from");
                selection.addTo(senders[to], spec.types());
                for (int t = 0; t < spec.types().size(); t++)
                {
                    sends[to][t] |= selection.names(t);
                }
            }
            else
            {
                final Selection selection = Selection.of(connection.to(), spec.types(), path + ".to");
                selection.addTo(receivers[from], spec.types());
                for (int t = 0; t < spec.types().size(); t++)
                {
                    feeds[from][t] |= selection.names(t);
                }
            }
        }
    }

    /**
     * @param pattern an id pattern.
     * @param type    a type's index.
     * @param path    where the pattern is.
     * @return the indices of that type it names, null for all, or an empty set for none.
     */
    BitSet select(final String pattern, final int type, final String path)
    {
        final Selection selection = Selection.of(pattern, spec.types(), path);
        return selection.names(type) ? selection.indices(type) : new BitSet();
    }
}
