package io.myriad.kernel.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The journal's writer stage: an Agrona {@link Agent}, on a thread of its own, that drains the ring the
 * {@link JournalWriter} appends to into the Chronicle Queue.
 * <p>
 * Each {@link #doWork()} copies whatever the ring holds, up to {@link #RECORDS_PER_DOCUMENT} records and
 * {@link #MAX_DOCUMENT_BYTES} bytes, into one Chronicle document, so a burst of records costs one queue write, not
 * one per record. The copy is one bulk write per record straight from the ring's memory, which Chronicle owns and
 * Agrona sees by address. After each document the stage publishes how far it has written ({@link #written()}); a
 * failure stops it and is kept for the producer to report ({@link #failure()}).
 */
final class JournalStage implements Agent, ControlledMessageHandler
{
    /** Most records copied into one document. */
    static final int RECORDS_PER_DOCUMENT = 4096;
    /** Bytes after which a document is closed and the next begun: Chronicle wants documents well under a block. */
    static final int MAX_DOCUMENT_BYTES = 4 << 20;

    private final SingleChronicleQueue queue;
    private final RingBuffer ring;
    private final BytesStore<?, ?> ringStore;
    private ExcerptAppender appender;
    private Bytes<?> bytes;
    private int documentBytes;
    private volatile long written;
    private volatile Throwable failure;

    /**
     * @param queue     the journal's queue.
     * @param ring      the ring to drain.
     * @param ringStore the ring's memory, seen by Chronicle.
     */
    JournalStage(final SingleChronicleQueue queue, final RingBuffer ring, final BytesStore<?, ?> ringStore)
    {
        this.queue = queue;
        this.ring = ring;
        this.ringStore = ringStore;
    }

    /**
     * @return the ring's consumer position after the last document written, read with volatile semantics:
     *         everything before it is in the queue.
     */
    long written()
    {
        return written;
    }

    /**
     * @return what stopped the stage, or null while it runs.
     */
    Throwable failure()
    {
        return failure;
    }

    /**
     * Keeps what stopped the stage; its runner's error handler.
     *
     * @param ex the failure.
     */
    void fail(final Throwable ex)
    {
        failure = ex;
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        // Chronicle's appenders belong to the thread that makes them
        appender = queue.createAppender();
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.close(appender);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        if (failure != null || ring.producerPosition() == ring.consumerPosition())
        {
            return 0;
        }
        final int read;
        try (DocumentContext dc = appender.writingDocument())
        {
            bytes = dc.wire().bytes();
            documentBytes = 0;
            try
            {
                read = ring.controlledRead(this, RECORDS_PER_DOCUMENT);
            }
            catch (final RuntimeException | Error ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
            if (read == 0)
            {
                // the producer had claimed but not yet committed: leave no empty document behind
                dc.rollbackOnClose();
            }
        }
        finally
        {
            bytes = null;
        }
        written = ring.consumerPosition();
        return read;
    }

    /**
     * {@inheritDoc}
     */
    public ControlledMessageHandler.Action onMessage(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (documentBytes > 0 && documentBytes + length > MAX_DOCUMENT_BYTES)
        {
            return ControlledMessageHandler.Action.ABORT; // left in the ring for the next document
        }
        // one bulk copy from the ring's memory, seen by Chronicle as a store of its own
        bytes.write(ringStore, (long)index, (long)length);
        documentBytes += length;
        return ControlledMessageHandler.Action.CONTINUE;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "myriad-journal";
    }
}
