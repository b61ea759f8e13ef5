package io.myriad.kernel.channel;

import static io.myriad.kernel.channel.MessageRing.DELIVERED;
import static io.myriad.kernel.channel.MessageRing.RECIPIENT;
import static io.myriad.kernel.channel.MessageRing.RECIPIENT_TYPE;
import static io.myriad.kernel.channel.MessageRing.RETIRED;

import java.util.Arrays;

import org.agrona.DirectBuffer;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.CommandSchema;

/**
 * Point to point: each message is for one agent, which the sender names (a neighbour, a partner, an agent it
 * computed). A message to an agent that is no receiver is refused ({@code denied}); to a dead one, as any command
 * aimed at a dead agent. Delivered messages wait in the recipient's inbox, a list through their slots in the order
 * they were sent, until it reads them; a message is freed when read, or dropped with its recipient's death.
 */
public class DirectChannel extends MessageChannel
{
    private static final int[] NONE = new int[0];

    private int[][] heads;
    private int[][] tails;

    /**
     * @param name     the channel's name.
     * @param message  the messages' schema.
     * @param capacity the most messages held at once.
     * @param policy   what a send does when the channel is full.
     * @param latency  how long a message takes.
     */
    public DirectChannel(final String name, final CommandSchema message, final int capacity,
        final FullPolicy policy, final Latency latency)
    {
        super(name, message, capacity, policy, latency);
    }

    /**
     * {@inheritDoc}
     */
    public String kind()
    {
        return "direct";
    }

    /**
     * {@inheritDoc}
     */
    public void attach(final World world)
    {
        super.attach(world);
        heads = new int[world.typeCount()][];
        tails = new int[world.typeCount()][];
        Arrays.fill(heads, NONE);
        Arrays.fill(tails, NONE);
    }

    /**
     * Appends a message to one agent.
     *
     * @param outbox        the sender's batch's outbox.
     * @param senderType    the sender's type id.
     * @param sender        the sender's index.
     * @param recipientType the recipient's type id.
     * @param recipient     the recipient's index.
     * @return where the message's bytes go in {@code outbox.buffer()}, for its codec to write.
     */
    public int send(final Outbox outbox, final int senderType, final int sender, final int recipientType,
        final int recipient)
    {
        return append(outbox, CommandDescriptor.CHANNEL_SEND, senderType, sender, recipientType, recipient, 0);
    }

    /**
     * {@inheritDoc}
     */
    public int apply(final Command command, final int op, final DirectBuffer buffer, final int payload)
    {
        if (op != CommandDescriptor.CHANNEL_SEND)
        {
            throw new IllegalStateException(kind() + " channel " + name() + " takes no operation " + op);
        }
        return sendTo(command, buffer, payload, command.targetType(), command.targetIndex(), 0);
    }

    /**
     * Stores a message for one recipient, after the checks every directed message passes.
     *
     * @return the outcome.
     */
    protected final int sendTo(final Command command, final DirectBuffer buffer, final int payload,
        final int recipientType, final int recipient, final int topic)
    {
        if (!admits(command))
        {
            return Outcome.DENIED;
        }
        if (!receivers().allows(recipientType, recipient))
        {
            denied++;
            return Outcome.DENIED;
        }
        final AgentStore store = world().store(recipientType);
        if (recipient >= store.highWaterMark() || !store.isAlive(recipient))
        {
            return Outcome.TARGET_DEAD;
        }
        return store(command, buffer, payload, recipientType, recipient, topic);
    }

    /**
     * {@inheritDoc}
     */
    protected final boolean delivering(final int slot)
    {
        final int type = ring.getInt(slot, RECIPIENT_TYPE);
        final int agent = ring.getInt(slot, RECIPIENT);
        if (type < 0)
        {
            return false;
        }
        link(type, agent, slot);
        return true;
    }

    private void link(final int type, final int agent, final int slot)
    {
        int[] head = heads[type];
        if (agent >= head.length)
        {
            final int length = Math.max(agent + 1, Math.max(16, head.length * 2));
            head = grow(head, length);
            heads[type] = head;
            tails[type] = grow(tails[type], length);
        }
        final int last = tails[type][agent];
        if (last < 0)
        {
            head[agent] = slot;
        }
        else
        {
            ring.link(last, slot);
        }
        tails[type][agent] = slot;
    }

    /**
     * {@inheritDoc}
     */
    protected final void unlink(final int slot)
    {
        final int type = ring.getInt(slot, RECIPIENT_TYPE);
        final int agent = ring.getInt(slot, RECIPIENT);
        final int next = ring.link(slot);
        heads[type][agent] = next;
        if (next < 0)
        {
            tails[type][agent] = -1;
        }
    }

    /**
     * {@inheritDoc}
     */
    public final void consume(final int type, final int agent)
    {
        final int[] head = heads[type];
        if (agent >= head.length)
        {
            return;
        }
        for (int slot = head[agent]; slot >= 0; slot = ring.link(slot))
        {
            ring.state(slot, RETIRED);
        }
        head[agent] = -1;
        tails[type][agent] = -1;
    }

    /**
     * Drops what was delivered to an agent that died, and counts it; what is still on its way to it is marked for
     * no one, so that it is dropped (and counted) when due, never handed to an agent born at the same index.
     */
    public void agentGone(final int type, final int agent)
    {
        final int[] head = heads[type];
        if (agent < head.length)
        {
            for (int slot = head[agent]; slot >= 0; slot = ring.link(slot))
            {
                dropped++;
            }
        }
        consume(type, agent);
        for (long s = ring.deliveredSequence(), end = ring.tailSequence(); s < end; s++)
        {
            final int slot = ring.slotOf(s);
            if (ring.getInt(slot, RECIPIENT) == agent && ring.getInt(slot, RECIPIENT_TYPE) == type)
            {
                ring.putInt(slot, RECIPIENT_TYPE, -1);
                ring.putInt(slot, RECIPIENT, -1);
            }
        }
    }

    /**
     * Frees the messages read at the head.
     */
    protected final void makeRoom()
    {
        ring.freeRetired();
    }

    final int first(final int type, final int agent)
    {
        final int[] head = heads[type];
        return agent < head.length ? head[agent] : -1;
    }

    final int next(final int slot, final int type, final int agent)
    {
        return ring.link(slot);
    }

    /**
     * Nothing beyond the messages: the inboxes are rebuilt from them.
     */
    protected void hashReaders(final StateHasher hasher)
    {
    }

    protected void writeReaders(final PartWriter out)
    {
    }

    /**
     * Rebuilds every inbox from the delivered messages held, in the order they were sent.
     */
    protected void readReaders(final PartReader in)
    {
        for (int type = 0; type < heads.length; type++)
        {
            Arrays.fill(heads[type], -1);
            Arrays.fill(tails[type], -1);
        }
        for (long s = ring.headSequence(), end = ring.deliveredSequence(); s < end; s++)
        {
            final int slot = ring.slotOf(s);
            if (ring.state(slot) == DELIVERED)
            {
                link(ring.getInt(slot, RECIPIENT_TYPE), ring.getInt(slot, RECIPIENT), slot);
            }
        }
    }

    private static int[] grow(final int[] array, final int length)
    {
        final int[] grown = Arrays.copyOf(array, length);
        Arrays.fill(grown, array.length, length, -1);
        return grown;
    }
}
