package io.myriad.layouts;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A command type at run time: its name, its stable id, and the fields of its fixed-length payload with where each
 * lies, so that tools can print a journaled payload by field name and the kernel can check lengths.
 * <p>
 * Fields lie in declaration order, each at the next offset that is a multiple of its own size, and the payload's
 * length is padded to a multiple of {@link #LENGTH_ALIGNMENT}; offsets are relative to the payload's start, so
 * fields are aligned in memory when the payload starts at a multiple of 8. Every value is
 * {@link #BYTE_ORDER little-endian}. A {@code boolean} field is a byte, 1 for true and 0 for false (readers take
 * any value but 0 as true); its {@link SchemaField} says {@link FieldType#BYTE} and {@link #isBoolean(int)} tells
 * it apart. No field is double buffered. For {@code @Command(id = 3) record Move(int toCell, double bid)}:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          toCell (int)                         |  offset 0
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                            padding                            |  offset 4
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          bid (double)                         |  offset 8
 *  |                                                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                                                     length 16
 * </pre>
 * Instances are immutable; the generated {@code <Record>Codec.SCHEMA} is the usual one.
 */
public final class CommandSchema
{
    /** Smallest command id. */
    public static final int MIN_ID = 1;

    /** Largest command id, so that an id fits a journal's 16-bit field. */
    public static final int MAX_ID = Short.MAX_VALUE;

    /** A payload's length is a multiple of this many bytes. */
    public static final int LENGTH_ALIGNMENT = 8;

    /** Byte order of every value in a payload, whatever the platform's. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private final String name;
    private final int id;
    private final SchemaField[] fields;
    private final boolean[] booleans;
    private final int[] offsets;
    private final int length;

    private CommandSchema(final String name, final int id, final List<SchemaField> fields, final List<Boolean> flags)
    {
        this.name = name;
        this.id = id;
        this.fields = fields.toArray(new SchemaField[0]);
        this.booleans = new boolean[this.fields.length];
        this.offsets = new int[this.fields.length];

        int offset = 0;
        for (int i = 0; i < this.fields.length; i++)
        {
            final int size = this.fields[i].type().size();
            offset = align(offset, size);
            offsets[i] = offset;
            booleans[i] = flags.get(i);
            offset += size;
        }
        this.length = align(offset, LENGTH_ALIGNMENT);
    }

    /**
     * Starts a command schema.
     *
     * @param name the command's name, usually its record's simple name.
     * @param id   the command's stable id, from {@link #MIN_ID} to {@link #MAX_ID}.
     * @return a builder to add fields to, in payload order.
     * @throws IllegalArgumentException if the name is blank or the id out of range.
     */
    public static Builder builder(final String name, final int id)
    {
        return new Builder(name, id);
    }

    /**
     * @return the command's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the command's stable id, as written in journals.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return bytes of the payload, padding included; a multiple of {@link #LENGTH_ALIGNMENT}, 0 when the command
     *         has no fields.
     */
    public int length()
    {
        return length;
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
     * @return the field; a boolean field is of type {@link FieldType#BYTE}.
     */
    public SchemaField field(final int fieldIndex)
    {
        return fields[fieldIndex];
    }

    /**
     * @param fieldIndex index of the field in declaration order.
     * @return the field's offset from the payload's start.
     */
    public int offset(final int fieldIndex)
    {
        return offsets[fieldIndex];
    }

    /**
     * @param fieldIndex index of the field in declaration order.
     * @return true when the field was declared {@code boolean}: a byte holding 1 or 0.
     */
    public boolean isBoolean(final int fieldIndex)
    {
        return booleans[fieldIndex];
    }

    /**
     * @param fieldName name of a field.
     * @return its index, or -1 if the command has no such field.
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
     * {@inheritDoc}
     */
    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof CommandSchema))
        {
            return false;
        }
        final CommandSchema that = (CommandSchema)other;
        return id == that.id && name.equals(that.name) && Arrays.equals(fields, that.fields) &&
            Arrays.equals(booleans, that.booleans);
    }

    /**
     * {@inheritDoc}
     */
    public int hashCode()
    {
        return 31 * (31 * id + name.hashCode()) + Arrays.hashCode(fields);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        final StringBuilder sb = new StringBuilder(name).append('#').append(id).append('(');
        for (int i = 0; i < fields.length; i++)
        {
            sb.append(i == 0 ? "" : ", ")
                .append(booleans[i] ? "boolean" : fields[i].type().name().toLowerCase(Locale.ROOT))
                .append(' ')
                .append(fields[i].name())
                .append(" @")
                .append(offsets[i]);
        }
        return sb.append("; ").append(length).append(" bytes)").toString();
    }

    private static int align(final int offset, final int alignment)
    {
        return (offset + alignment - 1) & -alignment;
    }

    /**
     * Collects a command's fields in payload order.
     */
    public static final class Builder
    {
        private final String name;
        private final int id;
        private final List<SchemaField> fields = new ArrayList<>();
        private final List<Boolean> booleans = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(final String name, final int id)
        {
            if (name == null || name.isBlank())
            {
                throw new IllegalArgumentException("command name must not be blank");
            }
            if (id < MIN_ID || id > MAX_ID)
            {
                throw new IllegalArgumentException(
                    "command id " + id + " of " + name + " is outside " + MIN_ID + ".." + MAX_ID);
            }
            this.name = name;
            this.id = id;
        }

        /**
         * Adds a field of a primitive type.
         *
         * @param fieldName name of the field.
         * @param type      primitive type of the field.
         * @return this builder.
         */
        public Builder field(final String fieldName, final FieldType type)
        {
            return add(fieldName, type, false);
        }

        /**
         * Adds a boolean field, a byte holding 1 or 0.
         *
         * @param fieldName name of the field.
         * @return this builder.
         */
        public Builder booleanField(final String fieldName)
        {
            return add(fieldName, FieldType.BYTE, true);
        }

        /**
         * @return the command schema; a command may have no fields, and then an empty payload.
         */
        public CommandSchema build()
        {
            return new CommandSchema(name, id, fields, booleans);
        }

        private Builder add(final String fieldName, final FieldType type, final boolean isBoolean)
        {
            if (!names.add(fieldName))
            {
                throw new IllegalArgumentException("command " + name + " already has a field named " + fieldName);
            }
            fields.add(new SchemaField(fieldName, type, false));
            booleans.add(isBoolean);
            return this;
        }
    }
}
