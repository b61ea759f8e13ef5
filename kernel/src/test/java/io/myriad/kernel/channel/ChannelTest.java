package io.myriad.kernel.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.myriad.kernel.RecordsContext;
import io.myriad.kernel.Simulation;
import io.myriad.kernel.SimulationContext;
import io.myriad.kernel.checkpoint.Checkpoint;
import io.myriad.kernel.checkpoint.CheckpointPolicy;
import io.myriad.kernel.model.BatchContext;

/**
 * Each kind of channel through whole runs: who receives what, in which order and at which step, what a full
 * channel does, who may act, and the same state on any number of threads and after a resume.
 */
class ChannelTest
{
    @TempDir
    Path temp;

    /** A message an agent read, and when. */
    record Got(long step, int type, int agent, long stamp, int sender)
    {
    }

    private final List<Got> got = Collections.synchronizedList(new ArrayList<>());

    private static SimulationContext context(final ChatModel model, final int workers)
    {
        return new SimulationContext().model(model).seed(5).modelName("chat").workers(workers).batchSize(16)
            .ringSize(64);
    }

    private static BroadcastChannel news(final int capacity, final FullPolicy policy)
    {
        final BroadcastChannel news = new BroadcastChannel("news", NoteCodec.SCHEMA, capacity, policy,
            Latency.NEXT_STEP);
        news.senders(Access.types("talker", "keeper")).receivers(Access.types("talker"));
        return news;
    }

    /** Reads every message of a channel into {@link #got}. */
    private void collect(final BatchContext batch, final ChatModel.Readers readers, final int channel,
        final int type, final int agent)
    {
        for (final Inbox inbox = readers.inbox(channel).take(batch.outbox(), type, agent); inbox.next(); )
        {
            got.add(new Got(batch.step(), type, agent, readers.note.wrap(inbox.buffer(), inbox.offset()).stamp(),
                inbox.sender()));
        }
    }

    private static void note(final BatchContext batch, final int payload, final long stamp)
    {
        new NoteCodec().wrap(batch.outbox().buffer(), payload).stamp(stamp).value(stamp / 2.0);
    }

    private List<Got> gotBy(final int type, final int agent)
    {
        return got.stream().filter((g) -> g.type() == type && g.agent() == agent).toList();
    }

    private static Simulation run(final ChatModel model, final int steps)
    {
        final Simulation sim = Simulation.launch(context(model, 1));
        sim.run(steps);
        return sim;
    }

    @Test
    void broadcastReachesEveryReceiverButItsSenderTheNextStepInTheOrderSent()
    {
        final BroadcastChannel news = news(16, FullPolicy.REJECT);
        final ChatModel model = new ChatModel(3, List.of(news), (batch, readers, type, agent) ->
        {
            collect(batch, readers, 0, type, agent);
            if (batch.step() == 0 && (agent == 0 || type == 1))
            {
                note(batch, news.send(batch.outbox(), type, agent), type == 1 ? 99 : 1);
                note(batch, news.send(batch.outbox(), type, agent), 2);
            }
            if (batch.step() == 0 && agent == 1 && type == 0)
            {
                note(batch, news.send(batch.outbox(), type, agent), 3);
            }
        });
        try (Simulation sim = run(model, 3))
        {
            assertEquals(3, sim.tick());
            assertEquals(List.of(new Got(1, 0, 0, 3, 1), new Got(1, 0, 0, 99, 0), new Got(1, 0, 0, 2, 0)),
                gotBy(0, 0), "the keeper's are not talker 0's own");
            assertEquals(List.of(new Got(1, 0, 1, 1, 0), new Got(1, 0, 1, 2, 0), new Got(1, 0, 1, 99, 0),
                new Got(1, 0, 1, 2, 0)), gotBy(0, 1));
            assertEquals(List.of(new Got(1, 0, 2, 1, 0), new Got(1, 0, 2, 2, 0), new Got(1, 0, 2, 3, 1),
                new Got(1, 0, 2, 99, 0), new Got(1, 0, 2, 2, 0)), gotBy(0, 2));
            assertEquals(List.of(), gotBy(1, 0), "the keeper is no receiver");
            assertEquals(5, news.sent());
            assertEquals(5, news.delivered());
            assertEquals(0, news.denied());
        }
    }

    @Test
    void aSenderThatIsNoSenderIsDeniedAndCounted()
    {
        final BroadcastChannel news = new BroadcastChannel("news", NoteCodec.SCHEMA, 4, FullPolicy.REJECT,
            Latency.NEXT_STEP);
        news.senders(Access.of().agent("talker", 1)).receivers(Access.types("talker", "keeper"));
        final ChatModel model = new ChatModel(3, List.of(news), (batch, readers, type, agent) ->
        {
            collect(batch, readers, 0, type, agent);
            if (batch.step() == 0)
            {
                note(batch, news.send(batch.outbox(), type, agent), 10 * type + agent);
            }
        });
        try (Simulation sim = run(model, 2))
        {
            assertEquals(2, sim.tick());
            assertEquals(3, news.denied(), "talkers 0 and 2 and the keeper may not send");
            assertEquals(1, news.sent());
            assertEquals(List.of(new Got(1, 1, 0, 1, 1)), gotBy(1, 0), "the keeper receives talker 1's");
        }
    }

    @Test
    void aBroadcastChannelFullOfUnreadMessagesRejectsOrDropsTheOldest()
    {
        for (final FullPolicy policy : FullPolicy.values())
        {
            got.clear();
            final BroadcastChannel news = news(2, policy);
            // talker 2 reads only at step 4; the others read every step
            final ChatModel model = new ChatModel(3, List.of(news), (batch, readers, type, agent) ->
            {
                if (type == 0 && (agent != 2 || batch.step() == 4))
                {
                    collect(batch, readers, 0, type, agent);
                }
                if (type == 0 && agent == 0 && batch.step() < 3)
                {
                    note(batch, news.send(batch.outbox(), type, agent), batch.step());
                }
            });
            try (Simulation sim = run(model, 5))
            {
                assertEquals(5, sim.tick());
                if (policy == FullPolicy.REJECT)
                {
                    assertEquals(1, news.rejectedFull(), "the third waits on talker 2");
                    assertEquals(List.of(0L, 1L), stamps(gotBy(0, 2)));
                    assertEquals(List.of(0L, 1L), stamps(gotBy(0, 1)));
                }
                else
                {
                    assertEquals(1, news.dropped());
                    assertEquals(List.of(1L, 2L), stamps(gotBy(0, 2)), "the oldest was dropped for the newest");
                    assertEquals(List.of(0L, 1L, 2L), stamps(gotBy(0, 1)), "talker 1 had read it already");
                }
            }
        }
    }

    @Test
    void aDirectMessageWaitsItsLatencyInStepsOrSecondsAndThenUntilItsRecipientReads()
    {
        final DirectChannel mail = new DirectChannel("mail", NoteCodec.SCHEMA, 8, FullPolicy.REJECT,
            Latency.steps(3));
        final DirectChannel post = new DirectChannel("post", NoteCodec.SCHEMA, 8, FullPolicy.REJECT,
            Latency.seconds(1.5));
        for (final DirectChannel channel : List.of(mail, post))
        {
            channel.senders(Access.types("talker")).receivers(Access.types("talker"));
        }
        final ChatModel model = new ChatModel(3, List.of(mail, post), (batch, readers, type, agent) ->
        {
            if (type == 0 && (agent != 2 || batch.step() != 3))
            {
                collect(batch, readers, 0, type, agent);
            }
            collect(batch, readers, 1, type, agent);
            if (type == 0 && agent == 0 && batch.step() < 2)
            {
                note(batch, mail.send(batch.outbox(), type, agent, 0, 2), 10 + batch.step());
                note(batch, post.send(batch.outbox(), type, agent, 0, 1), 20 + batch.step());
            }
            if (type == 0 && agent == 0 && batch.step() == 0)
            {
                note(batch, mail.send(batch.outbox(), type, agent, 1, 0), 30);
            }
        });
        try (Simulation sim = run(model, 6))
        {
            assertEquals(6, sim.tick());
            assertEquals(List.of(new Got(4, 0, 2, 10, 0), new Got(4, 0, 2, 11, 0)), gotBy(0, 2),
                "due at steps 3 and 4; talker 2 does not read at step 3");
            assertEquals(List.of(new Got(2, 0, 1, 20, 0), new Got(3, 0, 1, 21, 0)), gotBy(0, 1),
                "1.5 s after steps 0 and 1");
            assertEquals(1, mail.denied(), "the keeper is no receiver");
            assertEquals(List.of(), gotBy(1, 0));
        }
    }

    @Test
    void aFullDirectChannelRejectsOrDropsTheOldestUnread()
    {
        for (final FullPolicy policy : FullPolicy.values())
        {
            got.clear();
            final DirectChannel mail = new DirectChannel("mail", NoteCodec.SCHEMA, 2, policy, Latency.NEXT_STEP);
            mail.senders(Access.types("talker")).receivers(Access.types("talker"));
            final ChatModel model = new ChatModel(2, List.of(mail), (batch, readers, type, agent) ->
            {
                if (type == 0 && agent == 1 && batch.step() == 3)
                {
                    collect(batch, readers, 0, type, agent);
                }
                if (type == 0 && agent == 0 && batch.step() < 2)
                {
                    note(batch, mail.send(batch.outbox(), type, agent, 0, 1), 2 * batch.step());
                    note(batch, mail.send(batch.outbox(), type, agent, 0, 1), 2 * batch.step() + 1);
                }
            });
            try (Simulation sim = run(model, 4))
            {
                assertEquals(4, sim.tick());
                if (policy == FullPolicy.REJECT)
                {
                    assertEquals(2, mail.rejectedFull(), "unread messages hold their slots");
                    assertEquals(List.of(0L, 1L), stamps(gotBy(0, 1)));
                }
                else
                {
                    assertEquals(2, mail.dropped());
                    assertEquals(List.of(2L, 3L), stamps(gotBy(0, 1)));
                }
                assertEquals(0, mail.size(), "read messages are freed");
            }
        }
    }

    @Test
    void topicsReachTheirSubscribersAtTheMomentOfPublication()
    {
        final TopicChannel chat = new TopicChannel("chat", NoteCodec.SCHEMA, List.of("a", "b"), 16,
            FullPolicy.REJECT, Latency.NEXT_STEP);
        chat.senders(Access.types("talker")).receivers(Access.types("talker"));
        final ChatModel model = new ChatModel(3, List.of(chat), (batch, readers, type, agent) ->
        {
            collect(batch, readers, 0, type, agent);
            final long step = batch.step();
            if (type == 1 && step == 0)
            {
                chat.subscribe(batch.outbox(), type, agent, 0);
            }
            if (type != 0)
            {
                return;
            }
            if (agent == 0)
            {
                note(batch, chat.publish(batch.outbox(), type, agent, 0), 10 * step);
                if (step == 1)
                {
                    note(batch, chat.publish(batch.outbox(), type, agent, 1), 10 * step + 1);
                }
            }
            if (step == 0 && agent > 0)
            {
                chat.subscribe(batch.outbox(), type, agent, 0);
            }
            if (step == 0 && agent == 2)
            {
                chat.subscribe(batch.outbox(), type, agent, 1);
            }
            if (step == 2 && agent == 1)
            {
                chat.unsubscribe(batch.outbox(), type, agent, 0);
            }
        });
        try (Simulation sim = run(model, 5))
        {
            assertEquals(5, sim.tick());
            assertEquals(List.of(10L, 20L), stamps(gotBy(0, 1)), "subscribed after the first, gone after the third");
            assertEquals(List.of(10L, 11L, 20L, 30L), stamps(gotBy(0, 2)));
            assertEquals(List.of(), gotBy(0, 0), "a publisher does not hear itself");
            assertEquals(1, chat.denied(), "the keeper may not subscribe");
            assertEquals(1, chat.subscriberCount(0));
        }
    }

    @Test
    void aSharedRegionRefusesWritesAndReadsWithoutPermission()
    {
        final SharedRegion board = new SharedRegion("board", NoteCodec.SCHEMA, 2)
            .readers(Access.types("talker")).writers(Access.of().agent("talker", 0).type("keeper"));
        final double[] seen = new double[3];
        final ChatModel model = new ChatModel(3, List.of(board), (batch, readers, type, agent) ->
        {
            final int value = NoteCodec.SCHEMA.fieldIndex("value");
            if (batch.step() == 0 && type == 0 && agent < 2)
            {
                board.write(batch.outbox(), type, agent, 1, value, 4.5 + agent);
            }
            if (batch.step() == 1)
            {
                seen[type == 0 ? agent : 2] = board.read(type, agent, 1, value);
            }
        });
        try (Simulation sim = run(model, 2))
        {
            assertEquals(2, sim.tick());
            assertEquals(4.5, board.get(1, 1), "talker 0's write, not talker 1's");
            assertEquals(4.5, seen[1]);
            assertTrue(Double.isNaN(seen[2]), "the keeper may write but not read");
            assertEquals(1, board.readsDenied());
            assertEquals(2, board.denied(), "one write and one read refused");
            assertEquals(1, board.accepted());
        }
    }

    @Test
    void everyKindGivesTheSameStateOnOneTwoAndFourThreadsAndAfterAResume()
    {
        final long[] hashes = new long[3];
        final int[] workers = { 1, 2, 4 };
        for (int w = 0; w < workers.length; w++)
        {
            try (Simulation sim = Simulation.launch(context(Chatter.model(400), workers[w])))
            {
                sim.run(40);
                hashes[w] = sim.stateHash();
            }
        }
        assertEquals(hashes[0], hashes[1], "2 threads");
        assertEquals(hashes[0], hashes[2], "4 threads");

        final Checkpoint checkpoint;
        final ChatModel checkpointed = Chatter.model(400);
        try (Simulation sim = Simulation.launch(context(checkpointed, 2)
            .records(new RecordsContext().checkpoints(temp, new CheckpointPolicy(20, 0, 0, 1, 3)))))
        {
            sim.run(20);
            checkpoint = sim.lastCheckpoint();
            assertEquals(20, checkpoint.tick());
            for (final Channel channel : checkpointed.channels())
            {
                if (channel instanceof MessageChannel)
                {
                    final MessageChannel messages = (MessageChannel)channel;
                    assertTrue(messages.size() > 0, channel.name() + " holds messages in flight");
                    assertTrue(messages.delivered() > 100, channel.name() + " delivered " + messages.delivered());
                }
                assertTrue(channel.accepted() > 100, channel.name() + " took " + channel.accepted());
            }
        }
        for (final int w : new int[] { 1, 3 })
        {
            try (Simulation sim = Simulation.launch(context(Chatter.model(400), w).restoreFrom(checkpoint)))
            {
                sim.run(20);
                assertEquals(hashes[0], sim.stateHash(), "resumed at 20 on " + w + " threads");
            }
        }
    }

    @Test
    void theStateIsTheSameForAnyBatchSize()
    {
        final long[] hashes = new long[3];
        final int[] sizes = { 7, 16, 100 };
        for (int b = 0; b < sizes.length; b++)
        {
            try (Simulation sim = Simulation.launch(context(Chatter.model(400), 2).batchSize(sizes[b])))
            {
                sim.run(30);
                hashes[b] = sim.stateHash();
            }
        }
        assertEquals(hashes[0], hashes[1], "batches of 7 and 16");
        assertEquals(hashes[0], hashes[2], "batches of 7 and 100");
    }

    @Test
    void mailOnItsWayToAnAgentThatDiesIsDroppedNotHandedToTheNextAtItsIndex()
    {
        final DirectChannel mail = new DirectChannel("mail", NoteCodec.SCHEMA, 8, FullPolicy.REJECT,
            Latency.steps(3));
        mail.senders(Access.types("talker")).receivers(Access.types("talker"));
        final ChatModel model = new ChatModel(3, List.of(mail), (batch, readers, type, agent) ->
        {
            collect(batch, readers, 0, type, agent);
            if (type == 0 && agent == 0 && batch.step() == 0)
            {
                note(batch, mail.send(batch.outbox(), type, agent, 0, 2), 5);
            }
            if (type == 0 && agent == 2 && batch.step() == 1)
            {
                batch.outbox().despawn(type, agent);
                batch.outbox().spawn(type, -1, -1);
            }
            if (type == 0 && agent == 1 && batch.step() == 1)
            {
                batch.outbox().despawn(type, agent);
                note(batch, mail.send(batch.outbox(), type, agent, 0, 0), 6);
            }
        });
        try (Simulation sim = run(model, 5))
        {
            assertEquals(5, sim.tick());
            assertEquals(List.of(), gotBy(0, 2), "the pet born at index 2 gets nothing meant for the one before");
            assertEquals(1, mail.dropped(), "the message for the dead agent was dropped");
            assertEquals(0, mail.delivered());
            assertEquals(1, mail.sent(), "the send of an agent dead earlier in the step is refused");
            assertEquals(0, mail.size(), "nothing is left to fill the channel");
        }
    }

    @Test
    void aWriteToARecordTheRegionDoesNotHaveIsRefusedAndTheRunGoesOn()
    {
        final SharedRegion board = new SharedRegion("board", NoteCodec.SCHEMA, 2)
            .readers(Access.types("talker")).writers(Access.types("talker"));
        final double[] seen = new double[1];
        final ChatModel model = new ChatModel(3, List.of(board), (batch, readers, type, agent) ->
        {
            if (type == 0 && batch.step() == 0)
            {
                board.write(batch.outbox(), type, agent, agent, 1, 2.5);
            }
            if (type == 0 && agent == 0 && batch.step() == 1)
            {
                seen[0] = board.read(type, agent, 9, 1);
            }
        });
        try (Simulation sim = run(model, 2))
        {
            assertEquals(2, sim.tick());
            assertEquals(2, board.accepted(), "records 0 and 1 written, record 2 refused");
            assertEquals(2.5, board.get(1, 1));
            assertTrue(Double.isNaN(seen[0]));
            assertEquals(1, board.readsDenied());
        }
    }

    private static List<Long> stamps(final List<Got> got)
    {
        return got.stream().map(Got::stamp).toList();
    }
}
