package io.myriad.kernel.checkpoint;

/**
 * The bytes of a checkpoint's data file ({@code tick-<T>.ckpt}), format 2: the whole world. Little-endian. A
 * string is an int32 byte count and that many bytes of UTF-8. The header and every section end with the CRC-32C
 * of their bytes, so a reader checks each before it uses it.
 * <pre>
 *  offset  field
 *  0       magic, int64: 0x3254504B43594D ("MYCKPT2" read as ASCII, little-endian)
 *  8       format version, int32 ({@link #VERSION})
 *  12      header length H, int32
 *  16      header, H bytes:
 *            0   tick int64
 *            8   seed int64
 *            16  state hash int64
 *            24  journal records int64 (-1 without a journal)
 *            32  model string, layout string,
 *                type count int32, then per type: name string, schema string, capacity int32,
 *                  high-water mark int32, parity int32, swap count int64, region count int32;
 *                part count int32, then per part: name string
 *  16+H    header CRC-32C, int32
 *  then sections, one after another, each type's liveness and regions in declaration order, then each part's:
 *            kind int32 ({@link #SECTION_ALIVE}, {@link #SECTION_REGION}, {@link #SECTION_PART}),
 *            owner int32 (the type's id, or the part's place), index int32 (the region, else 0), 0 int32,
 *            length L int64, L bytes, CRC-32C int32
 *          liveness: (high-water mark + 63) / 64 int64 words; region: the store's raw bytes in its layout;
 *          part: what the part's {@code write} wrote.
 * </pre>
 * Regions are a store's raw memory in its layout, so a checkpoint restores only into the same layout; the header
 * names it. A type's capacity may exceed its first one when the store grew; the restore grows the fresh store to
 * match.
 */
public final class CheckpointDescriptor
{
    /** The file's first eight bytes. */
    public static final long MAGIC = 0x3254504B43594DL;
    /** Format version this build writes and reads. */
    public static final int VERSION = 2;
    /** Offset of the format version. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the header, after magic, version and header length. */
    public static final int HEADER_OFFSET = 16;
    /** Offset of the tick within the header. */
    public static final int TICK_OFFSET = 0;
    /** Offset of the seed within the header. */
    public static final int SEED_OFFSET = 8;
    /** Offset of the state hash within the header. */
    public static final int STATE_HASH_OFFSET = 16;
    /** Offset of the journal position within the header. */
    public static final int JOURNAL_RECORDS_OFFSET = 24;
    /** Offset of the first variable-length field (the model's name) within the header. */
    public static final int MODEL_OFFSET = 32;
    /** The shortest possible header: the fixed fields, two empty strings and two zero counts. */
    public static final int MIN_HEADER_LENGTH = MODEL_OFFSET + 4 * 4;
    /** Section kind: a type's liveness bit set. */
    public static final int SECTION_ALIVE = 1;
    /** Section kind: one region of a type's store. */
    public static final int SECTION_REGION = 2;
    /** Section kind: a part. */
    public static final int SECTION_PART = 3;
    /** Offset of a section's kind. */
    public static final int SECTION_KIND_OFFSET = 0;
    /** Offset of a section's owner: the type's id or the part's place. */
    public static final int SECTION_OWNER_OFFSET = 4;
    /** Offset of a section's index: the region. */
    public static final int SECTION_INDEX_OFFSET = 8;
    /** Offset of a section's data length. */
    public static final int SECTION_LENGTH_OFFSET = 16;
    /** Bytes before a section's data. */
    public static final int SECTION_HEADER_LENGTH = 24;
    /** Bytes of a checksum. */
    public static final int CHECKSUM_LENGTH = 4;

    private CheckpointDescriptor()
    {
    }

    /**
     * @param kind a section kind.
     * @return its name in messages and manifests.
     */
    public static String sectionName(final int kind)
    {
        switch (kind)
        {
            case SECTION_ALIVE:
                return "alive";
            case SECTION_REGION:
                return "region";
            case SECTION_PART:
                return "part";
            default:
                return "kind-" + kind;
        }
    }
}
