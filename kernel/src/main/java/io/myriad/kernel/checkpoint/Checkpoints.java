package io.myriad.kernel.checkpoint;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.myriad.kernel.world.World;
import io.myriad.layouts.Schema;
import io.myriad.layouts.SchemaField;

/**
 * Finds, names and prunes checkpoints, and reads their manifests; {@link CheckpointWriter} writes them and
 * {@link CheckpointReader} checks and restores their data.
 * <p>
 * A checkpoint is two files: {@code tick-<T>.ckpt}, the data ({@link CheckpointDescriptor}), and
 * {@code tick-<T>.manifest}, a readable properties file written last. A crash at any point leaves either a whole
 * checkpoint or files that {@link #list(Path, Consumer)} passes over (a data file without a manifest, a temporary
 * file), never a manifest whose data is missing or short.
 */
public final class Checkpoints
{
    /** Suffix of a checkpoint's data file. */
    public static final String DATA_SUFFIX = ".ckpt";
    /** Suffix of a checkpoint's manifest. */
    public static final String MANIFEST_SUFFIX = ".manifest";
    /** Suffix of a file being written. */
    public static final String TEMPORARY_SUFFIX = ".tmp";

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
     * Reads a checkpoint's manifest and checks that its data file is there and whole (its length); the contents
     * are checked by {@link CheckpointReader#restore}.
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
        return new Checkpoint(manifest, data, fields.longValue("tick"), fields.text("model"), fields.text("world"),
            fields.text("layout"), fields.longValue("seed"), fields.longValue("live_agents"),
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

    /**
     * @param world a world.
     * @return its shape: each type's name and schema, then each part's name, in declaration order.
     */
    public static String describe(final World world)
    {
        final StringBuilder text = new StringBuilder();
        for (int t = 0; t < world.typeCount(); t++)
        {
            text.append(t == 0 ? "" : ";").append(world.type(t).name()).append('=')
                .append(schema(world.store(t).schema()));
        }
        text.append(";parts[");
        for (int p = 0; p < world.partCount(); p++)
        {
            text.append(p == 0 ? "" : ",").append(world.part(p).name());
        }
        return text.append(']').toString();
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
