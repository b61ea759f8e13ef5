package io.myriad.kernel.channel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.command.Command;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.command.Outbox;
import io.myriad.kernel.command.Outcome;
import io.myriad.kernel.hash.StateHasher;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;
import io.myriad.layouts.CommandSchema;

/**
 * Shared memory: a region of records of one schema (declared like a command's, {@code @Command}, or built at run
 * time), off-heap, that agents read during a phase and write through their outbox, with read and write permission
 * per agent type or agent. A write is a command applied in batch order (the last write of a step wins, the same on
 * any number of threads); from an agent without permission it is refused ({@code denied}), counted and never
 * applied. A read without permission gives NaN and is counted the same way. Reads during a phase see the region
 * as the previous apply stage left it.
 */
public final class SharedRegion extends Channel implements AutoCloseable
{
    private final CommandSchema schema;
    private final int records;
    private Access readers = Access.of();
    private Access writers = Access.of();
    private ByteBuffer allocation;
    private UnsafeBuffer buffer;
    private final AtomicLong readsDenied = new AtomicLong();

    /**
     * @param name    the region's name.
     * @param schema  its records' fields.
     * @param records how many records it holds, at least 1.
     */
    public SharedRegion(final String name, final CommandSchema schema, final int records)
    {
        super(name);
        if (records < 1 || (long)records * Math.max(8, schema.length()) > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("shared region " + name + " of " + records + " records of " +
                schema.length() + " bytes: it needs at least 1 and at most 2 GiB");
        }
        this.schema = schema;
        this.records = records;
    }

    /**
     * @param access who may read; no one unless given.
     * @return this region.
     */
    public SharedRegion readers(final Access access)
    {
        this.readers = access;
        return this;
    }

    /**
     * @param access who may write; no one unless given.
     * @return this region.
     */
    public SharedRegion writers(final Access access)
    {
        this.writers = access;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public String kind()
    {
        return "shared";
    }

    /**
     * {@inheritDoc}
     */
    public void attach(final World world)
    {
        super.attach(world);
        readers.bind(world, name(), "readers");
        writers.bind(world, name(), "writers");
        if (allocation == null)
        {
            final int bytes = records * schema.length();
            allocation = ByteBuffer.allocateDirect(Math.max(bytes, 8));
            buffer = new UnsafeBuffer(allocation, 0, bytes);
        }
    }

    /**
     * @return the records' fields.
     */
    public CommandSchema schema()
    {
        return schema;
    }

    /**
     * @return how many records the region holds.
     */
    public int records()
    {
        return records;
    }

    /**
     * Appends a write of one field of one record.
     *
     * @param outbox the writer's batch's outbox.
     * @param type   the writer's type id.
     * @param agent  the writer's index.
     * @param record the record, from 0.
     * @param field  the field's index in the schema.
     * @param value  the value; stored as the field's type (an integer field takes it rounded towards zero).
     */
    public void write(final Outbox outbox, final int type, final int agent, final int record, final int field,
        final double value)
    {
        final int payload = outbox.command(CommandDescriptor.CHANNEL, CommandDescriptor.CHANNEL_HEADER_LENGTH +
            Long.BYTES, -1, -1, type, agent);
        final MutableDirectBuffer bytes = outbox.buffer();
        bytes.putInt(payload + CommandDescriptor.CHANNEL_ID_OFFSET, id(), ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(payload + CommandDescriptor.CHANNEL_OP_OFFSET, CommandDescriptor.CHANNEL_WRITE,
            ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(payload + CommandDescriptor.CHANNEL_ARGUMENT_OFFSET, record, ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(payload + CommandDescriptor.CHANNEL_FIELD_OFFSET, field, ByteOrder.LITTLE_ENDIAN);
        bytes.putDouble(payload + CommandDescriptor.CHANNEL_HEADER_LENGTH, value, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * {@inheritDoc}
     */
    public int apply(final Command command, final int op, final DirectBuffer bytes, final int payload)
    {
        if (op != CommandDescriptor.CHANNEL_WRITE)
        {
            throw new IllegalStateException("shared region " + name() + " takes writes, not operation " + op);
        }
        if (!writers.allows(command.sourceType(), command.sourceIndex()))
        {
            denied++;
            return Outcome.DENIED;
        }
        final int record = bytes.getInt(payload + CommandDescriptor.CHANNEL_ARGUMENT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final int field = bytes.getInt(payload + CommandDescriptor.CHANNEL_FIELD_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (!holds(record, field))
        {
            // a record or field the region does not have: aimed at nothing, as a command to a dead agent is
            return Outcome.TARGET_DEAD;
        }
        put(record, field, bytes.getDouble(payload + CommandDescriptor.CHANNEL_HEADER_LENGTH,
            ByteOrder.LITTLE_ENDIAN));
        accepted++;
        return Outcome.APPLIED;
    }

    /**
     * Sets a field directly: for the model's initialisation, on the driving thread.
     *
     * @param record the record, from 0.
     * @param field  the field's index.
     * @param value  the value, stored as the field's type.
     */
    public void put(final int record, final int field, final double value)
    {
        schema.field(field).type().write(buffer, at(record, field), value, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads a field for an agent, if it may read the region.
     *
     * @param type   the reader's type id.
     * @param agent  the reader's index.
     * @param record the record, from 0.
     * @param field  the field's index.
     * @return the value, or NaN (counted) if the agent may not read the region or it has no such record or field.
     */
    public double read(final int type, final int agent, final int record, final int field)
    {
        if (!readers.allows(type, agent) || !holds(record, field))
        {
            readsDenied.incrementAndGet();
            return Double.NaN;
        }
        return get(record, field);
    }

    /**
     * Reads a field whoever asks: for reports and tests, not for agents.
     *
     * @param record the record, from 0.
     * @param field  the field's index.
     * @return the value.
     */
    public double get(final int record, final int field)
    {
        return schema.field(field).type().read(buffer, at(record, field), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return writes and reads refused so far.
     */
    public long denied()
    {
        return denied + readsDenied.get();
    }

    /**
     * @return reads refused so far.
     */
    public long readsDenied()
    {
        return readsDenied.get();
    }

    private boolean holds(final int record, final int field)
    {
        return record >= 0 && record < records && field >= 0 && field < schema.fieldCount();
    }

    private int at(final int record, final int field)
    {
        if (record < 0 || record >= records || field < 0 || field >= schema.fieldCount())
        {
            throw new IndexOutOfBoundsException("shared region " + name() + " has records 0 to " + (records - 1) +
                " and fields 0 to " + (schema.fieldCount() - 1) + ", not record " + record + ", field " + field);
        }
        return record * schema.length() + schema.offset(field);
    }

    /**
     * Folds the counters and every record's bytes into the hash.
     */
    public void hash(final StateHasher hasher)
    {
        hashCounters(hasher);
        hasher.word(readsDenied.get()).bytes(buffer, 0, records * schema.length());
    }

    /**
     * Writes the counters, the region's size and its bytes.
     */
    public void write(final PartWriter out)
    {
        writeCounters(out);
        out.putLong(readsDenied.get()).putInt(records).putInt(schema.length())
            .putBytes(buffer, 0, records * schema.length());
    }

    /**
     * {@inheritDoc}
     */
    public void read(final PartReader in)
    {
        readCounters(in);
        readsDenied.set(in.getLong());
        in.expectInt("records", records);
        in.expectInt("record length", schema.length());
        in.getBytes(buffer, 0, records * schema.length());
        in.expectEnd();
    }

    /**
     * Frees the region's memory.
     */
    public void close()
    {
        if (allocation != null)
        {
            buffer.wrap(0L, 0);
            BufferUtil.free(allocation);
            allocation = null;
        }
    }
}
