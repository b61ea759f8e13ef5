package io.myriad.kernel.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.ExpandableDirectByteBuffer;

import io.myriad.layouts.ModuleAccess;

/**
 * Reads a journal's records in order, checking each record's framing, type, version and checksum before handing
 * it out. Reading never changes a journal.
 * <p>
 * The reader walks Chronicle Queue's data files itself, document by document, rather than through a Chronicle
 * tailer: a queue file is a sequence of documents, each behind a 4-byte header (bit 31 set while the document is
 * being written, bit 30 for Chronicle's own metadata such as its index, the low 30 bits the length; headers are
 * 4-byte aligned), and a zero header marks the end of what has been written. Walking the headers needs nothing
 * but whole documents, so it reads every one that was finished even when a process killed at the wrong moment
 * left Chronicle's index behind its data (which stops a tailer at the start), and it sees at once a document
 * that was begun and never finished ({@link #tornTail()}).
 * <pre>{@code
 * try (JournalReader reader = JournalReader.open(runDirectory.resolve("journal")))
 * {
 *     final JournalRecord record = new JournalRecord();
 *     while (reader.next(record))
 *     {
 *         System.out.println(record.type() + " " + record.tick());
 *     }
 * }
 * }</pre>
 */
public final class JournalReader implements AutoCloseable
{
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int META_DATA = 0x4000_0000;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;
    private static final int END_OF_DATA = NOT_COMPLETE | META_DATA;

    private final Path directory;
    private final ExpandableDirectByteBuffer document = new ExpandableDirectByteBuffer(4096);
    private final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private Path file;
    private FileChannel channel;
    private long filePosition;
    private long documentPosition = -1;
    private int documentLength;
    private int position;
    private long documents;
    private String tornTail;

    private JournalReader(final Path directory)
    {
        this.directory = directory;
    }

    /**
     * @param directory a journal directory.
     * @return a reader at the journal's first record.
     * @throws JournalException if there is no journal there.
     * @throws IllegalStateException if the JVM lacks a module flag reading needs (Agrona's buffers and checksums),
     * naming it.
     */
    public static JournalReader open(final Path directory)
    {
        ModuleAccess.require("reading a journal", ModuleAccess.Need.OFF_HEAP, ModuleAccess.Need.CHECKSUMS);
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no journal at " + directory + ": not a directory");
        }
        if (!Journals.hasData(directory))
        {
            throw new JournalException("no journal at " + directory + ": it holds no " + Journals.DATA_FILE_SUFFIX +
                " files (was the run started with --no-journal?)");
        }
        return new JournalReader(directory);
    }

    /**
     * @param directory a directory.
     * @return true if it holds a journal's data files.
     */
    public static boolean isJournal(final Path directory)
    {
        return Journals.hasData(directory);
    }

    /**
     * @return the journal's directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Moves to the next record.
     *
     * @param record the flyweight to point at it.
     * @return false at the end of what has been written so far (call again later to follow a live run).
     * @throws JournalException naming the file and offset of a damaged record.
     */
    public boolean next(final JournalRecord record)
    {
        while (position >= documentLength)
        {
            if (!nextDocument())
            {
                return false;
            }
        }
        final int at = position;
        final int remaining = documentLength - at;
        if (remaining < RecordDescriptor.MIN_LENGTH)
        {
            throw damaged(at, "a record needs at least " + RecordDescriptor.MIN_LENGTH + " bytes but " + remaining +
                " remain in the document");
        }
        final int length = document.getInt(at + RecordDescriptor.LENGTH_OFFSET);
        if (length < RecordDescriptor.MIN_LENGTH || length > remaining)
        {
            throw damaged(at, "record length " + length + " does not fit the " + remaining +
                " bytes left in the document");
        }
        if (!RecordDescriptor.isChecksumValid(document, at, length))
        {
            throw damaged(at, "checksum mismatch over " + length + " bytes");
        }
        final int typeId = document.getShort(at + RecordDescriptor.TYPE_OFFSET) & 0xFFFF;
        final RecordType type = RecordType.ofId(typeId);
        if (type == null)
        {
            throw damaged(at, "unknown record type " + typeId + " (written by a newer Myriad?)");
        }
        final int version = document.getShort(at + RecordDescriptor.VERSION_OFFSET) & 0xFFFF;
        if (version != type.version())
        {
            throw damaged(at, type.label() + " record of version " + version + "; this build reads version " +
                type.version());
        }
        if (type == RecordType.INPUT && (length < InputDescriptor.length(0) ||
            InputDescriptor.length(document.getInt(at + InputDescriptor.DATA_LENGTH_OFFSET)) != length))
        {
            throw damaged(at, "input record of " + length + " bytes does not match the data length it declares");
        }
        if (type == RecordType.EVENTS)
        {
            final boolean fits = length >= EventsDescriptor.COMMANDS_OFFSET + RecordDescriptor.CHECKSUM_LENGTH;
            final int count = fits ? document.getInt(at + EventsDescriptor.COUNT_OFFSET) : -1;
            final int bytes = fits ? document.getInt(at + EventsDescriptor.COMMANDS_LENGTH_OFFSET) : -1;
            if (count < 0 || bytes < 0 || bytes > length || EventsDescriptor.length(bytes, count) != length)
            {
                throw damaged(at, "events record of " + length + " bytes does not match the " + count +
                    " commands of " + bytes + " bytes it declares");
            }
        }
        position = at + length;
        record.wrap(document, at, length, type, documentPosition, at);
        return true;
    }

    /**
     * Gives up on the rest of the current document, after {@link #next(JournalRecord)} found it damaged, so that
     * reading goes on with the next document: how a verifier reports every damaged document, not just the first.
     */
    public void skipRestOfDocument()
    {
        position = documentLength;
    }

    /**
     * Says whether the journal ends in a document that was begun and never finished: what a run killed while its
     * journal stage was writing leaves. Chronicle Queue overwrites such a document on the next append, so its
     * records are lost; this says where it is and how much there was. Meaningful once {@link #next} has returned
     * false.
     *
     * @return a description of the unfinished document, or null if the journal ends cleanly.
     */
    public String tornTail()
    {
        return tornTail;
    }

    /**
     * @return documents read so far.
     */
    public long documents()
    {
        return documents;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        CloseHelper.quietClose(channel);
        BufferUtil.free(document.byteBuffer());
    }

    private boolean nextDocument()
    {
        try
        {
            while (true)
            {
                if (channel == null && !openNextFile())
                {
                    return false;
                }
                final long size = channel.size();
                if (filePosition + 4 > size)
                {
                    if (!openNextFile())
                    {
                        return false;
                    }
                    continue;
                }
                word.clear();
                channel.read(word, filePosition);
                final int header = word.getInt(0);
                if (header == 0)
                {
                    // the end of what is written in this file; a newer file means the queue rolled on
                    if (openNextFile())
                    {
                        continue;
                    }
                    tornTail = null;
                    return false;
                }
                if (header == END_OF_DATA)
                {
                    // Chronicle ends a cycle's file with this marker when the queue rolls to the next file
                    filePosition = size;
                    if (openNextFile())
                    {
                        continue;
                    }
                    return false;
                }
                if ((header & NOT_COMPLETE) != 0)
                {
                    tornTail = "the journal's last document, at byte " + filePosition + " of " + file.getFileName() +
                        ", was begun and never finished (the run was stopped while writing it): about " +
                        writtenBytes(filePosition + 4, size) + " bytes of records in it are dropped";
                    return false;
                }
                final int length = header & LENGTH_MASK;
                final long start = filePosition + 4;
                if (start + length > size)
                {
                    final long at = filePosition;
                    filePosition = size; // nothing after this can be trusted: the next call ends the journal
                    throw new JournalException("journal " + directory + " is truncated: the document at byte " + at +
                        " of " + file.getFileName() + " claims " + length + " bytes but the file ends after " +
                        (size - start) + "; the records before it are whole");
                }
                filePosition = (start + length + 3) & ~3L;
                if ((header & META_DATA) != 0)
                {
                    continue; // Chronicle's own: the file's header, its index, end-of-file markers
                }
                document.checkLimit(length);
                final ByteBuffer target = document.byteBuffer().duplicate();
                target.clear().limit(length);
                while (target.hasRemaining())
                {
                    if (channel.read(target, start + target.position()) < 0)
                    {
                        throw new JournalException("journal " + directory + ": " + file.getFileName() +
                            " ends inside the document at byte " + (start - 4));
                    }
                }
                documentPosition = start - 4;
                documentLength = length;
                position = 0;
                documents++;
                return true;
            }
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read journal " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Moves to the first data file newer than the current one, if there is one.
     */
    private boolean openNextFile() throws IOException
    {
        final List<Path> files;
        try (Stream<Path> stream = Files.list(directory))
        {
            files = stream.filter((f) -> f.getFileName().toString().endsWith(Journals.DATA_FILE_SUFFIX))
                .sorted().toList();
        }
        for (final Path candidate : files)
        {
            if (file == null || candidate.getFileName().toString().compareTo(file.getFileName().toString()) > 0)
            {
                CloseHelper.quietClose(channel);
                file = candidate;
                channel = FileChannel.open(candidate, StandardOpenOption.READ);
                filePosition = 0;
                return true;
            }
        }
        return false;
    }

    private long writtenBytes(final long from, final long size) throws IOException
    {
        final ByteBuffer chunk = ByteBuffer.allocate(4096);
        long at = from;
        long lastNonZero = from;
        while (at < size)
        {
            chunk.clear();
            final int read = channel.read(chunk, at);
            if (read <= 0)
            {
                break;
            }
            boolean any = false;
            for (int i = 0; i < read; i++)
            {
                if (chunk.get(i) != 0)
                {
                    any = true;
                    lastNonZero = at + i + 1;
                }
            }
            if (!any)
            {
                break;
            }
            at += read;
        }
        return lastNonZero - from;
    }

    private JournalException damaged(final int at, final String what)
    {
        return new JournalException("journal " + directory + " is damaged in the document at byte " +
            documentPosition + " of " + file.getFileName() + ", record at byte " + at + " of it: " + what +
            "; 'myriad journal verify' reports every damaged record");
    }
}
