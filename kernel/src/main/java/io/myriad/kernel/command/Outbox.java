package io.myriad.kernel.command;

import static io.myriad.kernel.command.CommandDescriptor.FLAGS_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.FLAG_SPAWN;
import static io.myriad.kernel.command.CommandDescriptor.HEADER_LENGTH;
import static io.myriad.kernel.command.CommandDescriptor.ID_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.LENGTH_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.SOURCE_INDEX_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.SOURCE_TYPE_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.TARGET_INDEX_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.TARGET_TYPE_OFFSET;

import java.nio.ByteOrder;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What one batch emits during a phase: typed commands laid out as {@link CommandDescriptor} says, one after
 * another. Written by one compute worker, then read in batch order and cleared by the apply stage. Appending
 * returns the offset of the command's payload, where its generated codec writes the fields:
 * <pre>{@code
 * move.wrap(outbox.buffer(), outbox.command(MoveCodec.ID, MoveCodec.LENGTH, residents.id(), i)).toCell(cell);
 * }</pre>
 * The buffer grows when a batch emits more than it has room for and keeps its size, so a steady state allocates
 * nothing.
 */
public final class Outbox
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int INITIAL_BYTES = 4096;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_BYTES);
    private int length;
    private int count;

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
        final ExpandableArrayBuffer buffer = this.buffer;
        buffer.checkLimit(offset + commandLength);
        buffer.putInt(offset + LENGTH_OFFSET, commandLength, ORDER);
        buffer.putShort(offset + ID_OFFSET, (short)id, ORDER);
        buffer.putShort(offset + FLAGS_OFFSET, (short)flags, ORDER);
        buffer.putInt(offset + TARGET_TYPE_OFFSET, targetType, ORDER);
        buffer.putInt(offset + TARGET_INDEX_OFFSET, targetIndex, ORDER);
        buffer.putInt(offset + SOURCE_TYPE_OFFSET, sourceType, ORDER);
        buffer.putInt(offset + SOURCE_INDEX_OFFSET, sourceIndex, ORDER);
        // payload and padding start zeroed, so journaled bytes are a function of the fields the codec writes
        buffer.setMemory(offset + HEADER_LENGTH, commandLength - HEADER_LENGTH, (byte)0);
        length = offset + commandLength;
        count++;
        return offset + HEADER_LENGTH;
    }
}
