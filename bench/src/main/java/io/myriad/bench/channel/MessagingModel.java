package io.myriad.bench.channel;

import java.util.List;

import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.channel.Access;
import io.myriad.kernel.channel.BroadcastChannel;
import io.myriad.kernel.channel.DirectChannel;
import io.myriad.kernel.channel.FullPolicy;
import io.myriad.kernel.channel.Inbox;
import io.myriad.kernel.channel.Latency;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

/**
 * Agents that only talk: each step every agent reads its inbox, adds up what it was sent, and sends one message of
 * 16 bytes, point to point to an agent computed from its index and the step, or to everybody on a broadcast
 * channel. Every message sent in a step is read in the next, so a step moves as many messages as there are agents
 * (point to point) or agents × (agents − 1) deliveries of one stored copy each (broadcast).
 */
public final class MessagingModel implements Model
{
    /** The message: a stamp and a value. */
    public static final CommandSchema PING = CommandSchema.builder("Ping", 1).field("stamp", FieldType.LONG)
        .field("value", FieldType.DOUBLE).build();
    private static final Schema TALKER = Schema.builder("Talker").field("sum", FieldType.DOUBLE).build();
    private static final int VALUE = PING.offset(1);
    private static final int STAMP = PING.offset(0);

    private final int agents;
    private final boolean broadcast;
    private final AgentType talkers;
    private final MessageChannel channel;

    /**
     * @param agents    how many agents talk.
     * @param broadcast true for a broadcast channel, false for point to point.
     */
    public MessagingModel(final int agents, final boolean broadcast)
    {
        this.agents = agents;
        this.broadcast = broadcast;
        this.talkers = AgentType.of("talker", TALKER, agents);
        // room for two steps of messages: those being read and those just sent
        this.channel = broadcast ?
            new BroadcastChannel("all", PING, 2 * agents, FullPolicy.REJECT, Latency.NEXT_STEP) :
            new DirectChannel("mail", PING, 2 * agents, FullPolicy.REJECT, Latency.NEXT_STEP);
        channel.senders(Access.types("talker")).receivers(Access.types("talker"));
    }

    /**
     * @return the channel, for its counters.
     */
    public MessageChannel channel()
    {
        return channel;
    }

    public List<AgentType> agentTypes()
    {
        return List.of(talkers);
    }

    public List<Part> parts()
    {
        return List.of(channel);
    }

    public void initialise(final World world)
    {
        world.store(talkers).spawn(agents);
    }

    /**
     * @return one phase: every agent reads, then sends.
     */
    public List<Phase> phases()
    {
        return List.of(new Phase()
        {
            public String name()
            {
                return "talk";
            }

            public AgentType sweeps()
            {
                return talkers;
            }

            public PhaseWorker newWorker(final World world)
            {
                final Inbox inbox = new Inbox(channel);
                return (batch) -> talk(batch, inbox);
            }
        });
    }

    private void talk(final BatchContext batch, final Inbox inbox)
    {
        final AgentStore store = batch.store();
        final MutableDirectBuffer sums = store.buffer(0);
        final int type = talkers.id();
        final long step = batch.step();
        final int n = agents;
        for (int i = batch.from(), end = batch.to(); i < end; i++)
        {
            double sum = 0;
            for (inbox.take(batch.outbox(), type, i); inbox.next(); )
            {
                sum += inbox.buffer().getDouble(inbox.offset() + VALUE);
            }
            final int at = store.offset(0, i);
            sums.putDouble(at, sums.getDouble(at) + sum);
            final int payload = broadcast ? ((BroadcastChannel)channel).send(batch.outbox(), type, i) :
                ((DirectChannel)channel).send(batch.outbox(), type, i, type, (int)((i * 7919L + step) % n));
            final MutableDirectBuffer out = batch.outbox().buffer();
            out.putLong(payload + STAMP, step);
            out.putDouble(payload + VALUE, 1.0);
        }
    }
}
