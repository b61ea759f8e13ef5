package io.myriad.layouts;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes and reads any slot of any agent through a store's raw buffers, so tests can fill a store with values
 * that differ per (slot, index) whatever the field types.
 */
final class SlotValues
{
    private SlotValues()
    {
    }

    /**
     * A value that differs between neighbouring slots and agents, as the type can hold it.
     *
     * @param type  the field type.
     * @param slot  a slot.
     * @param index an agent index.
     * @param salt  varies the values between fills.
     * @return the value, widened to a long.
     */
    static long valueFor(final FieldType type, final int slot, final int index, final long salt)
    {
        long h = (slot * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL) ^ salt;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        h |= 1; // never zero, so a cleared value is told apart
        return fit(type, h);
    }

    /**
     * @param type a field type.
     * @param raw  any value.
     * @return the value as the type holds it: truncated for integers, an exactly representable integer for floats.
     */
    static long fit(final FieldType type, final long raw)
    {
        return switch (type)
        {
            case BYTE -> (byte)raw;
            case SHORT -> (short)raw;
            case INT -> (int)raw;
            case LONG -> raw;
            case FLOAT -> raw & 0xFF_FFFFL;
            case DOUBLE -> raw & 0xF_FFFF_FFFF_FFFFL;
        };
    }

    static void write(final AgentStore store, final int slot, final int index, final long value)
    {
        final UnsafeBuffer buffer = store.buffer(slot);
        final int offset = store.offset(slot, index);
        switch (store.schema().slotField(slot).type())
        {
            case BYTE -> buffer.putByte(offset, (byte)value);
            case SHORT -> buffer.putShort(offset, (short)value);
            case INT -> buffer.putInt(offset, (int)value);
            case LONG -> buffer.putLong(offset, value);
            case FLOAT -> buffer.putFloat(offset, value);
            case DOUBLE -> buffer.putDouble(offset, value);
            default -> throw new IllegalStateException();
        }
    }

    static long read(final AgentStore store, final int slot, final int index)
    {
        final UnsafeBuffer buffer = store.buffer(slot);
        final int offset = store.offset(slot, index);
        return switch (store.schema().slotField(slot).type())
        {
            case BYTE -> buffer.getByte(offset);
            case SHORT -> buffer.getShort(offset);
            case INT -> buffer.getInt(offset);
            case LONG -> buffer.getLong(offset);
            case FLOAT -> (long)buffer.getFloat(offset);
            case DOUBLE -> (long)buffer.getDouble(offset);
        };
    }

    /**
     * Writes {@link #valueFor} into every slot of an agent.
     *
     * @param store the store.
     * @param index an agent index.
     * @param salt  varies the values between fills.
     */
    static void fill(final AgentStore store, final int index, final long salt)
    {
        final Schema schema = store.schema();
        for (int slot = 0; slot < schema.slotCount(); slot++)
        {
            write(store, slot, index, valueFor(schema.slotField(slot).type(), slot, index, salt));
        }
    }
}
