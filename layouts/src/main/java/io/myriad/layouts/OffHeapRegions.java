package io.myriad.layouts;

import java.nio.ByteBuffer;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The memory of an {@link AgentStore}: one zeroed, cache-line-aligned direct allocation per region of an
 * {@link Addressing}, each wrapped in an {@link UnsafeBuffer}, and the operations that touch every slot of an agent
 * (zeroing it, copying it into a store of another capacity). Freed explicitly by {@link #close()}, not left to the
 * garbage collector.
 * <p>
 * Knows nothing of which agents are alive.
 */
final class OffHeapRegions
{
    private final Schema schema;
    private final Addressing addressing;
    private final ByteBuffer[] allocations;
    private final UnsafeBuffer[] buffers;
    private boolean closed;

    /**
     * Allocates the regions the addressing plans.
     *
     * @param schema     the agent type, for the size of each slot.
     * @param addressing where each slot of each agent lives.
     */
    OffHeapRegions(final Schema schema, final Addressing addressing)
    {
        this.schema = schema;
        this.addressing = addressing;
        final int regionCount = addressing.regionCount();
        this.allocations = new ByteBuffer[regionCount];
        this.buffers = new UnsafeBuffer[regionCount];
        for (int r = 0; r < regionCount; r++)
        {
            // Over-allocate and wrap the aligned part ourselves: the slice that BufferUtil.allocateDirectAligned
            // returns cannot be freed explicitly (invokeCleaner rejects slices), the whole allocation can.
            final int bytes = addressing.regionBytes(r);
            final ByteBuffer allocation = ByteBuffer.allocateDirect(bytes + Addressing.REGION_ALIGNMENT);
            final int misalignment = (int)(BufferUtil.address(allocation) & (Addressing.REGION_ALIGNMENT - 1));
            final int alignedOffset = misalignment == 0 ? 0 : Addressing.REGION_ALIGNMENT - misalignment;
            allocations[r] = allocation;
            buffers[r] = new UnsafeBuffer(allocation, alignedOffset, bytes);
        }
    }

    /**
     * @param region a region of the addressing.
     * @return its buffer.
     */
    UnsafeBuffer buffer(final int region)
    {
        return buffers[region];
    }

    /**
     * Sets every slot of one agent to zero.
     *
     * @param index an agent index.
     */
    void clear(final int index)
    {
        for (int slot = 0, slots = schema.slotCount(); slot < slots; slot++)
        {
            final int size = schema.slotField(slot).type().size();
            buffers[addressing.region(slot)].setMemory(addressing.offset(slot, index), size, (byte)0);
        }
    }

    /**
     * Copies every slot of agents {@code [0, count)} into regions of the same schema, wherever their addressing
     * places them.
     *
     * @param target regions of the same schema with room for at least {@code count} agents.
     * @param count  number of agents, from index 0.
     */
    void copyTo(final OffHeapRegions target, final int count)
    {
        final Addressing to = target.addressing;
        for (int slot = 0, slots = schema.slotCount(); slot < slots; slot++)
        {
            final int size = schema.slotField(slot).type().size();
            final UnsafeBuffer source = buffers[addressing.region(slot)];
            final UnsafeBuffer destination = target.buffers[to.region(slot)];
            for (int i = 0; i < count; i++)
            {
                destination.putBytes(to.offset(slot, i), source, addressing.offset(slot, i), size);
            }
        }
    }

    /**
     * Frees the memory; the buffers are left wrapping nothing. Later calls do nothing.
     */
    void close()
    {
        if (!closed)
        {
            closed = true;
            for (int r = 0; r < allocations.length; r++)
            {
                buffers[r].wrap(0L, 0);
                BufferUtil.free(allocations[r]);
                allocations[r] = null;
            }
        }
    }
}
