package io.myriad.kernel.channel;

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
 * A message from any sender reaches every receiver but its sender, all of them reading the one copy the channel
 * holds. Each receiver keeps a cursor, the number of the first message it has still to read; a message is freed
 * once every live receiver's cursor has passed it (worked out only when the channel is full, by one pass over the
 * receivers). An agent born during the run reads the messages delivered from its birth on.
 */
public final class BroadcastChannel extends MessageChannel
{
    private static final long[] NONE = new long[0];

    private long[][] cursors;
    /** True when a receiver read, was born or died since the last pass over the receivers found nothing to free. */
    private boolean readSinceScan = true;

    /**
     * @param name     the channel's name.
     * @param message  the messages' schema.
     * @param capacity the most messages held at once.
     * @param policy   what a send does when the channel is full.
     * @param latency  how long a message takes.
     */
    public BroadcastChannel(final String name, final CommandSchema message, final int capacity,
        final FullPolicy policy, final Latency latency)
    {
        super(name, message, capacity, policy, latency);
    }

    /**
     * {@inheritDoc}
     */
    public String kind()
    {
        return "broadcast";
    }

    /**
     * {@inheritDoc}
     */
    public void attach(final World world)
    {
        super.attach(world);
        cursors = new long[world.typeCount()][];
        Arrays.fill(cursors, NONE);
    }

    /**
     * Appends a message to every receiver.
     *
     * @param outbox     the sender's batch's outbox.
     * @param senderType the sender's type id.
     * @param sender     the sender's index.
     * @return where the message's bytes go in {@code outbox.buffer()}, for its codec to write.
     */
    public int send(final Outbox outbox, final int senderType, final int sender)
    {
        return append(outbox, CommandDescriptor.CHANNEL_SEND, senderType, sender, -1, -1, 0);
    }

    /**
     * {@inheritDoc}
     */
    public int apply(final Command command, final int op, final DirectBuffer buffer, final int payload)
    {
        if (op != CommandDescriptor.CHANNEL_SEND)
        {
            throw new IllegalStateException("broadcast channel " + name() + " takes sends, not operation " + op);
        }
        if (!admits(command))
        {
            return Outcome.DENIED;
        }
        return store(command, buffer, payload, -1, -1, 0);
    }

    /**
     * {@inheritDoc}
     */
    public void consume(final int type, final int agent)
    {
        if (receivers().allows(type, agent))
        {
            cursors(type, agent)[agent] = ring.deliveredSequence();
            readSinceScan = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void agentBorn(final int type, final int agent)
    {
        if (receivers().mentions(type))
        {
            cursors(type, agent)[agent] = ring.deliveredSequence();
            readSinceScan = true;
        }
    }

    /**
     * A receiver that dies no longer holds messages back.
     */
    public void agentGone(final int type, final int agent)
    {
        readSinceScan = true;
    }

    /**
     * Frees the messages every live receiver has read.
     */
    protected void makeRoom()
    {
        if (!readSinceScan && ring.headSequence() < ring.deliveredSequence())
        {
            // nothing read since the last pass freed what it could: a full channel refuses its sends in constant
            // time instead of passing over every receiver again
            return;
        }
        readSinceScan = false;
        long least = ring.deliveredSequence();
        final World world = world();
        for (int type = 0; type < cursors.length; type++)
        {
            if (!receivers().mentions(type))
            {
                continue;
            }
            final AgentStore store = world.store(type);
            final long[] read = cursors[type];
            for (int i = 0, end = store.highWaterMark(); i < end && least > ring.headSequence(); i++)
            {
                if (store.isAlive(i) && receivers().allows(type, i))
                {
                    least = Math.min(least, i < read.length ? read[i] : 0);
                }
            }
        }
        ring.freeBefore(Math.max(least, ring.headSequence()));
        if (ring.headSequence() == ring.deliveredSequence())
        {
            // every delivered message is freed: deliveries to come make a pass worth its while again
            readSinceScan = true;
        }
    }

    int first(final int type, final int agent)
    {
        if (!receivers().allows(type, agent))
        {
            return -1;
        }
        final long[] read = cursors[type];
        final long from = Math.max(agent < read.length ? read[agent] : 0, ring.headSequence());
        if (from >= ring.deliveredSequence())
        {
            return -1;
        }
        final int slot = ring.slotOf(from);
        return isOwn(slot, type, agent) ? next(slot, type, agent) : slot;
    }

    int next(final int slot, final int type, final int agent)
    {
        final MessageRing ring = this.ring;
        final long end = ring.deliveredSequence();
        long sequence = ring.getLong(slot, MessageRing.SEQUENCE);
        int at = slot;
        while (++sequence < end)
        {
            at = ring.following(at);
            if (!isOwn(at, type, agent))
            {
                return at;
            }
        }
        return -1;
    }

    private boolean isOwn(final int slot, final int type, final int agent)
    {
        return ring.getInt(slot, MessageRing.SENDER) == agent && ring.getInt(slot, MessageRing.SENDER_TYPE) == type;
    }

    protected void hashReaders(final StateHasher hasher)
    {
        for (final long[] read : cursors)
        {
            hasher.words(read, used(read));
        }
    }

    protected void writeReaders(final PartWriter out)
    {
        for (final long[] read : cursors)
        {
            final int used = used(read);
            out.putInt(used).putLongs(read, used);
        }
    }

    protected void readReaders(final PartReader in)
    {
        for (int type = 0; type < cursors.length; type++)
        {
            final int used = in.getInt();
            if (used < 0 || used > in.remaining() / Long.BYTES)
            {
                throw in.fail("channel " + name() + " has " + used + " cursors of type " + type);
            }
            cursors[type] = new long[used];
            in.getLongs(cursors[type], used);
        }
    }

    /**
     * @return cursors up to the last that is not zero, so that room taken for agents never born changes nothing.
     */
    private static int used(final long[] read)
    {
        int used = read.length;
        while (used > 0 && read[used - 1] == 0)
        {
            used--;
        }
        return used;
    }

    private long[] cursors(final int type, final int agent)
    {
        long[] read = cursors[type];
        if (agent >= read.length)
        {
            read = Arrays.copyOf(read, Math.max(agent + 1, Math.max(16, read.length * 2)));
            cursors[type] = read;
        }
        return read;
    }
}
