package io.myriad.kernel.channel;

import java.util.ArrayList;
import java.util.List;

import io.myriad.kernel.model.BatchContext;
import io.myriad.kernel.model.Model;
import io.myriad.kernel.model.Phase;
import io.myriad.kernel.model.PhaseWorker;
import io.myriad.kernel.world.AgentType;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;
import io.myriad.layouts.Schema;

/**
 * A test model of agents that talk through channels: talkers (and one keeper, for permissions), the channels the
 * test gives, and one phase per type that runs the test's script for each live agent. A talker's {@code digest}
 * folds in, in order, every message it reads, so that its state shows what arrived and in which order.
 */
final class ChatModel implements Model
{
    static final Schema TALKER = Schema.builder("Talker").field("digest", FieldType.LONG)
        .field("heard", FieldType.LONG).build();

    /**
     * What one agent does in a step.
     */
    interface Script
    {
        void act(BatchContext batch, Readers readers, int type, int agent);
    }

    /**
     * A worker's inboxes, one per message channel, in the order the model's channels are given.
     */
    static final class Readers
    {
        final List<Inbox> inboxes = new ArrayList<>();
        final NoteCodec note = new NoteCodec();

        Inbox inbox(final int index)
        {
            return inboxes.get(index);
        }

        /**
         * Reads (takes) an agent's inbox on one channel, folding each message into its digest; returns how many.
         */
        int read(final BatchContext batch, final int channel, final int type, final int agent)
        {
            final AgentStore store = batch.world().store(type);
            long digest = store.buffer(0).getLong(store.offset(0, agent));
            long heard = store.buffer(1).getLong(store.offset(1, agent));
            int n = 0;
            for (final Inbox inbox = inboxes.get(channel).take(batch.outbox(), type, agent); inbox.next(); )
            {
                note.wrap(inbox.buffer(), inbox.offset());
                digest = digest * 31 + note.stamp() + 7L * inbox.sender();
                heard++;
                n++;
            }
            store.buffer(0).putLong(store.offset(0, agent), digest);
            store.buffer(1).putLong(store.offset(1, agent), heard);
            return n;
        }
    }

    final AgentType talkers;
    final AgentType keepers;
    private final int count;
    private final List<Channel> channels;
    private final Script script;

    ChatModel(final int count, final List<Channel> channels, final Script script)
    {
        this.count = count;
        this.talkers = AgentType.growing("talker", TALKER, count, 4 * count);
        this.keepers = AgentType.of("keeper", TALKER, 1);
        this.channels = channels;
        this.script = script;
    }

    public List<AgentType> agentTypes()
    {
        return List.of(talkers, keepers);
    }

    List<Channel> channels()
    {
        return channels;
    }

    public List<Part> parts()
    {
        return List.copyOf(channels);
    }

    public void initialise(final World world)
    {
        world.store(talkers).spawn(count);
        world.store(keepers).spawn(1);
    }

    public List<Phase> phases()
    {
        return List.of(new Talk(talkers), new Talk(keepers));
    }

    /**
     * The sum of every talker's digest, as the test reads it after a run.
     */
    static long digest(final World world, final AgentType type, final int agent)
    {
        final AgentStore store = world.store(type);
        return store.buffer(0).getLong(store.offset(0, agent));
    }

    static long heard(final World world, final AgentType type, final int agent)
    {
        final AgentStore store = world.store(type);
        return store.buffer(1).getLong(store.offset(1, agent));
    }

    private final class Talk implements Phase
    {
        private final AgentType type;

        Talk(final AgentType type)
        {
            this.type = type;
        }

        public String name()
        {
            return "talk-" + type.name();
        }

        public AgentType sweeps()
        {
            return type;
        }

        public PhaseWorker newWorker(final World world)
        {
            final Readers readers = new Readers();
            for (final Channel channel : channels)
            {
                if (channel instanceof MessageChannel)
                {
                    readers.inboxes.add(new Inbox((MessageChannel)channel));
                }
            }
            return (batch) ->
            {
                final AgentStore store = batch.store();
                for (int i = batch.from(); i < batch.to(); i++)
                {
                    if (store.isAlive(i))
                    {
                        script.act(batch, readers, type.id(), i);
                    }
                }
            };
        }
    }
}
