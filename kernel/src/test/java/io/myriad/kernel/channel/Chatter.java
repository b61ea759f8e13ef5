package io.myriad.kernel.channel;

import java.util.List;

import io.myriad.kernel.rng.CounterRng;

/**
 * A busy test world: 400 or so talkers that, at random from the counter-based generator, broadcast, mail each
 * other with a latency of three steps, change their subscriptions and publish, write a shared board, die and are
 * born, reading everything every step but mail, which some skip.
 */
final class Chatter
{
    private Chatter()
    {
    }

    static ChatModel model(final int talkers)
    {
        final BroadcastChannel news = new BroadcastChannel("news", NoteCodec.SCHEMA, 64, FullPolicy.DROP_OLDEST,
            Latency.NEXT_STEP);
        news.senders(Access.types("talker")).receivers(Access.types("talker"));
        final DirectChannel mail = new DirectChannel("mail", NoteCodec.SCHEMA, 300, FullPolicy.REJECT,
            Latency.steps(3));
        mail.senders(Access.types("talker")).receivers(Access.types("talker"));
        final TopicChannel chat = new TopicChannel("chat", NoteCodec.SCHEMA, List.of("a", "b"), 1500,
            FullPolicy.DROP_OLDEST, Latency.seconds(1.5));
        chat.senders(Access.types("talker")).receivers(Access.types("talker"));
        final SharedRegion board = new SharedRegion("board", NoteCodec.SCHEMA, 4)
            .readers(Access.types("talker", "keeper")).writers(Access.types("talker"));
        final long key = CounterRng.key(5, 11);
        final int value = NoteCodec.SCHEMA.fieldIndex("value");
        return new ChatModel(talkers, List.of(news, mail, chat, board), (batch, readers, type, agent) ->
        {
            if (type != 0)
            {
                board.write(batch.outbox(), type, agent, 0, value, 1.0);
                return;
            }
            final long step = batch.step();
            final long bits = CounterRng.bits(key, step, agent, 0);
            readers.read(batch, 0, type, agent);
            if ((bits & 3) != 0)
            {
                readers.read(batch, 1, type, agent);
            }
            readers.read(batch, 2, type, agent);
            final long stamp = step * 100_000 + agent;
            if (((bits >>> 2) & 7) == 0)
            {
                readers.note.wrap(batch.outbox().buffer(), news.send(batch.outbox(), type, agent)).stamp(stamp)
                    .value(board.read(type, agent, agent & 3, value));
            }
            if (((bits >>> 5) & 1) == 0)
            {
                final int to = (int)((bits >>> 8) % batch.world().store(type).highWaterMark());
                readers.note.wrap(batch.outbox().buffer(), mail.send(batch.outbox(), type, agent, type, to))
                    .stamp(stamp).value(1);
            }
            if (((bits >>> 20) & 15) == 0)
            {
                chat.subscribe(batch.outbox(), type, agent, (int)((bits >>> 24) & 1));
            }
            if (((bits >>> 25) & 15) == 0)
            {
                chat.unsubscribe(batch.outbox(), type, agent, (int)((bits >>> 29) & 1));
            }
            if (((bits >>> 30) & 63) == 0)
            {
                readers.note.wrap(batch.outbox().buffer(), chat.publish(batch.outbox(), type, agent,
                    (int)((bits >>> 33) & 1))).stamp(stamp).value(2);
            }
            if (((bits >>> 34) & 15) == 0)
            {
                board.write(batch.outbox(), type, agent, agent & 3, value, stamp);
            }
            if (((bits >>> 40) & 127) == 0)
            {
                batch.outbox().despawn(type, agent);
            }
            if (((bits >>> 48) & 127) == 0)
            {
                batch.outbox().spawn(type, -1, -1);
            }
        });
    }
}
