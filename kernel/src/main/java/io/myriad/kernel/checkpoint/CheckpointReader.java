package io.myriad.kernel.checkpoint;

import static io.myriad.kernel.checkpoint.CheckpointFiles.damaged;
import static io.myriad.kernel.checkpoint.CheckpointFiles.readFully;
import static io.myriad.kernel.checkpoint.CheckpointFiles.readInto;
import static io.myriad.kernel.checkpoint.CheckpointFiles.view;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.agrona.checksum.Crc32c;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartFormatException;
import io.myriad.kernel.world.PartReader;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Checks a checkpoint's data file and loads it into a world. Everything is checked before it is used: the magic,
 * the version, the header's checksum and fields against the manifest and the world, and every section's checksum.
 */
public final class CheckpointReader
{
    private CheckpointReader()
    {
    }

    /**
     * Checks every section of a checkpoint's data file against its checksum, without loading it anywhere: how a
     * resume chooses a checkpoint before it commits to one.
     *
     * @param checkpoint a checkpoint from {@link Checkpoints#read} or {@link Checkpoints#list}.
     * @throws CheckpointException naming the first damaged section.
     */
    public static void verify(final Checkpoint checkpoint)
    {
        try (FileChannel channel = FileChannel.open(checkpoint.data(), StandardOpenOption.READ))
        {
            readHeader(channel, checkpoint);
            final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            while (channel.position() < checkpoint.dataBytes())
            {
                final long at = channel.position();
                final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
                final int kind = head.getInt(CheckpointDescriptor.SECTION_KIND_OFFSET);
                final long length = head.getLong(CheckpointDescriptor.SECTION_LENGTH_OFFSET);
                if (kind < CheckpointDescriptor.SECTION_ALIVE || kind > CheckpointDescriptor.SECTION_PART ||
                    length < 0 || length > checkpoint.dataBytes() - channel.position())
                {
                    throw damaged(checkpoint, "a section at byte " + at + " has an impossible kind " + kind +
                        " or length " + length);
                }
                final CRC32C crc = new CRC32C();
                long left = length;
                while (left > 0)
                {
                    chunk.clear().limit((int)Math.min(chunk.capacity(), left));
                    readInto(channel, chunk, checkpoint);
                    chunk.flip();
                    left -= chunk.remaining();
                    crc.update(chunk);
                }
                final int recorded = readFully(channel, CheckpointDescriptor.CHECKSUM_LENGTH, checkpoint).getInt(0);
                if ((int)crc.getValue() != recorded)
                {
                    throw damaged(checkpoint, "the checksum of " + CheckpointDescriptor.sectionName(kind) +
                        " section " + head.getInt(CheckpointDescriptor.SECTION_OWNER_OFFSET) + "." +
                        head.getInt(CheckpointDescriptor.SECTION_INDEX_OFFSET) + " does not match");
                }
            }
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot read checkpoint " + checkpoint.data() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Checks a checkpoint's data against its manifest and the world, then loads every store and part. A store that
     * had grown is grown to match first.
     *
     * @param checkpoint a checkpoint from {@link Checkpoints#read} or {@link Checkpoints#list}.
     * @param world      a world of the same model, seed and layout, fresh from its declaration; overwritten.
     * @throws CheckpointException if the data is damaged or belongs to another run; the world is then undefined.
     */
    public static void restore(final Checkpoint checkpoint, final World world)
    {
        final String shape = Checkpoints.describe(world);
        if (!checkpoint.world().equals(shape))
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " holds another world (" +
                checkpoint.model() + ": " + checkpoint.world() + "); this run's is " + shape);
        }
        if (!checkpoint.layout().equals(world.layout().name()))
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " was written in layout " +
                checkpoint.layout() + " and restores only into stores of that layout (this run's is " +
                world.layout().name() + "); set the run's layout to " + checkpoint.layout());
        }
        try (FileChannel channel = FileChannel.open(checkpoint.data(), StandardOpenOption.READ))
        {
            final PartReader header = readHeader(channel, checkpoint);
            if (header.getLong() != checkpoint.tick() || header.getLong() != checkpoint.seed() ||
                header.getLong() != checkpoint.stateHash() || header.getLong() != checkpoint.journalRecords())
            {
                throw damaged(checkpoint, "its header (tick, seed, state hash, journal position) does not match " +
                    "its manifest: they were written by different checkpoints");
            }
            header.getString();
            header.getString();
            header.expectInt("agent types:", world.typeCount());
            final int[] highWaterMarks = new int[world.typeCount()];
            final int[] parities = new int[world.typeCount()];
            final long[] swapCounts = new long[world.typeCount()];
            for (int t = 0; t < world.typeCount(); t++)
            {
                header.getString();
                header.getString();
                final int capacity = header.getInt();
                highWaterMarks[t] = header.getInt();
                parities[t] = header.getInt();
                swapCounts[t] = header.getLong();
                final int regions = header.getInt();
                if (capacity < world.type(t).capacity() || capacity > world.type(t).maxCapacity())
                {
                    throw damaged(checkpoint, "agent type " + world.type(t).name() + " has capacity " + capacity +
                        ", outside this run's " + world.type(t).capacity() + ".." + world.type(t).maxCapacity());
                }
                world.resize(t, capacity);
                if (regions != world.store(t).addressing().regionCount())
                {
                    throw damaged(checkpoint, "agent type " + world.type(t).name() + " has " + regions +
                        " regions; this run's store has " + world.store(t).addressing().regionCount());
                }
            }
            for (int t = 0; t < world.typeCount(); t++)
            {
                readStore(channel, checkpoint, t, world.store(t), highWaterMarks[t], parities[t], swapCounts[t]);
            }
            for (int p = 0; p < world.partCount(); p++)
            {
                readPart(channel, checkpoint, p, world.part(p));
            }
            if (channel.position() != checkpoint.dataBytes())
            {
                throw damaged(checkpoint, "it has " + (checkpoint.dataBytes() - channel.position()) +
                    " bytes after its last section");
            }
        }
        catch (final PartFormatException ex)
        {
            throw damaged(checkpoint, ex.getMessage());
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot read checkpoint " + checkpoint.data() + ": " + ex.getMessage(), ex);
        }
    }

    private static void readStore(
        final FileChannel channel,
        final Checkpoint checkpoint,
        final int type,
        final AgentStore store,
        final int highWaterMark,
        final int parity,
        final long swapCount) throws IOException
    {
        final int words = (highWaterMark + 63) >>> 6;
        final ByteBuffer aliveSection = readSection(channel, checkpoint, CheckpointDescriptor.SECTION_ALIVE, type,
            0, words * 8L);
        final long[] alive = new long[Math.max(1, words)];
        for (int w = 0; w < words; w++)
        {
            alive[w] = aliveSection.getLong(w * 8);
        }
        for (int r = 0, regions = store.addressing().regionCount(); r < regions; r++)
        {
            readRegion(channel, checkpoint, type, r, store.region(r));
        }
        try
        {
            store.restore(highWaterMark, parity, swapCount, alive);
        }
        catch (final IllegalArgumentException ex)
        {
            throw damaged(checkpoint, ex.getMessage());
        }
    }

    private static void readPart(final FileChannel channel, final Checkpoint checkpoint, final int index,
        final Part part) throws IOException
    {
        final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
        final long length = head.getLong(CheckpointDescriptor.SECTION_LENGTH_OFFSET);
        if (head.getInt(CheckpointDescriptor.SECTION_KIND_OFFSET) != CheckpointDescriptor.SECTION_PART ||
            head.getInt(CheckpointDescriptor.SECTION_OWNER_OFFSET) != index || length < 0 ||
            length > checkpoint.dataBytes() - channel.position())
        {
            throw damaged(checkpoint, "the section of part " + part.name() + " is not where it should be");
        }
        final ByteBuffer body = ByteBuffer.allocateDirect((int)length);
        readInto(channel, body, checkpoint);
        final UnsafeBuffer bytes = new UnsafeBuffer(body);
        if (Crc32c.INSTANCE.compute(bytes.addressOffset(), 0, (int)length) !=
            readFully(channel, CheckpointDescriptor.CHECKSUM_LENGTH, checkpoint).getInt(0))
        {
            throw damaged(checkpoint, "the checksum of part " + part.name() + " does not match");
        }
        part.read(new PartReader(part.name()).wrap(bytes, 0, (int)length));
    }

    private static ByteBuffer readSection(
        final FileChannel channel,
        final Checkpoint checkpoint,
        final int kind,
        final int owner,
        final int index,
        final long length) throws IOException
    {
        final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
        checkHead(checkpoint, head, kind, owner, index, length);
        final ByteBuffer body = readFully(channel, (int)length + CheckpointDescriptor.CHECKSUM_LENGTH, checkpoint);
        final CRC32C crc = new CRC32C();
        crc.update(body.duplicate().limit((int)length));
        if ((int)crc.getValue() != body.getInt((int)length))
        {
            throw damaged(checkpoint, "the checksum of " + CheckpointDescriptor.sectionName(kind) + " section " +
                owner + "." + index + " does not match");
        }
        return body;
    }

    private static void readRegion(
        final FileChannel channel, final Checkpoint checkpoint, final int type, final int index,
        final UnsafeBuffer region) throws IOException
    {
        final int length = region.capacity();
        final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
        checkHead(checkpoint, head, CheckpointDescriptor.SECTION_REGION, type, index, length);
        final ByteBuffer target = view(region);
        readInto(channel, target, checkpoint);
        final ByteBuffer crc = readFully(channel, CheckpointDescriptor.CHECKSUM_LENGTH, checkpoint);
        if (Crc32c.INSTANCE.compute(region.addressOffset(), 0, length) != crc.getInt(0))
        {
            throw damaged(checkpoint, "the checksum of region " + type + "." + index + " does not match");
        }
    }

    private static void checkHead(
        final Checkpoint checkpoint, final ByteBuffer head, final int kind, final int owner, final int index,
        final long length)
    {
        if (head.getInt(CheckpointDescriptor.SECTION_KIND_OFFSET) != kind ||
            head.getInt(CheckpointDescriptor.SECTION_OWNER_OFFSET) != owner ||
            head.getInt(CheckpointDescriptor.SECTION_INDEX_OFFSET) != index ||
            head.getLong(CheckpointDescriptor.SECTION_LENGTH_OFFSET) != length)
        {
            throw damaged(checkpoint, CheckpointDescriptor.sectionName(kind) + " section " + owner + "." + index +
                " is not the " + length + "-byte section this run's world expects");
        }
    }

    /**
     * Reads and checks the magic number, the version and the header with its checksum; leaves the channel at the
     * first section.
     */
    private static PartReader readHeader(final FileChannel channel, final Checkpoint checkpoint) throws IOException
    {
        final ByteBuffer start = readFully(channel, CheckpointDescriptor.HEADER_OFFSET, checkpoint);
        if (start.getLong(0) != CheckpointDescriptor.MAGIC)
        {
            throw damaged(checkpoint, "it does not start with a format-" + CheckpointDescriptor.VERSION +
                " checkpoint's magic number");
        }
        final int version = start.getInt(CheckpointDescriptor.VERSION_OFFSET);
        if (version != CheckpointDescriptor.VERSION)
        {
            throw damaged(checkpoint, "its format is " + version + ", this build reads " +
                CheckpointDescriptor.VERSION);
        }
        final int headerLength = start.getInt(CheckpointDescriptor.HEADER_LENGTH_OFFSET);
        if (headerLength < CheckpointDescriptor.MIN_HEADER_LENGTH || headerLength > checkpoint.dataBytes())
        {
            throw damaged(checkpoint, "its header length " + headerLength + " is impossible");
        }
        final ByteBuffer header = ByteBuffer.allocateDirect(headerLength + CheckpointDescriptor.CHECKSUM_LENGTH)
            .order(ByteOrder.LITTLE_ENDIAN);
        readInto(channel, header, checkpoint);
        final UnsafeBuffer bytes = new UnsafeBuffer(header);
        if (Crc32c.INSTANCE.compute(bytes.addressOffset(), 0, headerLength) !=
            bytes.getInt(headerLength, ByteOrder.LITTLE_ENDIAN))
        {
            throw damaged(checkpoint, "its header's checksum does not match");
        }
        return new PartReader("header").wrap(bytes, 0, headerLength);
    }
}
