package io.myriad.kernel.channel;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.nio.ByteBuffer;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.command.Outbox;

/**
 * The messages a channel holds, in the order they were sent: a ring of fixed-size slots in one off-heap
 * allocation, each a header and the message's bytes. Three positions cut it: from the head to {@code delivered}
 * the messages delivered and not yet retired, from there to the tail those still on their way. Slots are taken at
 * the tail and freed at the head only, so a message retired in the middle (read by its one recipient) keeps its
 * slot until the ones before it are retired too.
 * <p>
 * A slot's header, in native order (a checkpoint writes the fields one by one):
 * <pre>
 *   0  sequence (int64)          the message's number in its channel, from 0
 *   8  sent step (int64)
 *  16  sent time (float64)
 *  24  due (float64)             the step or sim time it is delivered at, by the channel's latency
 *  32  sender type (int32)       36  sender index (int32)
 *  40  recipient type (int32)    44  recipient index (int32): -1 for every receiver
 *  48  topic (int32)             52  unused
 *  56  the message's bytes, as its schema lays them out (little-endian)
 * </pre>
 * Each slot's state (pending, delivered or retired) and the link to its recipient's next message are kept apart,
 * in arrays of a byte and an int a slot, so that marking messages read and walking inboxes touch little memory.
 * Changed on the driving thread only; read by compute workers while a phase runs, when nothing changes it.
 */
final class MessageRing implements AutoCloseable
{
    static final int SEQUENCE = 0;
    static final int SENT_STEP = 8;
    static final int SENT_TIME = 16;
    static final int DUE = 24;
    static final int SENDER_TYPE = 32;
    static final int SENDER = 36;
    static final int RECIPIENT_TYPE = 40;
    static final int RECIPIENT = 44;
    static final int TOPIC = 48;
    static final int HEADER_LENGTH = 56;

    static final int PENDING = 0;
    static final int DELIVERED = 1;
    static final int RETIRED = 2;

    private final int capacity;
    private final int messageLength;
    private final int slotBytes;
    private final ByteBuffer allocation;
    private final UnsafeBuffer buffer;
    private final byte[] states;
    private final int[] links;
    private long headSequence;
    private long deliveredSequence;
    private long tailSequence;
    private int headSlot;
    private int deliveredSlot;
    private int tailSlot;
    private boolean closed;

    /**
     * @param capacity      slots: the most messages held at once, as {@link #checkCapacity} allows.
     * @param messageLength bytes of a message, a multiple of 8.
     * @param channel       the channel's name, for errors.
     */
    MessageRing(final int capacity, final int messageLength, final String channel)
    {
        this.slotBytes = slotBytes(messageLength);
        this.capacity = capacity;
        this.messageLength = messageLength;
        this.states = new byte[capacity];
        this.links = new int[capacity];
        final int bytes = capacity * slotBytes;
        this.allocation = ByteBuffer.allocateDirect(bytes + BitUtil.CACHE_LINE_LENGTH);
        final int misalignment = (int)(BufferUtil.address(allocation) & (BitUtil.CACHE_LINE_LENGTH - 1));
        this.buffer = new UnsafeBuffer(allocation, misalignment == 0 ? 0 : BitUtil.CACHE_LINE_LENGTH - misalignment,
            bytes);
    }

    /**
     * @param messageLength bytes of a message.
     * @return bytes of a slot: its header and the message, padded to 8.
     */
    static int slotBytes(final int messageLength)
    {
        return HEADER_LENGTH + BitUtil.align(messageLength, Long.BYTES);
    }

    /**
     * @param capacity      messages a channel would hold.
     * @param messageLength bytes of a message.
     * @param channel       the channel's name, for the message.
     * @throws IllegalArgumentException if the capacity is below 1 or more than one allocation holds.
     */
    static void checkCapacity(final int capacity, final int messageLength, final String channel)
    {
        final int most = (Integer.MAX_VALUE - BitUtil.CACHE_LINE_LENGTH) / slotBytes(messageLength);
        if (capacity < 1 || capacity > most)
        {
            throw new IllegalArgumentException("channel " + channel + " has a capacity of " + capacity +
                " messages; it must hold at least 1 and at most " + most + " messages of " + messageLength +
                " bytes");
        }
    }

    int capacity()
    {
        return capacity;
    }

    int messageLength()
    {
        return messageLength;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return messages held: delivered and not retired, or on their way.
     */
    int size()
    {
        return (int)(tailSequence - headSequence);
    }

    boolean isFull()
    {
        return tailSequence - headSequence == capacity;
    }

    long headSequence()
    {
        return headSequence;
    }

    long deliveredSequence()
    {
        return deliveredSequence;
    }

    long tailSequence()
    {
        return tailSequence;
    }

    int headSlot()
    {
        return headSlot;
    }

    int deliveredSlot()
    {
        return deliveredSlot;
    }

    /**
     * @param slot a slot.
     * @return the slot after it, round the ring.
     */
    int following(final int slot)
    {
        return slot + 1 == capacity ? 0 : slot + 1;
    }

    /**
     * @param sequence a message held.
     * @return its slot.
     */
    int slotOf(final long sequence)
    {
        return (int)((headSlot + (sequence - headSequence)) % capacity);
    }

    /**
     * @param slot a slot.
     * @return where its header starts in {@link #buffer()}.
     */
    int offset(final int slot)
    {
        return slot * slotBytes;
    }

    /**
     * @param slot a slot.
     * @return where its message's bytes start in {@link #buffer()}.
     */
    int payloadOffset(final int slot)
    {
        return slot * slotBytes + HEADER_LENGTH;
    }

    int getInt(final int slot, final int field)
    {
        return buffer.getInt(slot * slotBytes + field);
    }

    void putInt(final int slot, final int field, final int value)
    {
        buffer.putInt(slot * slotBytes + field, value);
    }

    long getLong(final int slot, final int field)
    {
        return buffer.getLong(slot * slotBytes + field);
    }

    double getDouble(final int slot, final int field)
    {
        return buffer.getDouble(slot * slotBytes + field);
    }

    int state(final int slot)
    {
        return states[slot];
    }

    void state(final int slot, final int state)
    {
        states[slot] = (byte)state;
    }

    /**
     * @param slot a delivered message's slot.
     * @return the slot of its recipient's next message, -1 for none.
     */
    int link(final int slot)
    {
        return links[slot];
    }

    void link(final int slot, final int next)
    {
        links[slot] = next;
    }

    /**
     * Copies a message's bytes into a slot, a word at a time (its length is a multiple of 8).
     */
    void copyIn(final int slot, final DirectBuffer source, final int offset)
    {
        final int at = slot * slotBytes + HEADER_LENGTH;
        for (int i = 0; i < messageLength; i += Long.BYTES)
        {
            buffer.putLong(at + i, source.getLong(offset + i));
        }
    }

    /**
     * Takes the slot at the tail for a new message and writes its header; the caller writes its bytes. There must
     * be room.
     *
     * @return the slot.
     */
    int claim(final long sentStep, final double sentTime, final double due, final int senderType, final int sender,
        final int recipientType, final int recipient, final int topic)
    {
        final int slot = tailSlot;
        final int at = slot * slotBytes;
        buffer.putLong(at + SEQUENCE, tailSequence);
        buffer.putLong(at + SENT_STEP, sentStep);
        buffer.putDouble(at + SENT_TIME, sentTime);
        buffer.putDouble(at + DUE, due);
        buffer.putInt(at + SENDER_TYPE, senderType);
        buffer.putInt(at + SENDER, sender);
        buffer.putInt(at + RECIPIENT_TYPE, recipientType);
        buffer.putInt(at + RECIPIENT, recipient);
        buffer.putInt(at + TOPIC, topic);
        buffer.putInt(at + TOPIC + Integer.BYTES, 0);
        links[slot] = -1;
        states[slot] = PENDING;
        tailSequence++;
        tailSlot = following(slot);
        return slot;
    }

    /**
     * Marks the first message on its way delivered, moving {@code delivered} on by one.
     */
    void deliverNext()
    {
        states[deliveredSlot] = DELIVERED;
        deliveredSequence++;
        deliveredSlot = following(deliveredSlot);
    }

    /**
     * Frees the head's slot, whatever its state, keeping {@code delivered} at or after the head.
     */
    void dropHead()
    {
        states[headSlot] = RETIRED;
        if (deliveredSequence == headSequence)
        {
            deliveredSequence++;
            deliveredSlot = following(deliveredSlot);
        }
        headSequence++;
        headSlot = following(headSlot);
    }

    /**
     * Frees the slots at the head whose messages are retired.
     */
    void freeRetired()
    {
        while (headSequence < deliveredSequence && states[headSlot] == RETIRED)
        {
            headSequence++;
            headSlot = following(headSlot);
        }
    }

    /**
     * Frees every delivered message before {@code sequence}, read by every receiver.
     *
     * @param sequence the first message some receiver has still to read; at most {@code delivered}.
     */
    void freeBefore(final long sequence)
    {
        while (headSequence < sequence)
        {
            states[headSlot] = RETIRED;
            headSequence++;
            headSlot = following(headSlot);
        }
    }

    /**
     * Puts the positions back as a checkpoint had them, the head at slot 0.
     */
    void positions(final long head, final long delivered, final long tail)
    {
        headSequence = head;
        deliveredSequence = delivered;
        tailSequence = tail;
        headSlot = 0;
        deliveredSlot = (int)(delivered - head) % capacity;
        tailSlot = (int)(tail - head) % capacity;
    }

    /**
     * Notes a message's delivery for the journal, as a {@link CommandDescriptor#DELIVERY} entry.
     */
    void note(final Outbox log, final int slot, final int channel)
    {
        final int from = offset(slot);
        final int at = log.command(CommandDescriptor.DELIVERY, CommandDescriptor.DELIVERY_HEADER_LENGTH + messageLength,
            buffer.getInt(from + RECIPIENT_TYPE), buffer.getInt(from + RECIPIENT), buffer.getInt(from + SENDER_TYPE),
            buffer.getInt(from + SENDER));
        final MutableDirectBuffer entry = log.buffer();
        entry.putInt(at + CommandDescriptor.DELIVERY_CHANNEL_OFFSET, channel, LITTLE_ENDIAN);
        entry.putInt(at + CommandDescriptor.DELIVERY_TOPIC_OFFSET, buffer.getInt(from + TOPIC), LITTLE_ENDIAN);
        entry.putLong(at + CommandDescriptor.DELIVERY_SEQUENCE_OFFSET, buffer.getLong(from + SEQUENCE), LITTLE_ENDIAN);
        entry.putDouble(at + CommandDescriptor.DELIVERY_SENT_TIME_OFFSET, buffer.getDouble(from + SENT_TIME),
            LITTLE_ENDIAN);
        entry.putLong(at + CommandDescriptor.DELIVERY_SENT_STEP_OFFSET, buffer.getLong(from + SENT_STEP),
            LITTLE_ENDIAN);
        entry.putBytes(at + CommandDescriptor.DELIVERY_HEADER_LENGTH, buffer, from + HEADER_LENGTH, messageLength);
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            buffer.wrap(0L, 0);
            BufferUtil.free(allocation);
        }
    }
}
