package io.myriad.kernel.observe;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A triple buffer between the thread that fills frames and the one that reads them: the writer always has a frame
 * to fill and never waits; the reader always gets the newest frame published, never a backlog; neither allocates.
 * <p>
 * Three frames circulate: the writer's, the reader's and the one in between. Publishing swaps the writer's frame,
 * marked fresh, into the middle; taking swaps the reader's spent frame into the middle only when the middle one is
 * fresh. Only the writer puts a fresh frame in the middle and only the reader a spent one, so the reader's check
 * cannot be undone by the writer between it and the swap.
 */
public final class FrameExchange
{
    private final AtomicReference<Frame> middle;
    private Frame writing;
    private Frame reading;

    /**
     * @param payloadCapacity bytes each frame holds after its header.
     */
    public FrameExchange(final int payloadCapacity)
    {
        this.writing = new Frame(payloadCapacity);
        this.reading = new Frame(payloadCapacity);
        this.middle = new AtomicReference<>(new Frame(payloadCapacity));
    }

    /**
     * Writer: the frame to fill next.
     *
     * @return a frame no reader holds.
     */
    Frame writing()
    {
        return writing;
    }

    /**
     * Writer: hands the frame just filled over to the reader, replacing any the reader has not taken yet.
     */
    void publish()
    {
        final Frame frame = writing;
        frame.fresh = true;
        writing = middle.getAndSet(frame);
    }

    /**
     * Reader: the newest frame published since the last call, which stays the reader's until its next call.
     *
     * @return the frame, or null if none was published since.
     */
    public Frame take()
    {
        if (!middle.get().fresh)
        {
            return null;
        }
        final Frame spent = reading;
        spent.fresh = false;
        reading = middle.getAndSet(spent);
        return reading;
    }
}
