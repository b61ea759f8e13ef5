package io.myriad.kernel.command;

import static io.myriad.kernel.command.CommandDescriptor.FLAGS_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.FLAG_SPAWN;
import static io.myriad.kernel.command.CommandDescriptor.HEADER_LENGTH;
import static io.myriad.kernel.command.CommandDescriptor.ID_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.LENGTH_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.SOURCE_TYPE_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.TARGET_TYPE_OFFSET;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.UnsafeApi;
import org.agrona.MutableDirectBuffer;

/**
 * What one batch emits during a phase: typed commands laid out as {@link CommandDescriptor} says, one after
 * another. Written by one compute worker, then read in batch order and cleared by the apply stage. Appending
 * returns the offset of the command's payload, where its generated codec writes the fields:
 * <pre>{@code
 * move.wrap(outbox.buffer(), outbox.command(MoveCodec.ID, MoveCodec.LENGTH, residents.id(), i)).toCell(cell);
 * }</pre>
 * The buffer grows when a batch emits more than it has room for and keeps its size, so a steady state allocates
 * nothing. Padded: the outboxes of neighbouring batches, allocated one after the other and written by different
 * workers at once, never share a cache line.
 */
public final class Outbox extends OutboxFields
{
    private static final int INITIAL_BYTES = 4096;
    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final long ARRAY_BASE_OFFSET = UnsafeApi.arrayBaseOffset(byte[].class);
    private static final long INT_MASK = 0xFFFF_FFFFL;
    private static final long SHORT_MASK = 0xFFFFL;
    private static final int ID_SHIFT = Byte.SIZE * ID_OFFSET;
    private static final int FLAGS_SHIFT = Byte.SIZE * FLAGS_OFFSET;

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

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_BYTES);

    /**
     * Appends a command to an agent.
     *
     * @param id            the command's id (its codec's {@code ID}).
     * @param payloadLength its codec's {@code LENGTH}.
     * @param targetType    the target's type id.
     * @param targetIndex   the target's index.
     * @return the offset of the payload in {@link #buffer()}.
     */
    public int command(final int id, final int payloadLength, final int targetType, final int targetIndex)
    {
        return append(id, 0, payloadLength, targetType, targetIndex, -1, -1);
    }

    /**
     * Appends a command to an agent, naming the agent that sends it.
     *
     * @param id            the command's id (its codec's {@code ID}).
     * @param payloadLength its codec's {@code LENGTH}.
     * @param targetType    the target's type id.
     * @param targetIndex   the target's index.
     * @param sourceType    the sender's type id.
     * @param sourceIndex   the sender's index.
     * @return the offset of the payload in {@link #buffer()}.
     */
    public int command(
        final int id,
        final int payloadLength,
        final int targetType,
        final int targetIndex,
        final int sourceType,
        final int sourceIndex)
    {
        return append(id, 0, payloadLength, targetType, targetIndex, sourceType, sourceIndex);
    }

    /**
     * Appends a birth: after the phase an agent of {@code type} is spawned and the command's handler sets its
     * values. Refused when the type is at its maximum capacity, and vetoed when the parent died earlier in the step.
     *
     * @param id            the command carrying the newborn's values (its codec's {@code ID}).
     * @param payloadLength its codec's {@code LENGTH}.
     * @param type          the newborn's type id.
     * @param parentType    the parent's type id, or -1 for a birth without a parent.
     * @param parentIndex   the parent's index.
     * @return the offset of the payload in {@link #buffer()}.
     */
    public int spawn(
        final int id, final int payloadLength, final int type, final int parentType, final int parentIndex)
    {
        return append(id, FLAG_SPAWN, payloadLength, type, -1, parentType, parentIndex);
    }

    /**
     * Appends a birth of an agent whose fields all start at zero.
     *
     * @param type        the newborn's type id.
     * @param parentType  the parent's type id, or -1 for none.
     * @param parentIndex the parent's index.
     */
    public void spawn(final int type, final int parentType, final int parentIndex)
    {
        append(CommandDescriptor.SPAWN, FLAG_SPAWN, 0, type, -1, parentType, parentIndex);
    }

    /**
     * Appends a death. A second despawn of the same agent in a step is rejected as aimed at a dead agent.
     *
     * @param type  the agent's type id.
     * @param index the agent's index.
     */
    public void despawn(final int type, final int index)
    {
        append(CommandDescriptor.DESPAWN, 0, 0, type, index, -1, -1);
    }

    /**
     * Appends an event for the world's event queue (event clock only), scheduled in the apply stage in batch order,
     * so its sequence is the same on any number of threads. An event for an agent that is dead by then is rejected
     * as aimed at a dead agent.
     *
     * @param time     when it is due: the step's time or later.
     * @param priority which of the events due at one time come first: lower first.
     * @param kind     the model's event kind.
     * @param type     the type of the agent it is for, or -1 for none.
     * @param agent    the agent's index, or -1 for none.
     * @param data     its argument.
     */
    public void schedule(
        final double time, final int priority, final int kind, final int type, final int agent, final long data)
    {
        final int payload =
            append(CommandDescriptor.SCHEDULE, 0, CommandDescriptor.SCHEDULE_LENGTH, type, agent, -1, -1);
        final byte[] array = buffer.byteArray();
        putLong(array, payload + CommandDescriptor.SCHEDULE_TIME_OFFSET, Double.doubleToRawLongBits(time));
        putLong(array, payload + CommandDescriptor.SCHEDULE_DATA_OFFSET, data);
        putLong(array, payload + CommandDescriptor.SCHEDULE_PRIORITY_OFFSET,
            (priority & INT_MASK) | ((long)kind << Integer.SIZE));
    }

    /**
     * Appends a decision request (event clock, with a {@code DecisionTable} among the world's parts): in the apply
     * stage the agent starts thinking, and after the step the kernel asks the run's decider. Refused
     * ({@link Outcome#THINKING}) when the agent is thinking already.
     *
     * @param type         the agent's type id.
     * @param agent        the agent's index.
     * @param lastDecision the sim time of its last decision, NaN for none.
     * @param facts        what it observes, one value per fact of the model's deliberation, from index 0.
     * @param count        how many: the deliberation's fact count.
     */
    public void decide(final int type, final int agent, final double lastDecision, final double[] facts,
        final int count)
    {
        final int payload = append(CommandDescriptor.DECIDE, 0, (count + 1) * Double.BYTES, type, agent, -1, -1);
        final byte[] array = buffer.byteArray();
        putLong(array, payload + CommandDescriptor.DECIDE_SINCE_OFFSET, Double.doubleToRawLongBits(lastDecision));
        for (int f = 0; f < count; f++)
        {
            putLong(array, payload + (f + 1) * Double.BYTES, Double.doubleToRawLongBits(facts[f]));
        }
    }

    /**
     * Notes that an agent read its inbox on a channel, so that the apply stage marks what it read (before the
     * batch's commands): what {@code Inbox.take} calls.
     *
     * @param channel the channel's number.
     * @param type    the agent's type id.
     * @param agent   its index.
     */
    public void read(final int channel, final int type, final int agent)
    {
        if (readCount == reads.length)
        {
            reads = Arrays.copyOf(reads, readCount * 2);
        }
        reads[readCount++] = ((long)channel << 48) | ((long)(type & 0xFFFF) << 32) | (agent & INT_MASK);
    }

    /**
     * @return reads noted since the last {@link #clear()}.
     */
    public int readCount()
    {
        return readCount;
    }

    /**
     * @param index a read, from 0.
     * @return its channel's number.
     */
    public int readChannel(final int index)
    {
        return (int)(reads[index] >>> 48);
    }

    /**
     * @param index a read, from 0.
     * @return its agent's type id.
     */
    public int readType(final int index)
    {
        return (int)(reads[index] >>> 32) & 0xFFFF;
    }

    /**
     * @param index a read, from 0.
     * @return its agent's index.
     */
    public int readAgent(final int index)
    {
        return (int)reads[index];
    }

    /**
     * @return the commands, {@link #length()} bytes from offset 0; payloads are written through it.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return bytes of commands.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return number of commands.
     */
    public int count()
    {
        return count;
    }

    /**
     * Forgets every command, keeping the memory.
     */
    public void clear()
    {
        length = 0;
        count = 0;
        readCount = 0;
    }

    private int append(
        final int id,
        final int flags,
        final int payloadLength,
        final int targetType,
        final int targetIndex,
        final int sourceType,
        final int sourceIndex)
    {
        final int offset = length;
        final int commandLength = CommandDescriptor.length(payloadLength);
        final int end = offset + commandLength;
        buffer.checkLimit(end);
        // the header is three little-endian words: (length, id, flags), (target type, index), (source type, index);
        // written raw into the array checkLimit just made large enough, as a batch emits thousands a phase
        final byte[] array = buffer.byteArray();
        putLong(array, offset + LENGTH_OFFSET,
            (commandLength & INT_MASK) | ((id & SHORT_MASK) << ID_SHIFT) | ((long)flags << FLAGS_SHIFT));
        putLong(array, offset + TARGET_TYPE_OFFSET, (targetType & INT_MASK) | ((long)targetIndex << Integer.SIZE));
        putLong(array, offset + SOURCE_TYPE_OFFSET, (sourceType & INT_MASK) | ((long)sourceIndex << Integer.SIZE));
        // payload and padding start zeroed, so journaled bytes are a function of the fields the codec writes
        for (int word = offset + HEADER_LENGTH; word < end; word += Long.BYTES)
        {
            putLong(array, word, 0L);
        }
        length = offset + commandLength;
        count++;
        return offset + HEADER_LENGTH;
    }

    private static void putLong(final byte[] array, final int index, final long value)
    {
        UnsafeApi.putLong(array, ARRAY_BASE_OFFSET + index, NATIVE_LITTLE_ENDIAN ? value : Long.reverseBytes(value));
    }
}
