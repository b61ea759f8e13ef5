package io.myriad.kernel.journal;

import java.nio.ByteOrder;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

import io.myriad.kernel.command.CommandDescriptor;

/**
 * Payload of an {@link RecordType#EVENTS} record (level {@code events}), version 2: the commands one batch's outbox
 * emitted during the tick in the record's header, as the apply stage handled them, in apply order. Commands keep
 * the outbox's own layout ({@link CommandDescriptor}: header, then the fields their codec wrote; a birth's target
 * index is the newborn's), followed by one outcome byte each ({@link io.myriad.kernel.command.Outcome}). A batch
 * whose commands exceed {@link #MAX_COMMAND_BYTES} takes several records, cut between commands.
 * Record length {@code 40 + L + align(count, 4) + 4}.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Phase (int32)                         |  16  the model's phase, from 0
 *  +---------------------------------------------------------------+
 *  |                         Batch (int32)                         |  20  the batch within the phase
 *  +---------------------------------------------------------------+
 *  |                         Count (int32)                         |  24  commands in this record
 *  +---------------------------------------------------------------+
 *  |                     First Command (int32)                     |  28  index of the first in the batch
 *  +---------------------------------------------------------------+
 *  |                   Commands Length L (int32)                   |  32  bytes of commands
 *  +---------------------------------------------------------------+
 *  |                        Reserved (zero)                        |  36
 *  +---------------------------------------------------------------+
 *  |  Commands: L bytes, each as CommandDescriptor lays it out    ...  40
 *  +---------------------------------------------------------------+
 *  |  Outcomes: Count bytes, one per command, padded to 4 bytes   ...
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class EventsDescriptor
{
    /** Payload version. */
    public static final int VERSION = 2;
    /** Offset of the phase. */
    public static final int PHASE_OFFSET = RecordDescriptor.HEADER_LENGTH;
    /** Offset of the batch index. */
    public static final int BATCH_OFFSET = PHASE_OFFSET + 4;
    /** Offset of the command count. */
    public static final int COUNT_OFFSET = BATCH_OFFSET + 4;
    /** Offset of the index of the record's first command within its batch. */
    public static final int FIRST_COMMAND_OFFSET = COUNT_OFFSET + 4;
    /** Offset of the commands' byte length. */
    public static final int COMMANDS_LENGTH_OFFSET = FIRST_COMMAND_OFFSET + 4;
    /** Offset of the first command. */
    public static final int COMMANDS_OFFSET = COMMANDS_LENGTH_OFFSET + 8;
    /** Most bytes of commands one record holds (a single longer command still takes a record of its own). */
    public static final int MAX_COMMAND_BYTES = 1 << 20;

    private EventsDescriptor()
    {
    }

    /**
     * @param commandsLength bytes of commands.
     * @param count          commands.
     * @return the record's whole length.
     */
    public static int length(final int commandsLength, final int count)
    {
        return outcomesOffset(commandsLength) + BitUtil.align(count, 4) + RecordDescriptor.CHECKSUM_LENGTH;
    }

    /**
     * @param commands a batch's commands, laid out as {@link CommandDescriptor} says.
     * @param from     where the next one starts.
     * @param left     commands left from there.
     * @return how many of them the next record holds: as many as fit in {@link #MAX_COMMAND_BYTES}, at least one.
     */
    public static int commandsThatFit(final DirectBuffer commands, final int from, final int left)
    {
        int bytes = 0;
        int n = 0;
        while (n < left)
        {
            final int length = commands.getInt(from + bytes + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (n > 0 && bytes + length > MAX_COMMAND_BYTES)
            {
                break;
            }
            bytes += length;
            n++;
        }
        return n;
    }

    /**
     * @param commands a batch's commands.
     * @param from     where the first of them starts.
     * @param count    how many.
     * @return their bytes.
     */
    public static int commandsLength(final DirectBuffer commands, final int from, final int count)
    {
        int bytes = 0;
        for (int n = 0; n < count; n++)
        {
            bytes += commands.getInt(from + bytes + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
        }
        return bytes;
    }

    /**
     * @param commandsLength bytes of commands.
     * @return the offset of the outcome bytes.
     */
    public static int outcomesOffset(final int commandsLength)
    {
        return COMMANDS_OFFSET + commandsLength;
    }
}
