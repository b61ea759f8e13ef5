package io.myriad.kernel.channel;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.layouts.CommandSchema;

/**
 * Publish/subscribe: named topics; receivers subscribe and unsubscribe during the run (commands, applied in batch
 * order like sends), and a message published on a topic goes to the topic's subscribers at the moment it is
 * published, but its publisher, each receiving its own copy in its inbox as on a {@link DirectChannel} (so
 * capacity counts copies). Subscribers are kept in order of (type, index), so copies are numbered the same on any
 * number of threads; a subscriber that dies is unsubscribed.
 */
public final class TopicChannel extends DirectChannel
{
    private final List<String> topics;
    private final long[][] subscribers;
    private final int[] counts;

    /**
     * @param name     the channel's name.
     * @param message  the messages' schema.
     * @param topics   the topics' names; a topic's number is its place here.
     * @param capacity the most message copies held at once.
     * @param policy   what a publication does when the channel is full.
     * @param latency  how long a message takes.
     */
    public TopicChannel(final String name, final CommandSchema message, final List<String> topics,
        final int capacity, final FullPolicy policy, final Latency latency)
    {
        super(name, message, capacity, policy, latency);
        if (topics.isEmpty())
        {
            throw new IllegalArgumentException("topic channel " + name + " needs at least one topic");
        }
        this.topics = List.copyOf(topics);
        this.subscribers = new long[topics.size()][];
        Arrays.fill(subscribers, new long[0]);
        this.counts = new int[topics.size()];
    }

    /**
     * {@inheritDoc}
     */
    public String kind()
    {
        return "topics";
    }

    /**
     * @return the topics' names, by number.
     */
    public List<String> topics()
    {
        return topics;
    }

    /**
     * @param name a topic's name.
     * @return its number, or -1 if the channel has no such topic.
     */
    public int topic(final String name)
    {
        return topics.indexOf(name);
    }

    /**
     * @param topic a topic's number.
     * @return how many agents subscribe to it now.
     */
    public int subscriberCount(final int topic)
    {
        return counts[topic];
    }

    /**
     * Appends a publication on a topic.
     *
     * @param outbox     the publisher's batch's outbox.
     * @param senderType the publisher's type id.
     * @param sender     the publisher's index.
     * @param topic      the topic's number.
     * @return where the message's bytes go in {@code outbox.buffer()}, for its codec to write.
     */
    public int publish(final Outbox outbox, final int senderType, final int sender, final int topic)
    {
        return append(outbox, CommandDescriptor.CHANNEL_PUBLISH, senderType, sender, -1, -1, topic);
    }

    /**
     * Appends a subscription: from the end of the phase the agent receives what is published on the topic.
     *
     * @param outbox the agent's batch's outbox.
     * @param type   the agent's type id.
     * @param agent  its index.
     * @param topic  the topic's number.
     */
    public void subscribe(final Outbox outbox, final int type, final int agent, final int topic)
    {
        append(outbox, CommandDescriptor.CHANNEL_SUBSCRIBE, type, agent, -1, -1, topic, 0);
    }

    /**
     * Appends the end of a subscription.
     *
     * @param outbox the agent's batch's outbox.
     * @param type   the agent's type id.
     * @param agent  its index.
     * @param topic  the topic's number.
     */
    public void unsubscribe(final Outbox outbox, final int type, final int agent, final int topic)
    {
        append(outbox, CommandDescriptor.CHANNEL_UNSUBSCRIBE, type, agent, -1, -1, topic, 0);
    }

    /**
     * {@inheritDoc}
     */
    public int apply(final Command command, final int op, final DirectBuffer buffer, final int payload)
    {
        final int topic = buffer.getInt(payload + CommandDescriptor.CHANNEL_ARGUMENT_OFFSET,
            ByteOrder.LITTLE_ENDIAN);
        if (topic < 0 || topic >= topics.size())
        {
            throw new IllegalStateException("topic channel " + name() + " has topics 0 to " + (topics.size() - 1) +
                ", not " + topic);
        }
        final long agent = pack(command.sourceType(), command.sourceIndex());
        switch (op)
        {
            case CommandDescriptor.CHANNEL_PUBLISH:
                return fanOut(command, buffer, payload, topic, agent);
            case CommandDescriptor.CHANNEL_SUBSCRIBE:
                if (!receivers().allows(command.sourceType(), command.sourceIndex()))
                {
                    denied++;
                    return Outcome.DENIED;
                }
                add(topic, agent);
                return Outcome.APPLIED;
            case CommandDescriptor.CHANNEL_UNSUBSCRIBE:
                remove(topic, agent);
                return Outcome.APPLIED;
            default:
                throw new IllegalStateException("topic channel " + name() + " takes no operation " + op);
        }
    }

    private int fanOut(final Command command, final DirectBuffer buffer, final int payload, final int topic,
        final long publisher)
    {
        if (!admits(command))
        {
            return Outcome.DENIED;
        }
        int outcome = Outcome.APPLIED;
        final long[] members = subscribers[topic];
        for (int i = 0, n = counts[topic]; i < n; i++)
        {
            final long member = members[i];
            if (member != publisher)
            {
                final int copied = store(command, buffer, payload, (int)(member >>> 32), (int)member, topic);
                outcome = copied == Outcome.APPLIED ? outcome : copied;
            }
        }
        return outcome;
    }

    /**
     * Unsubscribes an agent that died from every topic, and drops what it had not read.
     */
    public void agentGone(final int type, final int agent)
    {
        super.agentGone(type, agent);
        final long member = pack(type, agent);
        for (int topic = 0; topic < topics.size(); topic++)
        {
            remove(topic, member);
        }
    }

    private void add(final int topic, final long member)
    {
        final long[] members = subscribers[topic];
        final int n = counts[topic];
        final int at = Arrays.binarySearch(members, 0, n, member);
        if (at >= 0)
        {
            return;
        }
        final int insert = -at - 1;
        final long[] target = n == members.length ? Arrays.copyOf(members, Math.max(8, n * 2)) : members;
        System.arraycopy(members, insert, target, insert + 1, n - insert);
        target[insert] = member;
        subscribers[topic] = target;
        counts[topic] = n + 1;
    }

    private void remove(final int topic, final long member)
    {
        final long[] members = subscribers[topic];
        final int n = counts[topic];
        final int at = Arrays.binarySearch(members, 0, n, member);
        if (at >= 0)
        {
            System.arraycopy(members, at + 1, members, at, n - at - 1);
            counts[topic] = n - 1;
        }
    }

    /**
     * Type in the high word and index in the low, so that members sort by (type, index).
     */
    private static long pack(final int type, final int agent)
    {
        return ((long)type << 32) | (agent & 0xFFFF_FFFFL);
    }

    protected void hashReaders(final StateHasher hasher)
    {
        for (int topic = 0; topic < topics.size(); topic++)
        {
            hasher.word(counts[topic]).words(subscribers[topic], counts[topic]);
        }
    }

    protected void writeReaders(final PartWriter out)
    {
        out.putInt(topics.size());
        for (int topic = 0; topic < topics.size(); topic++)
        {
            out.putString(topics.get(topic)).putInt(counts[topic]).putLongs(subscribers[topic], counts[topic]);
        }
    }

    protected void readReaders(final PartReader in)
    {
        super.readReaders(in);
        in.expectInt("topic count", topics.size());
        for (int topic = 0; topic < topics.size(); topic++)
        {
            final String name = in.getString();
            if (!name.equals(topics.get(topic)))
            {
                throw in.fail("topic " + topic + " of channel " + name() + " was " + name + "; this run's is " +
                    topics.get(topic));
            }
            final int n = in.getInt();
            if (n < 0 || n > in.remaining() / Long.BYTES)
            {
                throw in.fail("topic " + name + " of channel " + name() + " has " + n + " subscribers");
            }
            subscribers[topic] = new long[Math.max(8, n)];
            in.getLongs(subscribers[topic], n);
            counts[topic] = n;
        }
    }
}
