package io.myriad.kernel.journal;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The ring between a journal's producer and its {@link JournalStage}, seen from the producer's side, together with
 * the stage's thread and the queue the stage writes: the producer {@link #claim claims} space, encodes a record into
 * {@link #buffer()} and {@link #commit commits} or {@link #abort aborts} it; the stage drains what is committed
 * into the queue.
 * <p>
 * The ring is an Agrona {@link OneToOneRingBuffer} over memory that Chronicle allocates and owns, so that the stage
 * copies records from it into the queue in bulk while Agrona sees it by address. A claim that finds the ring full
 * backs off until the stage has made room, and counts the wait ({@link #stalls()}). One producer thread only.
 */
final class JournalRing implements AutoCloseable
{
    private static final int MESSAGE_TYPE = 1;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final BytesStore<?, ?> memory;
    private final AtomicBuffer buffer;
    private final OneToOneRingBuffer ring;
    private final JournalStage stage;
    private final AgentRunner runner;
    private final IdleStrategy producerIdle = new BackoffIdleStrategy(100, 100, 1_000, 100_000);
    private long stalls;

    /**
     * Allocates the ring; the stage's thread waits for {@link #start()}.
     *
     * @param directory the journal's directory, for messages.
     * @param queue     the journal's queue, closed with the ring (or at once if the ring cannot be made).
     * @param capacity  bytes of ring, a power of two.
     */
    JournalRing(final Path directory, final SingleChronicleQueue queue, final int capacity)
    {
        this.directory = directory;
        this.queue = queue;
        BytesStore<?, ?> allocated = null;
        try
        {
            final int length = RingBufferDescriptor.TRAILER_LENGTH + capacity;
            // Chronicle owns the ring's memory, so the stage can copy from it in bulk; Agrona sees it by address
            allocated = BytesStore.nativeStoreWithFixedCapacity(length);
            allocated.zeroOut(0, length);
            this.buffer = new UnsafeBuffer(allocated.addressForRead(0), length);
            this.ring = new OneToOneRingBuffer(buffer);
        }
        catch (final RuntimeException | Error ex)
        {
            queue.close();
            if (allocated != null)
            {
                allocated.releaseLast();
            }
            throw ex;
        }
        this.memory = allocated;
        this.stage = new JournalStage(queue, ring, allocated);
        this.runner = new AgentRunner(new BackoffIdleStrategy(10, 20, 1_000, 1_000_000), stage::fail,
            (AtomicCounter)null, stage);
    }

    /**
     * Starts the stage on a daemon thread of its own.
     */
    void start()
    {
        AgentRunner.startOnThread(runner, (task) ->
        {
            final Thread thread = new Thread(task, "myriad-journal");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @return the ring's memory, where claimed records are encoded.
     */
    AtomicBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the longest record the ring takes.
     */
    int maxMsgLength()
    {
        return ring.maxMsgLength();
    }

    /**
     * Claims space for a record, waiting for the stage to make room if the ring is full.
     *
     * @param length the record's length.
     * @return the index in {@link #buffer()} of the record's first byte.
     * @throws JournalException if the stage has failed.
     */
    int claim(final int length)
    {
        int index = ring.tryClaim(MESSAGE_TYPE, length);
        if (index < 0)
        {
            index = claimAfterWaiting(length);
        }
        return index;
    }

    /**
     * Hands a claimed record to the stage.
     *
     * @param index as {@link #claim(int)} returned it.
     */
    void commit(final int index)
    {
        ring.commit(index);
    }

    /**
     * Gives a claimed record's space back: the stage passes over it.
     *
     * @param index as {@link #claim(int)} returned it.
     */
    void abort(final int index)
    {
        ring.abort(index);
    }

    /**
     * Waits until every record committed so far is in the queue.
     *
     * @throws JournalException if the stage has failed.
     */
    void flush()
    {
        final long target = ring.producerPosition();
        final IdleStrategy idle = producerIdle;
        idle.reset();
        while (stage.written() < target)
        {
            checkStage();
            idle.idle();
        }
    }

    /**
     * @return true if the stage has failed: nothing more reaches the queue.
     */
    boolean hasFailed()
    {
        return stage.failure() != null;
    }

    /**
     * @return times a claim found the ring full and waited for the stage.
     */
    long stalls()
    {
        return stalls;
    }

    /**
     * Stops the stage (which closes its appender), closes the queue and frees the ring. Does not flush.
     */
    public void close()
    {
        try
        {
            CloseHelper.closeAll(runner, queue);
        }
        finally
        {
            memory.releaseLast();
        }
    }

    private int claimAfterWaiting(final int length)
    {
        final IdleStrategy idle = producerIdle;
        idle.reset();
        int index;
        while ((index = ring.tryClaim(MESSAGE_TYPE, length)) < 0)
        {
            checkStage();
            stalls++;
            idle.idle();
        }
        return index;
    }

    private void checkStage()
    {
        final Throwable failure = stage.failure();
        if (failure != null)
        {
            throw new JournalException("journal " + directory + " stopped writing: " + failure, failure);
        }
    }
}
