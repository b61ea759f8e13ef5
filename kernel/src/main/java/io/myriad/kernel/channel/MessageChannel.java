package io.myriad.kernel.channel;

import static io.myriad.kernel.channel.MessageRing.DELIVERED;
import static io.myriad.kernel.channel.MessageRing.DUE;
import static io.myriad.kernel.channel.MessageRing.SENT_STEP;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;
import io.myriad.layouts.CommandSchema;

/**
 * A channel of messages: fixed-size records of one schema (declared like a command, {@code @Command}), held
 * off-heap in a {@link MessageRing} of the channel's capacity from their send until every agent they are for has
 * read them. A send is a command applied in batch order, so messages are numbered and ordered the same on any
 * number of threads; it is refused ({@code denied}) from an agent that is not among the senders, and when the
 * channel is full it is refused ({@code channel_full}) or makes room by dropping the oldest message, as the policy
 * says. At the start of each step the messages due by the latency are delivered; an agent reads what was delivered
 * to it through an {@link Inbox} when it is next activated, and a read message is never read again.
 */
public abstract class MessageChannel extends Channel implements AutoCloseable
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final CommandSchema message;
    private final int capacity;
    private final FullPolicy policy;
    private final Latency latency;
    private Access senders = Access.of();
    private Access receivers = Access.of();
    /** The messages held; created when the channel joins its world. */
    protected MessageRing ring;
    private long delivered;

    /**
     * @param name     the channel's name.
     * @param message  the messages' schema: its generated codec's {@code SCHEMA}, or one built at run time.
     * @param capacity the most messages held at once.
     * @param policy   what a send does when the channel is full.
     * @param latency  how long a message takes.
     * @throws IllegalArgumentException if the capacity is below 1 or more than one allocation holds.
     */
    protected MessageChannel(final String name, final CommandSchema message, final int capacity,
        final FullPolicy policy, final Latency latency)
    {
        super(name);
        MessageRing.checkCapacity(capacity, message.length(), name);
        this.message = message;
        this.capacity = capacity;
        this.policy = policy;
        this.latency = latency;
    }

    /**
     * @param access who may send; no one unless given.
     * @return this channel.
     */
    public MessageChannel senders(final Access access)
    {
        this.senders = access;
        return this;
    }

    /**
     * @param access who may receive; no one unless given.
     * @return this channel.
     */
    public MessageChannel receivers(final Access access)
    {
        this.receivers = access;
        return this;
    }

    /**
     * Binds the senders and receivers to the world's types and takes the channel's memory.
     */
    public void attach(final World world)
    {
        super.attach(world);
        senders.bind(world, name(), "senders");
        receivers.bind(world, name(), "receivers");
        if (ring == null)
        {
            ring = new MessageRing(capacity, message.length(), name());
        }
    }

    /**
     * @return the messages' schema.
     */
    public CommandSchema message()
    {
        return message;
    }

    /**
     * @return the most messages held at once.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return what a send does when the channel is full.
     */
    public FullPolicy policy()
    {
        return policy;
    }

    /** @return how long a message takes. */
    public Latency latency()
    {
        return latency;
    }

    /** @return who may send. */
    public Access senders()
    {
        return senders;
    }

    /** @return who may receive. */
    public Access receivers()
    {
        return receivers;
    }

    /**
     * Between steps: how many messages the channel holds, delivered and not yet read by all they are for, or on
     * their way (it frees what has been read first, which changes nothing a run sees).
     *
     * @return messages held now.
     */
    public int size()
    {
        makeRoom();
        return ring.size();
    }

    /**
     * @return messages sent so far, counting every copy of a published message once per subscriber.
     */
    public long sent()
    {
        return accepted;
    }

    /**
     * {@inheritDoc}
     */
    public long delivered()
    {
        return delivered;
    }

    /**
     * Appends a message to a batch's outbox: the payload's offset is returned for the message's codec to write.
     *
     * @param outbox        the batch's outbox.
     * @param op            the operation.
     * @param senderType    the sender's type id.
     * @param sender        the sender's index.
     * @param recipientType the recipient's type id, or -1.
     * @param recipient     the recipient's index, or -1.
     * @param argument      the topic, for a publication.
     * @return where the message's bytes go in {@code outbox.buffer()}.
     */
    protected final int append(final Outbox outbox, final int op, final int senderType, final int sender,
        final int recipientType, final int recipient, final int argument)
    {
        return append(outbox, op, senderType, sender, recipientType, recipient, argument, message.length());
    }

    /**
     * Appends one of the channel's commands with bytes of the given length after its header.
     *
     * @return where those bytes go in {@code outbox.buffer()}.
     */
    protected final int append(final Outbox outbox, final int op, final int senderType, final int sender,
        final int recipientType, final int recipient, final int argument, final int length)
    {
        final int payload = outbox.command(CommandDescriptor.CHANNEL,
            CommandDescriptor.CHANNEL_HEADER_LENGTH + length, recipientType, recipient, senderType, sender);
        final MutableDirectBuffer buffer = outbox.buffer();
        buffer.putInt(payload + CommandDescriptor.CHANNEL_ID_OFFSET, id(), ORDER);
        buffer.putInt(payload + CommandDescriptor.CHANNEL_OP_OFFSET, op, ORDER);
        buffer.putInt(payload + CommandDescriptor.CHANNEL_ARGUMENT_OFFSET, argument, ORDER);
        return payload + CommandDescriptor.CHANNEL_HEADER_LENGTH;
    }

    /**
     * @param command a send.
     * @return true if its sender may send here; counts a refusal.
     */
    protected final boolean admits(final Command command)
    {
        if (senders.allows(command.sourceType(), command.sourceIndex()))
        {
            return true;
        }
        denied++;
        return false;
    }

    /**
     * Stores one message, making room as the policy says.
     *
     * @param command       the send.
     * @param buffer        its bytes.
     * @param payload       where its payload starts.
     * @param recipientType the recipient's type, or -1 for every receiver.
     * @param recipient     the recipient's index, or -1.
     * @param topic         its topic, or 0.
     * @return {@link Outcome#APPLIED}, or {@link Outcome#CHANNEL_FULL}.
     */
    protected final int store(final Command command, final DirectBuffer buffer, final int payload,
        final int recipientType, final int recipient, final int topic)
    {
        if (ring.isFull())
        {
            makeRoom();
            if (ring.isFull())
            {
                if (policy == FullPolicy.REJECT)
                {
                    rejectedFull++;
                    return Outcome.CHANNEL_FULL;
                }
                if (ring.state(ring.headSlot()) == DELIVERED)
                {
                    unlink(ring.headSlot());
                }
                ring.dropHead();
                dropped++;
            }
        }
        final long step = command.step();
        final double time = world().simTime(step);
        final double due = latency.inSteps() ? step + latency.amount() : time + latency.amount();
        final int slot = ring.claim(step, time, due, command.sourceType(), command.sourceIndex(), recipientType,
            recipient, topic);
        ring.copyIn(slot, buffer, payload + CommandDescriptor.CHANNEL_HEADER_LENGTH);
        accepted++;
        return Outcome.APPLIED;
    }

    /**
     * Frees what every receiver has read, so that a full channel may take another message.
     */
    protected abstract void makeRoom();

    /**
     * Forgets a delivered message about to be dropped: it is the oldest its recipient holds.
     *
     * @param slot its slot.
     */
    protected void unlink(final int slot)
    {
    }

    /**
     * Hands a message to its recipient at delivery.
     *
     * @param slot its slot.
     * @return false if the message is for no one any more (its recipient died on its way): it is dropped.
     */
    protected boolean delivering(final int slot)
    {
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public final void deliver(final long step, final double time, final Outbox log)
    {
        final MessageRing ring = this.ring;
        final double now = latency.inSteps() ? step : time;
        while (ring.deliveredSequence() < ring.tailSequence())
        {
            final int slot = ring.deliveredSlot();
            if (ring.getLong(slot, SENT_STEP) >= step || ring.getDouble(slot, DUE) > now)
            {
                break;
            }
            final boolean kept = delivering(slot);
            ring.deliverNext();
            if (!kept)
            {
                ring.state(slot, MessageRing.RETIRED);
                dropped++;
                continue;
            }
            delivered++;
            if (log != null)
            {
                ring.note(log, slot, id());
            }
        }
    }

    /**
     * Folds the counters and every message held into the hash (not where in the ring each lies), then the
     * receivers' state.
     */
    public final void hash(final StateHasher hasher)
    {
        makeRoom();
        hashCounters(hasher);
        hasher.word(delivered);
        RingSections.hash(ring, hasher);
        hashReaders(hasher);
    }

    /**
     * Writes the configuration, the counters and every message held, then the receivers' state.
     */
    public final void write(final PartWriter out)
    {
        makeRoom();
        writeCounters(out);
        out.putInt(capacity).putInt(message.length()).putLong(delivered);
        RingSections.write(ring, out);
        writeReaders(out);
    }

    /**
     * {@inheritDoc}
     */
    public final void read(final PartReader in)
    {
        readCounters(in);
        in.expectInt("capacity", capacity);
        in.expectInt("message length", message.length());
        delivered = in.getLong();
        RingSections.read(ring, in, name());
        readReaders(in);
        in.expectEnd();
    }

    /**
     * Folds what the receivers have read (cursors, subscriptions) into the hash.
     *
     * @param hasher the world's hash.
     */
    protected abstract void hashReaders(StateHasher hasher);

    /**
     * Writes what the receivers have read.
     *
     * @param out the section.
     */
    protected abstract void writeReaders(PartWriter out);

    /**
     * Reads what {@link #writeReaders(PartWriter)} wrote and rebuilds what is derived from the messages held.
     *
     * @param in the section.
     */
    protected abstract void readReaders(PartReader in);

    /**
     * @param type  an agent's type id.
     * @param agent its index.
     * @return the slot of the first message delivered to it and not yet read, or -1.
     */
    abstract int first(int type, int agent);

    /**
     * @param slot  a message the agent is reading.
     * @param type  the agent's type id.
     * @param agent its index.
     * @return the slot of its next message, or -1.
     */
    abstract int next(int slot, int type, int agent);

    /**
     * Frees the channel's memory.
     */
    public void close()
    {
        if (ring != null)
        {
            ring.close();
            ring = null;
        }
    }
}
