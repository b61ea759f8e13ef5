package io.myriad.kernel.journal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Payload of a {@link RecordType#RUN_START} record, the first record of every journal: a {@link RunHeader}.
 * Variable length. A string is an int32 byte count and that many bytes of UTF-8.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                                                               |  16
 *  +                          Seed (int64)                         +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         Agents (int32)                        |  24
 *  +---------------+-----------------------------------------------+
 *  | Level (uint8) |                 Reserved (zero)               |  28  0 inputs, 1 events
 *  +---------------+-----------------------------------------------+
 *  |                                                               |  32  ticks between state hashes
 *  +                       Hash Every (int64)                      +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                                                               |  40  0 if unbounded
 *  +                        Max Ticks (int64)                      +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  State Hash Version (int32)                   |  48
 *  +---------------------------------------------------------------+
 *  |                   Parameter Count (int32)                     |  52
 *  +---------------------------------------------------------------+
 *  |                       Model Name (string)                    ...  56
 *  +---------------------------------------------------------------+
 *  |   Parameters: Parameter Count times                          ...
 *  |     Name (string), Type (uint8: 1 int64, 2 float64, 3 bool,   |
 *  |     4 string), Value (int64 | IEEE 754 bits as int64 | uint8  |
 *  |     0 or 1 | string)                                          |
 *  +---------------------------------------------------------------+
 *  |                        Scenario (string)                     ...  YAML, for people; may be empty
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class RunStartDescriptor
{
    /** Payload version. */
    public static final int VERSION = 1;
    /** Offset of the seed. */
    public static final int SEED_OFFSET = RecordDescriptor.HEADER_LENGTH;
    /** Offset of the number of agents. */
    public static final int AGENTS_OFFSET = SEED_OFFSET + 8;
    /** Offset of the level. */
    public static final int LEVEL_OFFSET = AGENTS_OFFSET + 4;
    /** Offset of the hash interval. */
    public static final int HASH_EVERY_OFFSET = LEVEL_OFFSET + 4;
    /** Offset of the tick limit. */
    public static final int MAX_TICKS_OFFSET = HASH_EVERY_OFFSET + 8;
    /** Offset of the state hash's version. */
    public static final int STATE_HASH_VERSION_OFFSET = MAX_TICKS_OFFSET + 8;
    /** Offset of the parameter count. */
    public static final int PARAMETER_COUNT_OFFSET = STATE_HASH_VERSION_OFFSET + 4;
    /** Offset of the model's name, where the variable part starts. */
    public static final int MODEL_OFFSET = PARAMETER_COUNT_OFFSET + 4;

    static final byte TYPE_LONG = 1;
    static final byte TYPE_DOUBLE = 2;
    static final byte TYPE_BOOLEAN = 3;
    static final byte TYPE_STRING = 4;

    private RunStartDescriptor()
    {
    }

    /**
     * @param header what to write.
     * @return the whole length of the record that {@link #encode(MutableDirectBuffer, int, RunHeader)} writes.
     */
    public static int recordLength(final RunHeader header)
    {
        int length = MODEL_OFFSET + stringLength(header.model());
        for (final Map.Entry<String, Object> entry : header.parameters().entrySet())
        {
            final Object value = entry.getValue();
            length += stringLength(entry.getKey()) + 1 + (value instanceof String ? stringLength((String)value) :
                value instanceof Boolean ? 1 : 8);
        }
        length += stringLength(header.scenario());
        return length + RecordDescriptor.CHECKSUM_LENGTH;
    }

    /**
     * Writes a whole, sealed record.
     *
     * @param buffer a buffer over direct memory with room for {@link #recordLength(RunHeader)} bytes.
     * @param offset where the record starts.
     * @param header what to write.
     * @return the record's length.
     */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final RunHeader header)
    {
        final int length = recordLength(header);
        RecordDescriptor.writeHeader(buffer, offset, length, RecordType.RUN_START, 0);
        buffer.putLong(offset + SEED_OFFSET, header.seed());
        buffer.putInt(offset + AGENTS_OFFSET, header.agents());
        buffer.putInt(offset + LEVEL_OFFSET, header.level().ordinal());
        buffer.putLong(offset + HASH_EVERY_OFFSET, header.hashEvery());
        buffer.putLong(offset + MAX_TICKS_OFFSET, header.maxTicks());
        buffer.putInt(offset + STATE_HASH_VERSION_OFFSET, header.stateHashVersion());
        buffer.putInt(offset + PARAMETER_COUNT_OFFSET, header.parameters().size());
        int at = offset + MODEL_OFFSET;
        at = putString(buffer, at, header.model());
        for (final Map.Entry<String, Object> entry : header.parameters().entrySet())
        {
            at = putString(buffer, at, entry.getKey());
            final Object value = entry.getValue();
            if (value instanceof Long)
            {
                buffer.putByte(at, TYPE_LONG);
                buffer.putLong(at + 1, (Long)value);
                at += 9;
            }
            else if (value instanceof Double)
            {
                buffer.putByte(at, TYPE_DOUBLE);
                buffer.putLong(at + 1, Double.doubleToRawLongBits((Double)value));
                at += 9;
            }
            else if (value instanceof Boolean)
            {
                buffer.putByte(at, TYPE_BOOLEAN);
                buffer.putByte(at + 1, (byte)((Boolean)value ? 1 : 0));
                at += 2;
            }
            else if (value instanceof String)
            {
                buffer.putByte(at, TYPE_STRING);
                at = putString(buffer, at + 1, (String)value);
            }
            else
            {
                throw new IllegalArgumentException("parameter " + entry.getKey() + " has a value of type " +
                    (value == null ? "null" : value.getClass().getName()) +
                    "; expected Long, Double, Boolean or String");
            }
        }
        putString(buffer, at, header.scenario());
        RecordDescriptor.seal(buffer, offset, length);
        return length;
    }

    /**
     * Reads a record whose framing and checksum have been checked.
     *
     * @param buffer the record's bytes.
     * @param offset where it starts.
     * @param length its whole length.
     * @return the header.
     * @throws JournalException if the payload does not parse.
     */
    public static RunHeader decode(final DirectBuffer buffer, final int offset, final int length)
    {
        final Cursor cursor =
            new Cursor(buffer, offset + MODEL_OFFSET, offset + length - RecordDescriptor.CHECKSUM_LENGTH);
        if (cursor.limit < cursor.at)
        {
            throw new JournalException("run start record is " + length + " bytes, too short for its fixed fields");
        }
        final int levelOrdinal = buffer.getInt(offset + LEVEL_OFFSET);
        if (levelOrdinal < 0 || levelOrdinal >= JournalLevel.values().length)
        {
            throw new JournalException("run start record has an unknown journal level " + levelOrdinal);
        }
        final int count = buffer.getInt(offset + PARAMETER_COUNT_OFFSET);
        if (count < 0 || count > length)
        {
            throw new JournalException("run start record has an impossible parameter count " + count);
        }
        final String model = cursor.string();
        final Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < count; i++)
        {
            final String name = cursor.string();
            final byte type = cursor.nextByte();
            switch (type)
            {
                case TYPE_LONG -> parameters.put(name, cursor.nextLong());
                case TYPE_DOUBLE -> parameters.put(name, Double.longBitsToDouble(cursor.nextLong()));
                case TYPE_BOOLEAN -> parameters.put(name, cursor.nextByte() != 0);
                case TYPE_STRING -> parameters.put(name, cursor.string());
                default -> throw new JournalException(
                    "run start record: parameter " + name + " has an unknown value type " + type);
            }
        }
        final String scenario = cursor.string();
        final long hashEvery = buffer.getLong(offset + HASH_EVERY_OFFSET);
        if (hashEvery < 1)
        {
            throw new JournalException("run start record has a hash interval of " + hashEvery + " ticks");
        }
        return new RunHeader(model, buffer.getInt(offset + AGENTS_OFFSET), buffer.getLong(offset + SEED_OFFSET),
            parameters, JournalLevel.values()[levelOrdinal], hashEvery, buffer.getLong(offset + MAX_TICKS_OFFSET),
            buffer.getInt(offset + STATE_HASH_VERSION_OFFSET), scenario);
    }

    private static int stringLength(final String text)
    {
        return 4 + text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int putString(final MutableDirectBuffer buffer, final int at, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(at, bytes.length);
        buffer.putBytes(at + 4, bytes);
        return at + 4 + bytes.length;
    }

    /**
     * Reads the variable part, refusing to read past the payload.
     */
    private static final class Cursor
    {
        private final DirectBuffer buffer;
        private final int limit;
        private int at;

        Cursor(final DirectBuffer buffer, final int at, final int limit)
        {
            this.buffer = buffer;
            this.at = at;
            this.limit = limit;
        }

        String string()
        {
            require(4);
            final int length = buffer.getInt(at);
            at += 4;
            if (length < 0)
            {
                throw new JournalException("run start record has a string of negative length " + length);
            }
            require(length);
            final byte[] bytes = new byte[length];
            buffer.getBytes(at, bytes);
            at += length;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        byte nextByte()
        {
            require(1);
            return buffer.getByte(at++);
        }

        long nextLong()
        {
            require(8);
            final long value = buffer.getLong(at);
            at += 8;
            return value;
        }

        private void require(final int bytes)
        {
            if (bytes > limit - at)
            {
                throw new JournalException("run start record ends " + (bytes - (limit - at)) +
                    " bytes short of its fields");
            }
        }
    }
}
