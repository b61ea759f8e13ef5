package io.myriad.kernel.checkpoint;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.stream.Stream;

import org.agrona.checksum.Crc32c;
import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.hash.StateHash;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SchemaField;

/**
 * Writes, finds, checks, restores and prunes checkpoints.
 * <p>
 * Writing is atomic: the data file is written to a temporary name, forced to disk and renamed; then the manifest
 * the same way; then the directory is forced. A crash at any point leaves either a whole checkpoint or files that
 * {@link #list(Path, Consumer)} passes over (a data file without a manifest, a temporary file), never a manifest
 * whose data is missing or short. Reading checks everything before it touches the store: the manifest's fields,
 * the data file's length, magic, version, the header's checksum and fields against the store, and every section's
 * checksum.
 */
public final class Checkpoints
{
    /** Suffix of a checkpoint's data file. */
    public static final String DATA_SUFFIX = ".ckpt";
    /** Suffix of a checkpoint's manifest. */
    public static final String MANIFEST_SUFFIX = ".manifest";
    /** Suffix of a file being written. */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    private static final int IO_CHUNK = 1 << 24;

    private Checkpoints()
    {
    }

    /**
     * @param tick ticks done.
     * @return the file name stem of the checkpoint at that tick, {@code tick-000000001000}.
     */
    public static String stem(final long tick)
    {
        return String.format(Locale.ROOT, "tick-%012d", tick);
    }

    /**
     * Writes a checkpoint of the store at {@code tick}, atomically.
     *
     * @param directory      the run's checkpoint directory, created if need be.
     * @param store          the agents, between ticks.
     * @param tick           ticks done.
     * @param seed           the run's seed.
     * @param stateHash      the state hash now.
     * @param journalRecords records in the run's journal after its run start, or -1.
     * @param model          the model's name.
     * @return the checkpoint written.
     * @throws CheckpointException if it cannot be written; nothing already there is harmed.
     */
    public static Checkpoint write(
        final Path directory,
        final AgentStore store,
        final long tick,
        final long seed,
        final long stateHash,
        final long journalRecords,
        final String model)
    {
        final String stem = stem(tick);
        final Path data = directory.resolve(stem + DATA_SUFFIX);
        final Path manifest = directory.resolve(stem + MANIFEST_SUFFIX);
        final Path dataTemporary = directory.resolve(stem + DATA_SUFFIX + TEMPORARY_SUFFIX);
        final Path manifestTemporary = directory.resolve(stem + MANIFEST_SUFFIX + TEMPORARY_SUFFIX);
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
                final byte[] header = header(store, tick, seed, stateHash, journalRecords, model);
                final ByteBuffer start = ByteBuffer.allocate(CheckpointDescriptor.HEADER_OFFSET + header.length + 4)
                    .order(ByteOrder.LITTLE_ENDIAN);
                start.putLong(CheckpointDescriptor.MAGIC).putInt(CheckpointDescriptor.VERSION)
                    .putInt(header.length).put(header).putInt(crc(header));
                writeFully(channel, start.flip());

                final int words = (store.highWaterMark() + 63) >>> 6;
                final long[] alive = new long[Math.max(words, 1)];
                store.copyAliveWords(alive);
                final ByteBuffer aliveBytes = ByteBuffer.allocate(words * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int w = 0; w < words; w++)
                {
                    aliveBytes.putLong(alive[w]);
                }
                sections.add(section(channel, CheckpointDescriptor.SECTION_ALIVE, 0, aliveBytes.array()));
                for (int r = 0, regions = store.addressing().regionCount(); r < regions; r++)
                {
                    sections.add(section(channel, r, store.region(r)));
                }
                channel.force(true);
                dataBytes = channel.size();
            }
            move(dataTemporary, data);

            final StringBuilder text = new StringBuilder()
                .append("# Myriad checkpoint: the whole state of the run after tick ").append(tick).append(".\n")
                .append("# Written last, after ").append(data.getFileName())
                .append(" is on disk; without this file the checkpoint is incomplete and never used.\n")
                .append("format=").append(CheckpointDescriptor.VERSION).append('\n')
                .append("tick=").append(tick).append('\n')
                .append("model=").append(model).append('\n')
                .append("schema=").append(escape(schema(store.schema()))).append('\n')
                .append("layout=").append(store.layout().name()).append('\n')
                .append("seed=").append(seed).append('\n')
                .append("live_agents=").append(store.liveCount()).append('\n')
                .append("capacity=").append(store.capacity()).append('\n')
                .append("state_hash=").append(StateHash.toHex(stateHash)).append('\n')
                .append("journal_records=").append(journalRecords).append('\n')
                .append("data_file=").append(data.getFileName()).append('\n')
                .append("data_bytes=").append(dataBytes).append('\n')
                .append("created=").append(Instant.now()).append('\n');
            for (int i = 0; i < sections.size(); i++)
            {
                text.append("section.").append(i).append('=').append(sections.get(i)).append('\n');
            }
            try (FileChannel channel = FileChannel.open(manifestTemporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                writeFully(channel, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            move(manifestTemporary, manifest);
            forceDirectory(directory);
            return new Checkpoint(manifest, data, tick, model, schema(store.schema()), store.layout().name(), seed,
                store.liveCount(), stateHash, journalRecords, dataBytes);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot write checkpoint " + data + ": " + ex.getMessage() +
                "; is the disk full or the directory read-only?", ex);
        }
    }

    /**
     * Reads a checkpoint's manifest and checks that its data file is there and whole (its length); the contents
     * are checked by {@link #restore(Checkpoint, AgentStore)}.
     *
     * @param path the manifest, the data file, or the stem.
     * @return what the manifest says.
     * @throws CheckpointException saying what is missing or wrong.
     */
    public static Checkpoint read(final Path path)
    {
        final String name = path.getFileName().toString();
        final String stem = name.endsWith(MANIFEST_SUFFIX) ?
            name.substring(0, name.length() - MANIFEST_SUFFIX.length()) :
            name.endsWith(DATA_SUFFIX) ? name.substring(0, name.length() - DATA_SUFFIX.length()) : name;
        final Path directory = path.toAbsolutePath().getParent();
        final Path manifest = directory.resolve(stem + MANIFEST_SUFFIX);
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final NoSuchFileException ex)
        {
            throw new CheckpointException("checkpoint " + directory.resolve(stem) + " has no manifest (" +
                manifest.getFileName() + "): it was not finished, so it cannot be used");
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new CheckpointException("cannot read checkpoint manifest " + manifest + ": " + ex.getMessage(), ex);
        }
        final Manifest fields = new Manifest(manifest, properties);
        final int format = (int)fields.longValue("format");
        if (format != CheckpointDescriptor.VERSION)
        {
            throw new CheckpointException("checkpoint " + manifest + " is of format " + format + "; this build " +
                "reads format " + CheckpointDescriptor.VERSION);
        }
        final Path data = directory.resolve(fields.text("data_file"));
        final long dataBytes = fields.longValue("data_bytes");
        try
        {
            final long size = Files.size(data);
            if (size != dataBytes)
            {
                throw new CheckpointException("checkpoint " + data + " is " + size + " bytes but its manifest says " +
                    dataBytes + ": the file is damaged");
            }
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("checkpoint " + manifest + " names data file " + data.getFileName() +
                ", which cannot be read: " + ex.getMessage(), ex);
        }
        return new Checkpoint(manifest, data, fields.longValue("tick"), fields.text("model"), fields.text("schema"),
            fields.text("layout"), fields.longValue("seed"), (int)fields.longValue("live_agents"),
            fields.hash("state_hash"), fields.longValue("journal_records"), dataBytes);
    }

    /**
     * The checkpoints in a directory that can be used, newest first; every one that cannot is reported to
     * {@code passedOver} with the reason, and left where it is.
     *
     * @param directory  a checkpoint directory; missing means none.
     * @param passedOver receives one line per checkpoint passed over.
     * @return the usable checkpoints, by tick, newest first.
     */
    public static List<Checkpoint> list(final Path directory, final Consumer<String> passedOver)
    {
        final List<Checkpoint> found = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return found;
        }
        final List<Path> files;
        try (Stream<Path> stream = Files.list(directory))
        {
            files = stream.sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot list checkpoint directory " + directory + ": " + ex.getMessage(), ex);
        }
        for (final Path file : files)
        {
            final String name = file.getFileName().toString();
            if (name.endsWith(DATA_SUFFIX))
            {
                try
                {
                    found.add(read(file));
                }
                catch (final CheckpointException ex)
                {
                    passedOver.accept(ex.getMessage());
                }
            }
        }
        found.sort(Comparator.comparingLong(Checkpoint::tick).reversed());
        return found;
    }

    /**
     * Checks every part of a checkpoint's data file against its checksum, without loading it anywhere: how a
     * resume chooses a checkpoint before it commits to one.
     *
     * @param checkpoint a checkpoint from {@link #read(Path)} or {@link #list(Path, Consumer)}.
     * @throws CheckpointException naming the first damaged part.
     */
    public static void verify(final Checkpoint checkpoint)
    {
        try (FileChannel channel = FileChannel.open(checkpoint.data(), StandardOpenOption.READ))
        {
            readHeader(channel, checkpoint);
            final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            while (channel.position() < checkpoint.dataBytes())
            {
                final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
                final int kind = head.getInt(0);
                final long length = head.getLong(8);
                if ((kind != CheckpointDescriptor.SECTION_ALIVE && kind != CheckpointDescriptor.SECTION_REGION) ||
                    length < 0 || length > checkpoint.dataBytes() - channel.position())
                {
                    throw damaged(checkpoint, "a section at byte " + (channel.position() - 16) +
                        " has an impossible kind " + kind + " or length " + length);
                }
                final CRC32C crc = new CRC32C();
                long left = length;
                while (left > 0)
                {
                    chunk.clear().limit((int)Math.min(chunk.capacity(), left));
                    while (chunk.hasRemaining())
                    {
                        if (channel.read(chunk) < 0)
                        {
                            throw damaged(checkpoint, "it ends inside a section");
                        }
                    }
                    chunk.flip();
                    left -= chunk.remaining();
                    crc.update(chunk);
                }
                if ((int)crc.getValue() != readFully(channel, 4, checkpoint).getInt(0))
                {
                    throw damaged(checkpoint, "the checksum of " + (kind == CheckpointDescriptor.SECTION_ALIVE ?
                        "its liveness section" : "region " + head.getInt(4)) + " does not match");
                }
            }
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot read checkpoint " + checkpoint.data() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Checks a checkpoint's data against its manifest and the store, then loads it into the store.
     *
     * @param checkpoint a checkpoint from {@link #read(Path)} or {@link #list(Path, Consumer)}.
     * @param store      a store of the same schema, layout and capacity; overwritten.
     * @throws CheckpointException if the data is damaged or belongs to another run; the store is then undefined.
     */
    public static void restore(final Checkpoint checkpoint, final AgentStore store)
    {
        final String schema = schema(store.schema());
        if (!checkpoint.schema().equals(schema))
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " holds agents of another model " +
                "(" + checkpoint.model() + ", schema " + checkpoint.schema() + "); this run's agents are " + schema);
        }
        if (!checkpoint.layout().equals(store.layout().name()))
        {
            throw new CheckpointException("checkpoint " + checkpoint.manifest() + " was written in layout " +
                checkpoint.layout() + " and restores only into a store of that layout (this one is " +
                store.layout().name() + "); set the run's layout to " + checkpoint.layout());
        }
        try (FileChannel channel = FileChannel.open(checkpoint.data(), StandardOpenOption.READ))
        {
            final ByteBuffer header = readHeader(channel, checkpoint);
            final long tick = header.getLong(0);
            if (header.getLong(8) != checkpoint.seed() || header.getLong(16) != checkpoint.stateHash() ||
                header.getLong(24) != checkpoint.journalRecords())
            {
                throw damaged(checkpoint, "its header (seed, state hash, journal position) does not match its " +
                    "manifest: they were written by different checkpoints");
            }
            final long swapCount = header.getLong(32);
            final int capacity = header.getInt(40);
            final int highWaterMark = header.getInt(44);
            final int parity = header.getInt(48);
            final int regionCount = header.getInt(52);
            if (tick != checkpoint.tick() || capacity != store.capacity() ||
                regionCount != store.addressing().regionCount())
            {
                throw damaged(checkpoint, "its header (tick " + tick + ", capacity " + capacity + ", " + regionCount +
                    " regions) does not match its manifest or this run's store (capacity " + store.capacity() + ")");
            }

            final ByteBuffer aliveSection = section(channel, checkpoint, CheckpointDescriptor.SECTION_ALIVE, 0,
                ((highWaterMark + 63) >>> 6) * 8L);
            final long[] alive = new long[Math.max(1, (highWaterMark + 63) >>> 6)];
            for (int w = 0; w < alive.length && (w + 1) * 8 <= aliveSection.limit(); w++)
            {
                alive[w] = aliveSection.getLong(w * 8);
            }
            for (int r = 0; r < regionCount; r++)
            {
                readRegion(channel, checkpoint, r, store.region(r));
            }
            if (channel.position() != checkpoint.dataBytes())
            {
                throw damaged(checkpoint, "it has " + (checkpoint.dataBytes() - channel.position()) +
                    " bytes after its last section");
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
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot read checkpoint " + checkpoint.data() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Deletes all but the newest {@code keep} whole checkpoints, oldest first.
     *
     * @param directory a checkpoint directory.
     * @param keep      how many to keep, at least 1.
     * @return checkpoints deleted.
     */
    public static int prune(final Path directory, final int keep)
    {
        final List<Checkpoint> all = list(directory, (reason) -> { });
        int deleted = 0;
        for (int i = keep; i < all.size(); i++)
        {
            final Checkpoint old = all.get(i);
            try
            {
                // the manifest first: a checkpoint without one is never used, so no half-deleted one is ever read
                Files.deleteIfExists(old.manifest());
                Files.deleteIfExists(old.data());
                deleted++;
            }
            catch (final IOException ex)
            {
                throw new CheckpointException(
                    "cannot delete old checkpoint " + old.data() + ": " + ex.getMessage(), ex);
            }
        }
        return deleted;
    }

    /**
     * @param schema an agent schema.
     * @return its fields as {@code name:type[:double]} joined by ';'.
     */
    public static String schema(final Schema schema)
    {
        final StringBuilder text = new StringBuilder(schema.name()).append('{');
        for (int f = 0; f < schema.fieldCount(); f++)
        {
            final SchemaField field = schema.field(f);
            text.append(f == 0 ? "" : ";").append(field.name()).append(':').append(field.type().name()
                .toLowerCase(Locale.ROOT)).append(field.doubleBuffered() ? ":double" : "");
        }
        return text.append('}').toString();
    }

    private static byte[] header(
        final AgentStore store,
        final long tick,
        final long seed,
        final long stateHash,
        final long journalRecords,
        final String model)
    {
        final byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        final byte[] layoutBytes = store.layout().name().getBytes(StandardCharsets.UTF_8);
        final byte[] schemaBytes = schema(store.schema()).getBytes(StandardCharsets.UTF_8);
        final ByteBuffer header = ByteBuffer.allocate(56 + 12 + modelBytes.length + layoutBytes.length +
            schemaBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(tick).putLong(seed).putLong(stateHash).putLong(journalRecords).putLong(store.swapCount())
            .putInt(store.capacity()).putInt(store.highWaterMark()).putInt(store.parity())
            .putInt(store.addressing().regionCount());
        header.putInt(modelBytes.length).put(modelBytes);
        header.putInt(layoutBytes.length).put(layoutBytes);
        header.putInt(schemaBytes.length).put(schemaBytes);
        return header.array();
    }

    private static String section(final FileChannel channel, final int kind, final int index, final byte[] bytes)
        throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(CheckpointDescriptor.SECTION_HEADER_LENGTH + bytes.length + 4)
            .order(ByteOrder.LITTLE_ENDIAN);
        final int crc = crc(bytes);
        buffer.putInt(kind).putInt(index).putLong(bytes.length).put(bytes).putInt(crc);
        writeFully(channel, buffer.flip());
        return describe(kind, index, bytes.length, crc);
    }

    private static String section(final FileChannel channel, final int index, final UnsafeBuffer region)
        throws IOException
    {
        final int length = region.capacity();
        final int crc = Crc32c.INSTANCE.compute(region.addressOffset(), 0, length);
        final ByteBuffer head = ByteBuffer.allocate(CheckpointDescriptor.SECTION_HEADER_LENGTH)
            .order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(CheckpointDescriptor.SECTION_REGION).putInt(index).putLong(length);
        writeFully(channel, head.flip());
        writeFully(channel, view(region));
        final ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
        writeFully(channel, tail.flip());
        return describe(CheckpointDescriptor.SECTION_REGION, index, length, crc);
    }

    private static String describe(final int kind, final int index, final long length, final int crc)
    {
        return String.format(Locale.ROOT, "%s %d, %d bytes, crc32c %08x",
            kind == CheckpointDescriptor.SECTION_ALIVE ? "alive" : "region", index, length, crc);
    }

    private static ByteBuffer section(
        final FileChannel channel, final Checkpoint checkpoint, final int kind, final int index, final long length)
        throws IOException
    {
        final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
        if (head.getInt(0) != kind || head.getInt(4) != index || head.getLong(8) != length)
        {
            throw damaged(checkpoint, "section " + index + " is not the " + length + "-byte section expected");
        }
        final ByteBuffer body = readFully(channel, (int)length + 4, checkpoint);
        final byte[] bytes = new byte[(int)length];
        body.get(0, bytes);
        if (crc(bytes) != body.getInt((int)length))
        {
            throw damaged(checkpoint, "the checksum of its liveness section does not match");
        }
        return body;
    }

    private static void readRegion(
        final FileChannel channel, final Checkpoint checkpoint, final int index, final UnsafeBuffer region)
        throws IOException
    {
        final int length = region.capacity();
        final ByteBuffer head = readFully(channel, CheckpointDescriptor.SECTION_HEADER_LENGTH, checkpoint);
        if (head.getInt(0) != CheckpointDescriptor.SECTION_REGION || head.getInt(4) != index ||
            head.getLong(8) != length)
        {
            throw damaged(checkpoint, "region section " + index + " is not the " + length + "-byte region this " +
                "run's store has");
        }
        final ByteBuffer target = view(region);
        while (target.hasRemaining())
        {
            if (channel.read(target) < 0)
            {
                throw damaged(checkpoint, "it ends inside region " + index);
            }
        }
        final ByteBuffer crc = readFully(channel, 4, checkpoint);
        if (Crc32c.INSTANCE.compute(region.addressOffset(), 0, length) != crc.getInt(0))
        {
            throw damaged(checkpoint, "the checksum of region " + index + " does not match");
        }
    }

    /**
     * Reads and checks the magic number, the version and the header with its checksum; leaves the channel at the
     * first section.
     */
    private static ByteBuffer readHeader(final FileChannel channel, final Checkpoint checkpoint) throws IOException
    {
        final ByteBuffer start = readFully(channel, CheckpointDescriptor.HEADER_OFFSET, checkpoint);
        if (start.getLong(0) != CheckpointDescriptor.MAGIC)
        {
            throw damaged(checkpoint, "it does not start with a checkpoint's magic number");
        }
        if (start.getInt(8) != CheckpointDescriptor.VERSION)
        {
            throw damaged(checkpoint, "its format is " + start.getInt(8) + ", this build reads " +
                CheckpointDescriptor.VERSION);
        }
        final int headerLength = start.getInt(12);
        if (headerLength < 56 || headerLength > checkpoint.dataBytes())
        {
            throw damaged(checkpoint, "its header length " + headerLength + " is impossible");
        }
        final ByteBuffer header = readFully(channel, headerLength + 4, checkpoint);
        final byte[] headerBytes = new byte[headerLength];
        header.get(0, headerBytes);
        if (crc(headerBytes) != header.getInt(headerLength))
        {
            throw damaged(checkpoint, "its header's checksum does not match");
        }
        return header;
    }

    private static ByteBuffer view(final UnsafeBuffer region)
    {
        final ByteBuffer backing = region.byteBuffer().duplicate();
        backing.limit(region.wrapAdjustment() + region.capacity()).position(region.wrapAdjustment());
        return backing.slice();
    }

    private static ByteBuffer readFully(final FileChannel channel, final int length, final Checkpoint checkpoint)
        throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) < 0)
            {
                throw damaged(checkpoint, "it ends early, at byte " + channel.position());
            }
        }
        return buffer.flip();
    }

    private static void writeFully(final FileChannel channel, final ByteBuffer buffer) throws IOException
    {
        while (buffer.hasRemaining())
        {
            final int limit = buffer.limit();
            buffer.limit(Math.min(limit, buffer.position() + IO_CHUNK));
            channel.write(buffer);
            buffer.limit(limit);
        }
    }

    private static int crc(final byte[] bytes)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int)crc.getValue();
    }

    private static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceDirectory(final Path directory)
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            // some file systems cannot open or force a directory; the renames are then as durable as they get
        }
    }

    private static CheckpointException damaged(final Checkpoint checkpoint, final String what)
    {
        return new CheckpointException("checkpoint " + checkpoint.data() + " is damaged: " + what);
    }

    private static String escape(final String text)
    {
        return text.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    /**
     * A manifest's fields, with errors that name the field.
     */
    private static final class Manifest
    {
        private final Path file;
        private final Properties properties;

        Manifest(final Path file, final Properties properties)
        {
            this.file = file;
            this.properties = properties;
        }

        String text(final String key)
        {
            final String value = properties.getProperty(key);
            if (value == null || value.isEmpty())
            {
                throw new CheckpointException("checkpoint manifest " + file + " has no " + key + "; it is damaged");
            }
            return value;
        }

        long longValue(final String key)
        {
            final String value = text(key);
            try
            {
                return Long.parseLong(value.trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new CheckpointException("checkpoint manifest " + file + ": " + key + " must be an integer, " +
                    "was \"" + value + "\"; it is damaged");
            }
        }

        long hash(final String key)
        {
            final String value = text(key);
            try
            {
                return Long.parseUnsignedLong(value.trim(), 16);
            }
            catch (final NumberFormatException ex)
            {
                throw new CheckpointException("checkpoint manifest " + file + ": " + key + " must be 16 hex digits, " +
                    "was \"" + value + "\"; it is damaged");
            }
        }
    }
}
