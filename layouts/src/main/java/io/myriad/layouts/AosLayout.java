package io.myriad.layouts;

/**
 * Array of structures: one record per agent holding all its slots, each naturally aligned, the record padded to
 * 8 bytes. The classic object-like layout, kept as the baseline that the benchmarks compare against.
 */
public final class AosLayout implements Layout
{
    /** The one instance; the layout has no parameters. */
    public static final AosLayout INSTANCE = new AosLayout();

    private static final int RECORD_ALIGNMENT = 8;

    private AosLayout()
    {
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "aos";
    }

    /**
     * {@inheritDoc}
     */
    public Addressing plan(final Schema schema, final int capacity)
    {
        final int slots = schema.slotCount();
        final int[] base = new int[slots];
        int offset = 0;
        for (int slot = 0; slot < slots; slot++)
        {
            final int size = schema.slotField(slot).type().size();
            offset = (offset + size - 1) & -size;
            base[slot] = offset;
            offset += size;
        }
        final int recordStride = (offset + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
        final int regionBytes = Addressing.alignedRegionBytes((long)capacity * recordStride, "aos records");
        return new Addressing(
            capacity, new int[]{ regionBytes }, new int[slots], base, new int[slots], 0, recordStride);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name();
    }
}
