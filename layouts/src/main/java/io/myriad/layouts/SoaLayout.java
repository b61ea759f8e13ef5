package io.myriad.layouts;

/**
 * Structure of arrays: one cache-line-aligned column per slot. The default, and the fastest for sweeps that
 * touch a few fields of many agents.
 */
public final class SoaLayout implements Layout
{
    /** The one instance; the layout has no parameters. */
    public static final SoaLayout INSTANCE = new SoaLayout();

    private SoaLayout()
    {
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "soa";
    }

    /**
     * {@inheritDoc}
     */
    public Addressing plan(final Schema schema, final int capacity)
    {
        final int slots = schema.slotCount();
        final int[] regionBytes = new int[slots];
        final int[] regionOfSlot = new int[slots];
        final int[] base = new int[slots];
        final int[] stride = new int[slots];
        for (int slot = 0; slot < slots; slot++)
        {
            final int size = schema.slotField(slot).type().size();
            regionBytes[slot] = Addressing.alignedRegionBytes(
                (long)capacity * size, "column " + schema.slotField(slot).name());
            regionOfSlot[slot] = slot;
            stride[slot] = size;
        }
        return new Addressing(capacity, regionBytes, regionOfSlot, base, stride, 31, 0);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name();
    }
}
