package io.myriad.kernel.journal;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;


/**
 * Encodes the records a run appends, header and payload, into space already claimed for them, as
 * {@link RecordDescriptor} and each type's descriptor lay them out. The checksum is left to
 * {@link RecordDescriptor#seal(MutableDirectBuffer, int, int)} once the record is whole; the run start has its own
 * encoder, {@link RunStartDescriptor#encode(MutableDirectBuffer, int, RunHeader)}. Nothing here allocates.
 */
final class RecordEncoder
{
    private RecordEncoder()
    {
    }

    /**
     * Encodes a state-hash or run-end record ({@link StateHashDescriptor}, {@link RunEndDescriptor}: the two share
     * their payload) of {@link StateHashDescriptor#LENGTH} bytes.
     *
     * @param buffer     where the record goes.
     * @param index      its first byte.
     * @param type       {@link RecordType#STATE_HASH} or {@link RecordType#RUN_END}.
     * @param tick       ticks done.
     * @param hash       the state hash.
     * @param liveAgents agents alive.
     * @param flags      a run end's flags, 0 for a state hash.
     */
    static void hash(
        final MutableDirectBuffer buffer,
        final int index,
        final RecordType type,
        final long tick,
        final long hash,
        final int liveAgents,
        final int flags)
    {
        RecordDescriptor.writeHeader(buffer, index, StateHashDescriptor.LENGTH, type, tick);
        buffer.putLong(index + StateHashDescriptor.HASH_OFFSET, hash);
        buffer.putInt(index + StateHashDescriptor.LIVE_AGENTS_OFFSET, liveAgents);
        buffer.putInt(index + RunEndDescriptor.FLAGS_OFFSET, flags);
    }

    /**
     * Encodes an events record ({@link EventsDescriptor}) of {@link EventsDescriptor#length(int, int)
     * EventsDescriptor.length(bytes, count)} bytes: some of a batch's commands and their outcomes.
     *
     * @param buffer   where the record goes.
     * @param index    its first byte.
     * @param tick     the tick being computed.
     * @param phase    the phase, from 0.
     * @param batch    the batch within the phase.
     * @param commands the batch's commands, laid out as {@link io.myriad.kernel.command.CommandDescriptor} says.
     * @param from     where this record's first command starts in them.
     * @param bytes    bytes of this record's commands.
     * @param outcomes one outcome byte per command of the batch, from offset 0.
     * @param first    the batch's first command in this record.
     * @param count    commands in this record.
     */
    static void events(
        final MutableDirectBuffer buffer,
        final int index,
        final long tick,
        final int phase,
        final int batch,
        final DirectBuffer commands,
        final int from,
        final int bytes,
        final DirectBuffer outcomes,
        final int first,
        final int count)
    {
        RecordDescriptor.writeHeader(buffer, index, EventsDescriptor.length(bytes, count), RecordType.EVENTS, tick);
        buffer.putInt(index + EventsDescriptor.PHASE_OFFSET, phase);
        buffer.putInt(index + EventsDescriptor.BATCH_OFFSET, batch);
        buffer.putInt(index + EventsDescriptor.COUNT_OFFSET, count);
        buffer.putInt(index + EventsDescriptor.FIRST_COMMAND_OFFSET, first);
        buffer.putInt(index + EventsDescriptor.COMMANDS_LENGTH_OFFSET, bytes);
        buffer.putInt(index + EventsDescriptor.COMMANDS_LENGTH_OFFSET + 4, 0);
        buffer.putBytes(index + EventsDescriptor.COMMANDS_OFFSET, commands, from, bytes);
        final int outcomesAt = index + EventsDescriptor.outcomesOffset(bytes);
        buffer.putBytes(outcomesAt, outcomes, first, count);
        buffer.setMemory(outcomesAt + count, BitUtil.align(count, 4) - count, (byte)0);
    }

    /**
     * Encodes an input record ({@link InputDescriptor}) of {@link InputDescriptor#length(int)
     * InputDescriptor.length(length)} bytes.
     *
     * @param buffer where the record goes.
     * @param index  its first byte.
     * @param tick   the tick it takes effect at.
     * @param kind   the model's input kind.
     * @param target the agent it is for, or -1.
     * @param data   its bytes.
     * @param offset where they start in {@code data}.
     * @param length how many, at most {@link InputDescriptor#MAX_DATA_LENGTH}.
     */
    static void input(
        final MutableDirectBuffer buffer,
        final int index,
        final long tick,
        final int kind,
        final int target,
        final DirectBuffer data,
        final int offset,
        final int length)
    {
        RecordDescriptor.writeHeader(buffer, index, InputDescriptor.length(length), RecordType.INPUT, tick);
        buffer.putInt(index + InputDescriptor.KIND_OFFSET, kind);
        buffer.putInt(index + InputDescriptor.TARGET_OFFSET, target);
        buffer.putInt(index + InputDescriptor.DATA_LENGTH_OFFSET, length);
        buffer.putBytes(index + InputDescriptor.DATA_OFFSET, data, offset, length);
    }
}
