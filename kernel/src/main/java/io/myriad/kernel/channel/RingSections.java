package io.myriad.kernel.channel;

import static io.myriad.kernel.channel.MessageRing.DUE;
import static io.myriad.kernel.channel.MessageRing.HEADER_LENGTH;
import static io.myriad.kernel.channel.MessageRing.PENDING;
import static io.myriad.kernel.channel.MessageRing.RECIPIENT;
import static io.myriad.kernel.channel.MessageRing.RECIPIENT_TYPE;
import static io.myriad.kernel.channel.MessageRing.RETIRED;
import static io.myriad.kernel.channel.MessageRing.SENDER;
import static io.myriad.kernel.channel.MessageRing.SENDER_TYPE;
import static io.myriad.kernel.channel.MessageRing.SENT_STEP;
import static io.myriad.kernel.channel.MessageRing.SENT_TIME;
import static io.myriad.kernel.channel.MessageRing.SEQUENCE;
import static io.myriad.kernel.channel.MessageRing.TOPIC;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;

/**
 * The messages a {@link MessageRing} holds, as the state hash and a checkpoint see them: the positions, then each
 * message from the head, field by field, whatever slot it lies in. Inbox links are not written: they are rebuilt
 * from the messages.
 */
final class RingSections
{
    private RingSections()
    {
    }

    static void hash(final MessageRing ring, final StateHasher hasher)
    {
        final UnsafeBuffer buffer = ring.buffer();
        hasher.word(ring.headSequence()).word(ring.deliveredSequence()).word(ring.tailSequence());
        for (long s = ring.headSequence(), end = ring.tailSequence(); s < end; s++)
        {
            final int slot = ring.slotOf(s);
            final int at = ring.offset(slot);
            hasher.word(buffer.getLong(at + SENT_STEP)).doubleValue(buffer.getDouble(at + SENT_TIME))
                .doubleValue(buffer.getDouble(at + DUE)).word(buffer.getInt(at + SENDER_TYPE))
                .word(buffer.getInt(at + SENDER)).word(buffer.getInt(at + RECIPIENT_TYPE))
                .word(buffer.getInt(at + RECIPIENT)).word(ring.state(slot)).word(buffer.getInt(at + TOPIC))
                .bytes(buffer, at + HEADER_LENGTH, ring.messageLength());
        }
    }

    static void write(final MessageRing ring, final PartWriter out)
    {
        final UnsafeBuffer buffer = ring.buffer();
        out.putLong(ring.headSequence()).putLong(ring.deliveredSequence()).putLong(ring.tailSequence());
        for (long s = ring.headSequence(), end = ring.tailSequence(); s < end; s++)
        {
            final int slot = ring.slotOf(s);
            final int at = ring.offset(slot);
            out.putLong(buffer.getLong(at + SENT_STEP)).putDouble(buffer.getDouble(at + SENT_TIME))
                .putDouble(buffer.getDouble(at + DUE)).putInt(buffer.getInt(at + SENDER_TYPE))
                .putInt(buffer.getInt(at + SENDER)).putInt(buffer.getInt(at + RECIPIENT_TYPE))
                .putInt(buffer.getInt(at + RECIPIENT)).putInt(ring.state(slot))
                .putInt(buffer.getInt(at + TOPIC)).putBytes(buffer, at + HEADER_LENGTH, ring.messageLength());
        }
    }

    /**
     * Reads what {@link #write} wrote, the head at slot 0, every inbox link left empty.
     *
     * @param channel the channel's name, for errors.
     */
    static void read(final MessageRing ring, final PartReader in, final String channel)
    {
        final long head = in.getLong();
        final long delivered = in.getLong();
        final long tail = in.getLong();
        if (head < 0 || delivered < head || tail < delivered || tail - head > ring.capacity())
        {
            throw in.fail("channel " + channel + " positions " + head + ", " + delivered + ", " + tail +
                " do not fit a channel of " + ring.capacity() + " messages");
        }
        ring.positions(head, delivered, tail);
        final UnsafeBuffer buffer = ring.buffer();
        for (long s = head; s < tail; s++)
        {
            final int slot = ring.slotOf(s);
            final int at = ring.offset(slot);
            buffer.putLong(at + SEQUENCE, s);
            buffer.putLong(at + SENT_STEP, in.getLong());
            buffer.putDouble(at + SENT_TIME, in.getDouble());
            buffer.putDouble(at + DUE, in.getDouble());
            buffer.putInt(at + SENDER_TYPE, in.getInt());
            buffer.putInt(at + SENDER, in.getInt());
            buffer.putInt(at + RECIPIENT_TYPE, in.getInt());
            buffer.putInt(at + RECIPIENT, in.getInt());
            ring.link(slot, -1);
            final int state = in.getInt();
            if (state < PENDING || state > RETIRED || (state == PENDING) != (s >= delivered))
            {
                throw in.fail("message " + s + " of channel " + channel + " is in state " + state +
                    ", which does not fit its place in the channel");
            }
            ring.state(slot, state);
            buffer.putInt(at + TOPIC, in.getInt());
            buffer.putInt(at + TOPIC + Integer.BYTES, 0);
            in.getBytes(buffer, at + HEADER_LENGTH, ring.messageLength());
        }
    }
}
