package io.myriad.layouts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An agent type's fields, in declaration order, and the storage slots they occupy.
 * <p>
 * Every field has a slot for its current value; a double-buffered field has a second slot for its next value.
 * Slots {@code 0..fieldCount-1} are the fields' first copies; the second copies of double-buffered fields
 * follow in field order. Which copy is current alternates with {@link AgentStore#swap()}.
 */
public final class Schema
{
    private final String name;
    private final SchemaField[] fields;
    private final int[] secondSlot;
    private final int slotCount;
    private final int recordBytes;

    private Schema(final String name, final List<SchemaField> fields)
    {
        this.name = name;
        this.fields = fields.toArray(new SchemaField[0]);
        this.secondSlot = new int[this.fields.length];

        int slot = this.fields.length;
        int bytes = 0;
        for (int i = 0; i < this.fields.length; i++)
        {
            final SchemaField field = this.fields[i];
            bytes += field.type().size();
            if (field.doubleBuffered())
            {
                secondSlot[i] = slot++;
                bytes += field.type().size();
            }
            else
            {
                secondSlot[i] = i;
            }
        }
        this.slotCount = slot;
        this.recordBytes = bytes;
    }

    /**
     * Starts a schema.
     *
     * @param name schema name, usually the agent type's name.
     * @return a builder to add fields to.
     */
    public static Builder builder(final String name)
    {
        return new Builder(name);
    }

    /**
     * @return the schema's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return number of fields.
     */
    public int fieldCount()
    {
        return fields.length;
    }

    /**
     * @param fieldIndex index of the field in declaration order.
     * @return the field.
     */
    public SchemaField field(final int fieldIndex)
    {
        return fields[fieldIndex];
    }

    /**
     * @param fieldName name of a field.
     * @return its index, or -1 if the schema has no such field.
     */
    public int fieldIndex(final String fieldName)
    {
        for (int i = 0; i < fields.length; i++)
        {
            if (fields[i].name().equals(fieldName))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return number of storage slots: one per field plus one per double-buffered field.
     */
    public int slotCount()
    {
        return slotCount;
    }

    /**
     * @param slot a storage slot.
     * @return the field whose value the slot holds.
     */
    public SchemaField slotField(final int slot)
    {
        return fields[slotFieldIndex(slot)];
    }

    /**
     * @param slot a storage slot.
     * @return index of the field whose value the slot holds.
     */
    public int slotFieldIndex(final int slot)
    {
        if (slot < fields.length)
        {
            return slot;
        }
        for (int i = 0; i < fields.length; i++)
        {
            if (secondSlot[i] == slot)
            {
                return i;
            }
        }
        throw new IndexOutOfBoundsException("slot " + slot + " of " + slotCount);
    }

    /**
     * The slot holding a field's current value.
     *
     * @param fieldIndex index of the field.
     * @param parity     the store's parity, 0 or 1, flipped by each swap.
     * @return slot of the current value.
     */
    public int currentSlot(final int fieldIndex, final int parity)
    {
        return parity == 0 ? fieldIndex : secondSlot[fieldIndex];
    }

    /**
     * The slot that receives a field's next value; for a field that is not double buffered, its only slot.
     *
     * @param fieldIndex index of the field.
     * @param parity     the store's parity, 0 or 1, flipped by each swap.
     * @return slot of the next value.
     */
    public int nextSlot(final int fieldIndex, final int parity)
    {
        return parity == 0 ? secondSlot[fieldIndex] : fieldIndex;
    }

    /**
     * @return bytes one agent occupies in all its slots, before any padding.
     */
    public int recordBytes()
    {
        return recordBytes;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        final StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < fields.length; i++)
        {
            final SchemaField field = fields[i];
            sb.append(i == 0 ? "" : ", ")
                .append(field.type().name().toLowerCase(Locale.ROOT))
                .append(' ')
                .append(field.name());
            if (field.doubleBuffered())
            {
                sb.append(" [double buffered]");
            }
        }
        return sb.append(')').toString();
    }

    /**
     * Collects fields in declaration order.
     */
    public static final class Builder
    {
        private final String name;
        private final List<SchemaField> fields = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(final String name)
        {
            if (name == null || name.isBlank())
            {
                throw new IllegalArgumentException("schema name must not be blank");
            }
            this.name = name;
        }

        /**
         * Adds a field that is read and written in place.
         *
         * @param fieldName name of the field.
         * @param type      primitive type of the field.
         * @return this builder.
         */
        public Builder field(final String fieldName, final FieldType type)
        {
            return field(fieldName, type, false);
        }

        /**
         * Adds a field.
         *
         * @param fieldName      name of the field.
         * @param type           primitive type of the field.
         * @param doubleBuffered true when the field has a current and a next value.
         * @return this builder.
         */
        public Builder field(final String fieldName, final FieldType type, final boolean doubleBuffered)
        {
            if (!names.add(fieldName))
            {
                throw new IllegalArgumentException("schema " + name + " already has a field named " + fieldName);
            }
            fields.add(new SchemaField(fieldName, type, doubleBuffered));
            return this;
        }

        /**
         * @return the schema.
         */
        public Schema build()
        {
            if (fields.isEmpty())
            {
                throw new IllegalArgumentException("schema " + name + " has no fields");
            }
            return new Schema(name, fields);
        }
    }
}
