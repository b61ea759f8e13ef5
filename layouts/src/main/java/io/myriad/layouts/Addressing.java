package io.myriad.layouts;

/**
 * Where every slot of every agent lives: one rule that all layouts reduce to.
 * <pre>
 *   region(slot)         the memory region (one contiguous, cache-line-aligned buffer) holding the slot
 *   offset(slot, index) = base(slot)
 *                       + (index &gt;&gt;&gt; blockShift) * blockStride
 *                       + (index &amp; blockMask) * elementStride(slot)
 * </pre>
 * SoA: a region per slot, one block of {@code capacity} elements ({@code blockShift = 31}).
 * AoS: one region, blocks of one agent ({@code blockShift = 0, blockMask = 0}).
 * AoSoA: one region, blocks of {@code 2^blockShift} agents holding a short column per slot.
 * <p>
 * Immutable. All offsets fit an {@code int} so they index an Agrona buffer directly.
 */
public final class Addressing
{
    /** Alignment of every region and, in AoSoA, of every block: one cache line. */
    public static final int REGION_ALIGNMENT = 64;

    private final int capacity;
    private final int[] regionBytes;
    private final int[] regionOfSlot;
    private final int[] baseOfSlot;
    private final int[] elementStrideOfSlot;
    private final int blockShift;
    private final int blockMask;
    private final int blockStride;

    /**
     * @param capacity            agents the addressing covers.
     * @param regionBytes         size of each region in bytes.
     * @param regionOfSlot        region holding each slot.
     * @param baseOfSlot          offset of each slot's first element within its region.
     * @param elementStrideOfSlot bytes between consecutive agents within a block, per slot.
     * @param blockShift          log2 of the agents per block.
     * @param blockStride         bytes between consecutive blocks.
     */
    public Addressing(
        final int capacity,
        final int[] regionBytes,
        final int[] regionOfSlot,
        final int[] baseOfSlot,
        final int[] elementStrideOfSlot,
        final int blockShift,
        final int blockStride)
    {
        if (blockShift < 0 || blockShift > 31)
        {
            throw new IllegalArgumentException("blockShift out of range: " + blockShift);
        }
        this.capacity = capacity;
        this.regionBytes = regionBytes.clone();
        this.regionOfSlot = regionOfSlot.clone();
        this.baseOfSlot = baseOfSlot.clone();
        this.elementStrideOfSlot = elementStrideOfSlot.clone();
        this.blockShift = blockShift;
        this.blockMask = blockShift == 31 ? Integer.MAX_VALUE : (1 << blockShift) - 1;
        this.blockStride = blockStride;
    }

    /**
     * Rounds a size up to the region alignment, failing if the result does not fit an int.
     *
     * @param bytes size in bytes.
     * @param what  what is being sized, for the error message.
     * @return the aligned size.
     */
    public static int alignedRegionBytes(final long bytes, final String what)
    {
        final long aligned = (bytes + REGION_ALIGNMENT - 1) & -REGION_ALIGNMENT;
        if (aligned > Integer.MAX_VALUE - REGION_ALIGNMENT)
        {
            throw new IllegalArgumentException(
                what + " needs " + aligned + " bytes, more than one region can hold (2 GiB); " +
                "Layout.maxCapacity(schema) says how many agents the layout holds");
        }
        return (int)aligned;
    }

    /**
     * @return agents the addressing covers.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return number of memory regions.
     */
    public int regionCount()
    {
        return regionBytes.length;
    }

    /**
     * @param region a region.
     * @return its size in bytes.
     */
    public int regionBytes(final int region)
    {
        return regionBytes[region];
    }

    /**
     * @param slot a slot of the schema.
     * @return the region that holds it.
     */
    public int region(final int slot)
    {
        return regionOfSlot[slot];
    }

    /**
     * @param slot a slot of the schema.
     * @return offset of agent 0's value within the region.
     */
    public int base(final int slot)
    {
        return baseOfSlot[slot];
    }

    /**
     * @param slot a slot of the schema.
     * @return bytes between consecutive agents of one block.
     */
    public int elementStride(final int slot)
    {
        return elementStrideOfSlot[slot];
    }

    /**
     * @return log2 of the agents per block.
     */
    public int blockShift()
    {
        return blockShift;
    }

    /**
     * @return mask that takes an agent's position within its block.
     */
    public int blockMask()
    {
        return blockMask;
    }

    /**
     * @return bytes between consecutive blocks.
     */
    public int blockStride()
    {
        return blockStride;
    }

    /**
     * @param slot  a slot of the schema.
     * @param index an agent index below the capacity.
     * @return the value's offset within {@link #region(int)}.
     */
    public int offset(final int slot, final int index)
    {
        return baseOfSlot[slot] + (index >>> blockShift) * blockStride +
            (index & blockMask) * elementStrideOfSlot[slot];
    }
}
