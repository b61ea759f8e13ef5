package io.myriad.kernel.checkpoint;

/**
 * The bytes of a checkpoint's data file ({@code tick-<T>.ckpt}). Little-endian. A string is an int32 byte count
 * and that many bytes of UTF-8. Every part ends with the CRC-32C of its bytes, so a reader checks each part before
 * it uses it.
 * <pre>
 *  offset  field
 *  0       magic, int64: 0x3154504B43594D ("MYCKPT1" read as ASCII, little-endian)
 *  8       format version, int32 ({@link #VERSION})
 *  12      header length H, int32
 *  16      header, H bytes:
 *            tick int64, seed int64, state hash int64, journal records int64 (-1 without a journal),
 *            swap count int64, capacity int32, high-water mark int32, parity int32, region count int32,
 *            model string, layout string, schema string (field name:type[:double] joined by ';')
 *  16+H    header CRC-32C, int32
 *  then sections, one after another:
 *            kind int32 (1 liveness words, 2 a region of the store), index int32, length L int64,
 *            L bytes (liveness: (high-water mark + 63) / 64 int64 words; region: its raw bytes), CRC-32C int32
 * </pre>
 * Regions are the store's raw memory in its layout, so a checkpoint restores only into the same layout; the
 * header names it.
 */
public final class CheckpointDescriptor
{
    /** The file's first eight bytes. */
    public static final long MAGIC = 0x3154504B43594DL;
    /** Format version this build writes and reads. */
    public static final int VERSION = 1;
    /** Offset of the header, after magic, version and header length. */
    public static final int HEADER_OFFSET = 16;
    /** Section kind: the liveness bit set. */
    public static final int SECTION_ALIVE = 1;
    /** Section kind: one region of the store's memory. */
    public static final int SECTION_REGION = 2;
    /** Bytes before a section's data: kind, index, length. */
    public static final int SECTION_HEADER_LENGTH = 16;

    private CheckpointDescriptor()
    {
    }
}
