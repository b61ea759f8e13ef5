package io.myriad.kernel.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The file handling checkpoint writing and reading share: whole reads and writes, atomic renames, a directory's
 * fsync, a store region seen as a {@link ByteBuffer}.
 */
final class CheckpointFiles
{
    private static final int IO_CHUNK = 1 << 24;

    private CheckpointFiles()
    {
    }

    static ByteBuffer view(final UnsafeBuffer region)
    {
        final ByteBuffer backing = region.byteBuffer().duplicate();
        backing.limit(region.wrapAdjustment() + region.capacity()).position(region.wrapAdjustment());
        return backing.slice();
    }

    static ByteBuffer readFully(final FileChannel channel, final int length, final Checkpoint checkpoint)
        throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readInto(channel, buffer, checkpoint);
        return buffer.flip();
    }

    static void readInto(final FileChannel channel, final ByteBuffer buffer, final Checkpoint checkpoint)
        throws IOException
    {
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) < 0)
            {
                throw damaged(checkpoint, "it ends early, at byte " + channel.position());
            }
        }
    }

    static void writeFully(final FileChannel channel, final ByteBuffer buffer) throws IOException
    {
        while (buffer.hasRemaining())
        {
            final int limit = buffer.limit();
            buffer.limit(Math.min(limit, buffer.position() + IO_CHUNK));
            channel.write(buffer);
            buffer.limit(limit);
        }
    }

    static void move(final Path from, final Path to) throws IOException
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

    static void forceDirectory(final Path directory)
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

    static CheckpointException damaged(final Checkpoint checkpoint, final String what)
    {
        return new CheckpointException("checkpoint " + checkpoint.data() + " is damaged: " + what);
    }
}
