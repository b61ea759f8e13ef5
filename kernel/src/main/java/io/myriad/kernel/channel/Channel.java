package io.myriad.kernel.channel;

import org.agrona.DirectBuffer;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;

/**
 * A way for agents to communicate, as a part of the world: a broadcast, point-to-point or publish/subscribe
 * channel of messages ({@link MessageChannel}), or a region of shared memory ({@link SharedRegion}). Agents act on
 * a channel through their batch's outbox (a send, a write, a subscription is a kernel command applied in batch
 * order, so the outcome is the same on any number of threads) and read from it during a phase, when nothing
 * changes it. What a channel holds and its counters are hashed and checkpointed with the world.
 * <p>
 * A channel's number ({@link #id()}) is its place among the world's channels, in declaration order.
 */
public abstract class Channel implements Part
{
    private final String name;
    private int id = -1;
    private World world;
    /** Sends (or writes, or subscriptions) carried out. */
    protected long accepted;
    /** Sends refused because the channel was full and its policy is to reject. */
    protected long rejectedFull;
    /** Messages dropped to make room, or left unread by an agent that died. */
    protected long dropped;
    /** Acts refused because the agent may not do them here. */
    protected long denied;

    /**
     * @param name the channel's name, unique in its world.
     */
    protected Channel(final String name)
    {
        if (name == null || name.isBlank())
        {
            throw new IllegalArgumentException("a channel needs a name");
        }
        this.name = name;
    }

    /**
     * {@inheritDoc}
     */
    public final String name()
    {
        return name;
    }

    /**
     * @return the channel's number among its world's channels, which its commands carry; -1 before it joins one.
     */
    public final int id()
    {
        return id;
    }

    /**
     * @return the world the channel belongs to, once attached.
     */
    protected final World world()
    {
        return world;
    }

    /**
     * Takes the channel's number from its place among the world's channels.
     */
    public void attach(final World world)
    {
        this.world = world;
        int channel = 0;
        for (int p = 0; p < world.partCount(); p++)
        {
            if (world.part(p) == this)
            {
                id = channel;
            }
            else if (world.part(p) instanceof Channel)
            {
                channel++;
            }
        }
    }

    /**
     * @return the kind, as scenarios name it: {@code broadcast}, {@code direct}, {@code topics} or {@code shared}.
     */
    public abstract String kind();

    /**
     * Carries out one of the channel's commands ({@link io.myriad.kernel.command.CommandDescriptor#CHANNEL}), in the
     * apply stage.
     *
     * @param command the command, its sender as source.
     * @param op      what it asks, one of the {@code CHANNEL_*} operations of the command descriptor.
     * @param buffer  the command's bytes.
     * @param payload where its payload starts.
     * @return the outcome.
     */
    public abstract int apply(Command command, int op, DirectBuffer buffer, int payload);

    /**
     * Delivers the messages due at the start of a step, on the driving thread, before its first phase.
     *
     * @param step the step about to be computed.
     * @param time its sim time.
     * @param log  where to note each delivery for the journal, or null when it keeps none.
     */
    public void deliver(final long step, final double time, final Outbox log)
    {
    }

    /**
     * Marks what an agent read during a phase as read, in the apply stage.
     *
     * @param type  the agent's type id.
     * @param agent its index.
     */
    public void consume(final int type, final int agent)
    {
    }

    /**
     * @return sends, writes and subscriptions carried out so far.
     */
    public final long accepted()
    {
        return accepted;
    }

    /**
     * @return sends refused so far because the channel was full.
     */
    public final long rejectedFull()
    {
        return rejectedFull;
    }

    /**
     * @return messages dropped so far to make room, or left unread by agents that died.
     */
    public final long dropped()
    {
        return dropped;
    }

    /**
     * @return acts refused so far because the agent may not do them here (for a region: writes and reads).
     */
    public long denied()
    {
        return denied;
    }

    /**
     * @return messages delivered so far (for a region, 0).
     */
    public long delivered()
    {
        return 0;
    }

    /**
     * Folds the counters into a hash; subclasses call it first.
     *
     * @param hasher the world's hash.
     */
    protected final void hashCounters(final StateHasher hasher)
    {
        hasher.word(accepted).word(rejectedFull).word(dropped).word(denied);
    }

    /**
     * Writes the kind and the counters; subclasses call it first.
     *
     * @param out the section.
     */
    protected final void writeCounters(final PartWriter out)
    {
        out.putString(kind()).putLong(accepted).putLong(rejectedFull).putLong(dropped).putLong(denied);
    }

    /**
     * Reads what {@link #writeCounters(PartWriter)} wrote.
     *
     * @param in the section.
     */
    protected final void readCounters(final PartReader in)
    {
        final String kind = in.getString();
        if (!kind.equals(kind()))
        {
            throw in.fail("channel " + name + " was a " + kind + " channel; this run's is " + kind());
        }
        accepted = in.getLong();
        rejectedFull = in.getLong();
        dropped = in.getLong();
        denied = in.getLong();
    }
}
