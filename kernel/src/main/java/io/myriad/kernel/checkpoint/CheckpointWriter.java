package io.myriad.kernel.checkpoint;

import static io.myriad.kernel.checkpoint.CheckpointFiles.forceDirectory;
import static io.myriad.kernel.checkpoint.CheckpointFiles.move;
import static io.myriad.kernel.checkpoint.CheckpointFiles.view;
import static io.myriad.kernel.checkpoint.CheckpointFiles.writeFully;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;
import org.agrona.checksum.Crc32c;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.world.Part;
import io.myriad.kernel.world.PartWriter;
import io.myriad.kernel.world.World;
import io.myriad.layouts.AgentStore;

/**
 * Writes a checkpoint of a world, atomically: the data file ({@link CheckpointDescriptor}) to a temporary name,
 * forced to disk and renamed; then the manifest the same way; then the directory is forced. A crash at any point
 * leaves either a whole checkpoint or files that {@link Checkpoints#list} passes over, never a manifest whose data
 * is missing or short. Keeps its buffers from one checkpoint to the next.
 */
public final class CheckpointWriter
{
    private final PartWriter header = new PartWriter();
    private final PartWriter section = new PartWriter();
    private final ByteBuffer sectionHead =
        ByteBuffer.allocate(CheckpointDescriptor.SECTION_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer checksum =
        ByteBuffer.allocate(CheckpointDescriptor.CHECKSUM_LENGTH).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * Writes a checkpoint of the world at {@code tick}.
     *
     * @param directory      the run's checkpoint directory, created if need be.
     * @param world          the world, between steps.
     * @param tick           ticks done.
     * @param stateHash      the state hash now.
     * @param journalRecords records in the run's journal after its run start, or -1.
     * @param model          the model's name.
     * @return the checkpoint written.
     * @throws CheckpointException if it cannot be written; nothing already there is harmed.
     */
    public Checkpoint write(
        final Path directory,
        final World world,
        final long tick,
        final long stateHash,
        final long journalRecords,
        final String model)
    {
        final String stem = Checkpoints.stem(tick);
        final Path data = directory.resolve(stem + Checkpoints.DATA_SUFFIX);
        final Path manifest = directory.resolve(stem + Checkpoints.MANIFEST_SUFFIX);
        final Path dataTemporary = directory.resolve(stem + Checkpoints.DATA_SUFFIX + Checkpoints.TEMPORARY_SUFFIX);
        final Path manifestTemporary =
            directory.resolve(stem + Checkpoints.MANIFEST_SUFFIX + Checkpoints.TEMPORARY_SUFFIX);
        try
        {
            Files.createDirectories(directory);
            // a checkpoint rewritten at the same tick: its old manifest goes first, so no crash can pair it with the
            // new data
            Files.deleteIfExists(manifest);
            final List<String> sections = new ArrayList<>();
            final long dataBytes;
            try (FileChannel channel = FileChannel.open(dataTemporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                writeHeader(channel, world, tick, stateHash, journalRecords, model);
                for (int t = 0; t < world.typeCount(); t++)
                {
                    final AgentStore store = world.store(t);
                    final int words = (store.highWaterMark() + 63) >>> 6;
                    section.reset();
                    for (int w = 0; w < words; w++)
                    {
                        section.putLong(store.aliveWord(w));
                    }
                    sections.add(write(channel, CheckpointDescriptor.SECTION_ALIVE, t, 0, section.buffer(),
                        section.length()));
                    for (int r = 0, regions = store.addressing().regionCount(); r < regions; r++)
                    {
                        sections.add(write(channel, t, r, store.region(r)));
                    }
                }
                for (int p = 0; p < world.partCount(); p++)
                {
                    final Part part = world.part(p);
                    part.write(section.reset());
                    sections.add(write(channel, CheckpointDescriptor.SECTION_PART, p, 0, section.buffer(),
                        section.length()) + " (" + part.name() + ")");
                }
                channel.force(true);
                dataBytes = channel.size();
            }
            move(dataTemporary, data);
            final String shape = Checkpoints.describe(world);
            writeManifest(manifestTemporary, manifest(world, tick, stateHash, journalRecords, model, shape, data,
                dataBytes, sections));
            move(manifestTemporary, manifest);
            forceDirectory(directory);
            return new Checkpoint(manifest, data, tick, model, shape, world.layout().name(), world.seed(),
                world.liveCount(), stateHash, journalRecords, dataBytes);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot write checkpoint " + data + ": " + ex.getMessage() +
                "; is the disk full or the directory read-only?", ex);
        }
    }

    private void writeHeader(
        final FileChannel channel,
        final World world,
        final long tick,
        final long stateHash,
        final long journalRecords,
        final String model) throws IOException
    {
        header.reset().putLong(tick).putLong(world.seed()).putLong(stateHash).putLong(journalRecords)
            .putString(model).putString(world.layout().name()).putInt(world.typeCount());
        for (int t = 0; t < world.typeCount(); t++)
        {
            final AgentStore store = world.store(t);
            header.putString(world.type(t).name()).putString(Checkpoints.schema(store.schema()))
                .putInt(store.capacity()).putInt(store.highWaterMark()).putInt(store.parity())
                .putLong(store.swapCount()).putInt(store.addressing().regionCount());
        }
        header.putInt(world.partCount());
        for (int p = 0; p < world.partCount(); p++)
        {
            header.putString(world.part(p).name());
        }
        final ByteBuffer start = ByteBuffer.allocate(CheckpointDescriptor.HEADER_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        start.putLong(CheckpointDescriptor.MAGIC).putInt(CheckpointDescriptor.VERSION).putInt(header.length());
        writeFully(channel, start.flip());
        writeFully(channel, header.buffer().byteBuffer().duplicate().position(0).limit(header.length()));
        writeChecksum(channel, crc(header.buffer(), header.length()));
    }

    private String write(
        final FileChannel channel, final int kind, final int owner, final int index, final DirectBuffer bytes,
        final int length) throws IOException
    {
        writeSectionHead(channel, kind, owner, index, length);
        writeFully(channel, bytes.byteBuffer().duplicate().position(0).limit(length));
        final int crc = crc(bytes, length);
        writeChecksum(channel, crc);
        return describe(kind, owner, index, length, crc);
    }

    private String write(final FileChannel channel, final int type, final int index, final UnsafeBuffer region)
        throws IOException
    {
        final int length = region.capacity();
        writeSectionHead(channel, CheckpointDescriptor.SECTION_REGION, type, index, length);
        writeFully(channel, view(region));
        final int crc = Crc32c.INSTANCE.compute(region.addressOffset(), 0, length);
        writeChecksum(channel, crc);
        return describe(CheckpointDescriptor.SECTION_REGION, type, index, length, crc);
    }

    private void writeSectionHead(
        final FileChannel channel, final int kind, final int owner, final int index, final long length)
        throws IOException
    {
        sectionHead.clear();
        sectionHead.putInt(kind).putInt(owner).putInt(index).putInt(0).putLong(length);
        writeFully(channel, sectionHead.flip());
    }

    private void writeChecksum(final FileChannel channel, final int crc) throws IOException
    {
        checksum.clear();
        writeFully(channel, checksum.putInt(crc).flip());
    }

    private static int crc(final DirectBuffer bytes, final int length)
    {
        return Crc32c.INSTANCE.compute(bytes.addressOffset(), 0, length);
    }

    private static String describe(final int kind, final int owner, final int index, final long length, final int crc)
    {
        return String.format(Locale.ROOT, "%s %d.%d, %d bytes, crc32c %08x",
            CheckpointDescriptor.sectionName(kind), owner, index, length, crc);
    }

    private static String manifest(
        final World world,
        final long tick,
        final long stateHash,
        final long journalRecords,
        final String model,
        final String shape,
        final Path data,
        final long dataBytes,
        final List<String> sections)
    {
        final StringBuilder text = new StringBuilder()
            .append("# Myriad checkpoint: the whole state of the run after tick ").append(tick).append(".\n")
            .append("# Written last, after ").append(data.getFileName())
            .append(" is on disk; without this file the checkpoint is incomplete and never used.\n")
            .append("format=").append(CheckpointDescriptor.VERSION).append('\n')
            .append("tick=").append(tick).append('\n')
            .append("model=").append(model).append('\n')
            .append("world=").append(escape(shape)).append('\n')
            .append("layout=").append(world.layout().name()).append('\n')
            .append("seed=").append(world.seed()).append('\n')
            .append("live_agents=").append(world.liveCount()).append('\n');
        for (int t = 0; t < world.typeCount(); t++)
        {
            text.append("type.").append(world.type(t).name()).append(".live=")
                .append(world.store(t).liveCount()).append('\n')
                .append("type.").append(world.type(t).name()).append(".capacity=")
                .append(world.store(t).capacity()).append('\n');
        }
        text.append("state_hash=").append(StateHash.toHex(stateHash)).append('\n')
            .append("journal_records=").append(journalRecords).append('\n')
            .append("data_file=").append(data.getFileName()).append('\n')
            .append("data_bytes=").append(dataBytes).append('\n')
            .append("created=").append(Instant.now()).append('\n');
        for (int i = 0; i < sections.size(); i++)
        {
            text.append("section.").append(i).append('=').append(sections.get(i)).append('\n');
        }
        return text.toString();
    }

    private static void writeManifest(final Path file, final String text) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            writeFully(channel, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    private static String escape(final String text)
    {
        return text.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
