package io.myriad.kernel.channel;

import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.command.Outbox;

/**
 * Reads one agent's messages on one channel during a phase: a flyweight a worker keeps (one per channel it reads)
 * and moves from agent to agent. {@link #take} opens the agent's inbox and marks what it holds read, from the
 * apply stage on; {@link #peek} opens it without marking. Messages come in the order they were sent:
 * <pre>{@code
 * for (inbox.take(ctx.outbox(), type, agent); inbox.next(); )
 * {
 *     greeting.wrap(inbox.buffer(), inbox.offset());
 *     ...
 * }
 * }</pre>
 * Allocates nothing; padded, so that workers moving theirs from agent to agent never share a cache line.
 */
public final class Inbox extends InboxFields
{
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

    private final MessageChannel channel;
    private final MutableDirectBuffer buffer;

    /**
     * @param channel the channel to read, joined to its world.
     */
    public Inbox(final MessageChannel channel)
    {
        if (channel.ring == null)
        {
            throw new IllegalStateException("channel " + channel.name() + " has not joined a world yet");
        }
        this.channel = channel;
        this.buffer = channel.ring.buffer();
    }

    /**
     * Opens an agent's inbox and marks every message in it read once the phase is applied.
     *
     * @param outbox the batch's outbox, which carries the mark.
     * @param type   the agent's type id.
     * @param agent  its index.
     * @return this inbox, before its first message.
     */
    public Inbox take(final Outbox outbox, final int type, final int agent)
    {
        outbox.read(channel.id(), type, agent);
        return peek(type, agent);
    }

    /**
     * Opens an agent's inbox without marking anything read.
     *
     * @param type  the agent's type id.
     * @param agent its index.
     * @return this inbox, before its first message.
     */
    public Inbox peek(final int type, final int agent)
    {
        this.type = type;
        this.agent = agent;
        this.slot = -1;
        this.started = false;
        return this;
    }

    /**
     * Moves to the next message.
     *
     * @return false when there is none.
     */
    public boolean next()
    {
        if (!started)
        {
            started = true;
            slot = channel.first(type, agent);
        }
        else if (slot >= 0)
        {
            slot = channel.next(slot, type, agent);
        }
        return slot >= 0;
    }

    /**
     * @return the buffer holding the message, for its codec to wrap; read it, never write it (a broadcast's
     *         receivers share one copy, and the journal and the state hash see it).
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return where the message's bytes start in {@link #buffer()}.
     */
    public int offset()
    {
        return channel.ring.payloadOffset(slot);
    }

    /**
     * @return the sender's type id.
     */
    public int senderType()
    {
        return channel.ring.getInt(slot, MessageRing.SENDER_TYPE);
    }

    /**
     * @return the sender's index.
     */
    public int sender()
    {
        return channel.ring.getInt(slot, MessageRing.SENDER);
    }

    /**
     * @return the sim time the message was sent at.
     */
    public double sentTime()
    {
        return channel.ring.getDouble(slot, MessageRing.SENT_TIME);
    }

    /**
     * @return the step the message was sent in.
     */
    public long sentStep()
    {
        return channel.ring.getLong(slot, MessageRing.SENT_STEP);
    }

    /**
     * @return the message's number in its channel.
     */
    public long sequence()
    {
        return channel.ring.getLong(slot, MessageRing.SEQUENCE);
    }

    /**
     * @return the topic it was published on (topic channels), else 0.
     */
    public int topic()
    {
        return channel.ring.getInt(slot, MessageRing.TOPIC);
    }
}
