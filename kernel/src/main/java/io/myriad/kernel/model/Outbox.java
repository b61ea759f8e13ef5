package io.myriad.kernel.model;

import static io.myriad.kernel.model.OutboxDescriptor.ENTRY_LENGTH;
import static io.myriad.kernel.model.OutboxDescriptor.KIND_DESPAWN;
import static io.myriad.kernel.model.OutboxDescriptor.KIND_SPAWN;
import static io.myriad.kernel.model.OutboxDescriptor.kindOffset;
import static io.myriad.kernel.model.OutboxDescriptor.payloadAOffset;
import static io.myriad.kernel.model.OutboxDescriptor.payloadBOffset;
import static io.myriad.kernel.model.OutboxDescriptor.targetOffset;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * What one batch emits during a phase: births, deaths and model-defined actions on other agents, as fixed-size
 * entries laid out by {@link OutboxDescriptor}. Written by one compute worker, then read and cleared by the apply
 * stage. The buffer grows when a batch emits more than it has room for and keeps its size, so a steady state
 * allocates nothing.
 */
public final class Outbox
{
    private static final int INITIAL_ENTRIES = 64;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_ENTRIES * ENTRY_LENGTH);
    private int size;

    /**
     * Appends a model-defined entry.
     *
     * @param kind   the model's kind, 0 or more.
     * @param target the agent it is for.
     * @param a      first payload word.
     * @param b      second payload word.
     */
    public void emit(final int kind, final int target, final long a, final long b)
    {
        if (kind < 0)
        {
            throw new IllegalArgumentException("model entry kinds are 0 or more: " + kind);
        }
        append(kind, target, a, b);
    }

    /**
     * Asks for an agent to be spawned after the phase; {@link Model#onSpawn} initialises it.
     *
     * @param a first payload word for {@link Model#onSpawn}.
     * @param b second payload word for {@link Model#onSpawn}.
     */
    public void spawn(final long a, final long b)
    {
        append(KIND_SPAWN, -1, a, b);
    }

    /**
     * Asks for an agent to be despawned after the phase. A second despawn of the same agent is rejected.
     *
     * @param target the agent.
     */
    public void despawn(final int target)
    {
        append(KIND_DESPAWN, target, 0L, 0L);
    }

    /**
     * @return number of entries.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param entry index of an entry.
     * @return its kind.
     */
    public int kind(final int entry)
    {
        return buffer.getInt(kindOffset(entry));
    }

    /**
     * @param entry index of an entry.
     * @return its target agent.
     */
    public int target(final int entry)
    {
        return buffer.getInt(targetOffset(entry));
    }

    /**
     * @param entry index of an entry.
     * @return its first payload word.
     */
    public long a(final int entry)
    {
        return buffer.getLong(payloadAOffset(entry));
    }

    /**
     * @param entry index of an entry.
     * @return its second payload word.
     */
    public long b(final int entry)
    {
        return buffer.getLong(payloadBOffset(entry));
    }

    /**
     * @return the entries, {@link #size()} of them from offset 0, laid out as {@link OutboxDescriptor} says.
     */
    public DirectBuffer entries()
    {
        return buffer;
    }

    /**
     * Forgets every entry, keeping the memory.
     */
    public void clear()
    {
        size = 0;
    }

    private void append(final int kind, final int target, final long a, final long b)
    {
        final int entry = size;
        buffer.putInt(kindOffset(entry), kind);
        buffer.putInt(targetOffset(entry), target);
        buffer.putLong(payloadAOffset(entry), a);
        buffer.putLong(payloadBOffset(entry), b);
        size = entry + 1;
    }
}
