package io.myriad.kernel.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.checksum.Crc32c;

/**
 * The framing every journal record shares. Little-endian; a record starts at any byte offset of its document.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Record Length (int32)                    |  0  header, payload and checksum
 *  +-------------------------------+-------------------------------+
 *  |          Type (uint16)        |        Version (uint16)       |  4  RecordType id; payload version
 *  +-------------------------------+-------------------------------+
 *  |                                                               |  8  the tick the record is about
 *  +                          Tick (int64)                         +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                       Payload (per type)                     ...  16
 *  +---------------------------------------------------------------+
 *  |                      Checksum (CRC-32C)                       |  length - 4: over bytes [0, length - 4)
 *  +---------------------------------------------------------------+
 * </pre>
 * A Chronicle document holds one or more records back to back, so a reader walks a document record by record
 * with the length field, and checks each record's checksum before it trusts any other field.
 */
public final class RecordDescriptor
{
    /** Offset of the record's length. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the record's type. */
    public static final int TYPE_OFFSET = 4;
    /** Offset of the payload's version. */
    public static final int VERSION_OFFSET = 6;
    /** Offset of the tick. */
    public static final int TICK_OFFSET = 8;
    /** Length of the header; the payload starts here. */
    public static final int HEADER_LENGTH = 16;
    /** Length of the trailing checksum. */
    public static final int CHECKSUM_LENGTH = 4;
    /** Length of a record with an empty payload. */
    public static final int MIN_LENGTH = HEADER_LENGTH + CHECKSUM_LENGTH;
    /** Largest record this build writes or accepts. */
    public static final int MAX_LENGTH = 1 << 20;

    private RecordDescriptor()
    {
    }

    /**
     * @param payloadLength bytes of payload.
     * @return the record's whole length.
     */
    public static int recordLength(final int payloadLength)
    {
        return HEADER_LENGTH + payloadLength + CHECKSUM_LENGTH;
    }

    /**
     * Writes the header of a record of {@code length} bytes at {@code offset}; the checksum is written by
     * {@link #seal(MutableDirectBuffer, int, int)} once the payload is in place.
     *
     * @param buffer  where the record goes.
     * @param offset  its first byte.
     * @param length  its whole length.
     * @param type    its type.
     * @param tick    the tick it is about.
     */
    public static void writeHeader(
        final MutableDirectBuffer buffer,
        final int offset,
        final int length,
        final RecordType type,
        final long tick)
    {
        buffer.putInt(offset + LENGTH_OFFSET, length);
        buffer.putShort(offset + TYPE_OFFSET, (short)type.id());
        buffer.putShort(offset + VERSION_OFFSET, (short)type.version());
        buffer.putLong(offset + TICK_OFFSET, tick);
    }

    /**
     * Writes the checksum of the record at {@code offset}.
     *
     * @param buffer a buffer over direct memory.
     * @param offset the record's first byte.
     * @param length its whole length.
     */
    public static void seal(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        buffer.putInt(offset + length - CHECKSUM_LENGTH, checksum(buffer, offset, length));
    }

    /**
     * @param buffer a buffer over direct memory.
     * @param offset a record's first byte.
     * @param length its whole length.
     * @return the CRC-32C of the record's bytes before its checksum.
     */
    public static int checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        return Crc32c.INSTANCE.compute(buffer.addressOffset(), offset, length - CHECKSUM_LENGTH);
    }

    /**
     * @param buffer a buffer over direct memory.
     * @param offset a record's first byte.
     * @param length its whole length.
     * @return true if the stored checksum matches the bytes.
     */
    public static boolean isChecksumValid(final DirectBuffer buffer, final int offset, final int length)
    {
        return buffer.getInt(offset + length - CHECKSUM_LENGTH) == checksum(buffer, offset, length);
    }
}
