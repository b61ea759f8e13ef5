package io.myriad.kernel.command;

import static io.myriad.kernel.command.CommandDescriptor.FLAGS_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.FLAG_SPAWN;
import static io.myriad.kernel.command.CommandDescriptor.HEADER_LENGTH;
import static io.myriad.kernel.command.CommandDescriptor.ID_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.LENGTH_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.SOURCE_TYPE_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.TARGET_INDEX_OFFSET;
import static io.myriad.kernel.command.CommandDescriptor.TARGET_TYPE_OFFSET;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;

import io.myriad.kernel.rng.RngStream;
import io.myriad.kernel.world.World;

/**
 * What a {@link CommandHandler} sees: one command in its outbox, the step it belongs to, the world, and a random
 * stream for serial draws. A flyweight the apply stage moves from command to command; the model's codec wraps
 * {@link #buffer()} at {@link #payloadOffset()} to read the fields.
 */
public final class Command
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final World world;
    private final RngStream rng;
    private MutableDirectBuffer buffer;
    private int offset;
    private long step;
    private int length;
    private int id;
    private int flags;
    private int targetType;
    private int targetIndex;
    private int sourceType;
    private int sourceIndex;

    /**
     * @param world the world commands change.
     * @param rng   the stream handlers draw from, a part of the world.
     */
    public Command(final World world, final RngStream rng)
    {
        this.world = world;
        this.rng = rng;
    }

    /**
     * @param buffer an outbox's bytes.
     * @param offset where the command starts.
     * @param step   the step it was emitted in.
     * @return this view.
     */
    public Command wrap(final MutableDirectBuffer buffer, final int offset, final long step)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.step = step;
        // the header is three words, read once: handlers and the applier ask for its fields again and again
        final long first = buffer.getLong(offset + LENGTH_OFFSET, ORDER);
        final long target = buffer.getLong(offset + TARGET_TYPE_OFFSET, ORDER);
        final long source = buffer.getLong(offset + SOURCE_TYPE_OFFSET, ORDER);
        length = (int)first;
        id = (short)(first >>> (Byte.SIZE * ID_OFFSET));
        flags = (short)(first >>> (Byte.SIZE * FLAGS_OFFSET));
        targetType = (int)target;
        targetIndex = (int)(target >>> Integer.SIZE);
        sourceType = (int)source;
        sourceIndex = (int)(source >>> Integer.SIZE);
        return this;
    }

    /**
     * @return the command's id.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return true if the command is a birth.
     */
    public boolean isSpawn()
    {
        return (flags & FLAG_SPAWN) != 0;
    }

    /**
     * @return the target's type id.
     */
    public int targetType()
    {
        return targetType;
    }

    /**
     * @return the target's index; for a birth, the newborn's.
     */
    public int targetIndex()
    {
        return targetIndex;
    }

    /**
     * @return the sender's (or parent's) type id, or -1.
     */
    public int sourceType()
    {
        return sourceType;
    }

    /**
     * @return the sender's (or parent's) index, or -1.
     */
    public int sourceIndex()
    {
        return sourceIndex;
    }

    /**
     * @return the bytes holding the command.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return where the command's fields start in {@link #buffer()}.
     */
    public int payloadOffset()
    {
        return offset + HEADER_LENGTH;
    }

    /**
     * @return the step the command was emitted in, from 0.
     */
    public long step()
    {
        return step;
    }

    /**
     * @return the world: write double-buffered fields' next values, since the step's swap follows.
     */
    public World world()
    {
        return world;
    }

    /**
     * @return a random stream for the handler's draws; its counter is part of the world.
     */
    public RngStream rng()
    {
        return rng;
    }

    /**
     * @return bytes of the whole command, header, payload and padding.
     */
    public int length()
    {
        return length;
    }

    void targetIndex(final int index)
    {
        targetIndex = index;
        buffer.putInt(offset + TARGET_INDEX_OFFSET, index, ORDER);
    }
}
