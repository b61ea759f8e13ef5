package io.myriad.kernel.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.BufferUtil;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * Reads a journal's records in order, checking each record's framing, type, version and checksum before handing
 * it out. Opens the queue read-only: reading never changes a journal.
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
    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ExpandableDirectByteBuffer document = new ExpandableDirectByteBuffer(4096);
    private long documentIndex = -1;
    private int documentLength;
    private int position;
    private long documents;

    private JournalReader(final Path directory)
    {
        this.directory = directory;
        this.queue = Journals.open(directory, true);
        this.tailer = queue.createTailer();
    }

    /**
     * @param directory a journal directory.
     * @return a reader at the journal's first record.
     * @throws JournalException if there is no journal there.
     */
    public static JournalReader open(final Path directory)
    {
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
     * @return false at the end of what has been written so far.
     * @throws JournalException naming the document and offset of a damaged record.
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
            final int count = length < EventsDescriptor.ENTRIES_OFFSET + RecordDescriptor.CHECKSUM_LENGTH ? -1 :
                document.getInt(at + EventsDescriptor.COUNT_OFFSET);
            if (count < 0 || count > EventsDescriptor.MAX_ENTRIES || EventsDescriptor.length(count) != length)
            {
                throw damaged(at, "events record of " + length + " bytes does not match the " + count +
                    " entries it declares");
            }
        }
        position = at + length;
        record.wrap(document, at, length, type, documentIndex, at);
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
        queue.close();
        BufferUtil.free(document.byteBuffer());
    }

    private boolean nextDocument()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining > Integer.MAX_VALUE - 16)
            {
                throw new JournalException("journal " + directory + ": document " + Long.toHexString(dc.index()) +
                    " is " + remaining + " bytes, more than a journal document holds");
            }
            final int length = (int)remaining;
            document.checkLimit(length);
            int i = 0;
            for (; i <= length - 8; i += 8)
            {
                document.putLong(i, bytes.readLong());
            }
            for (; i < length; i++)
            {
                document.putByte(i, bytes.readByte());
            }
            documentIndex = dc.index();
            documentLength = length;
            position = 0;
            documents++;
            return true;
        }
    }

    private JournalException damaged(final int at, final String what)
    {
        return new JournalException("journal " + directory + " is damaged at document 0x" +
            Long.toHexString(documentIndex) + ", byte " + at + ": " + what +
            "; 'myriad journal verify' reports every damaged record");
    }
}
