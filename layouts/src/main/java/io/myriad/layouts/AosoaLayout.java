package io.myriad.layouts;

/**
 * Array of structures of arrays: agents in blocks of a power-of-two size, each block holding a short column
 * per slot. Keeps one agent's fields within a few cache lines while sweeps of one field stay contiguous.
 */
public final class AosoaLayout implements Layout
{
    private final int blockSize;
    private final int blockShift;

    /**
     * @param blockSize agents per block, a power of two from 2 to 1024.
     */
    public AosoaLayout(final int blockSize)
    {
        if (blockSize < 2 || blockSize > 1024 || Integer.bitCount(blockSize) != 1)
        {
            throw new IllegalArgumentException("aosoa block size must be a power of two from 2 to 1024: " + blockSize);
        }
        this.blockSize = blockSize;
        this.blockShift = Integer.numberOfTrailingZeros(blockSize);
    }

    /**
     * @return agents per block.
     */
    public int blockSize()
    {
        return blockSize;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "aosoa" + blockSize;
    }

    /**
     * {@inheritDoc}
     */
    public Addressing plan(final Schema schema, final int capacity)
    {
        final int slots = schema.slotCount();
        final int[] base = new int[slots];
        final int[] stride = new int[slots];
        int offset = 0;
        // Widest slots first so that every short column is naturally aligned without padding.
        for (int size = 8; size >= 1; size >>= 1)
        {
            for (int slot = 0; slot < slots; slot++)
            {
                if (schema.slotField(slot).type().size() == size)
                {
                    base[slot] = offset;
                    stride[slot] = size;
                    offset += size * blockSize;
                }
            }
        }
        final int blockStride = (offset + Addressing.REGION_ALIGNMENT - 1) & -Addressing.REGION_ALIGNMENT;
        final long blocks = ((long)capacity + blockSize - 1) >>> blockShift;
        final int regionBytes = Addressing.alignedRegionBytes(blocks * blockStride, name() + " blocks");
        return new Addressing(
            capacity, new int[]{ regionBytes }, new int[slots], base, stride, blockShift, blockStride);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name();
    }
}
