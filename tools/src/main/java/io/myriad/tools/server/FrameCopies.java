package io.myriad.tools.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.myriad.kernel.observe.Frame;
import io.myriad.kernel.observe.SnapshotView;

/**
 * The streamer's copies of one view's frames, in direct buffers that are reused, not garbage: the newest copy is
 * what clients are sent; a copy goes back to the spares once no send of it is in flight. A frame is taken from the
 * view only when a spare is free, so a copy is never overwritten while it is being sent; with every copy in flight
 * the view keeps its newest frame until one comes back.
 */
final class FrameCopies
{
    static final int MOST_COPIES = 3;

    /**
     * A frame's bytes and the sends of it in flight.
     */
    static final class Copy
    {
        final ByteBuffer bytes;
        final AtomicInteger sending = new AtomicInteger();
        long step = -1;

        Copy(final int capacity)
        {
            this.bytes = ByteBuffer.allocateDirect(capacity);
        }

        /**
         * @return the frame's bytes, for one send: the caller counts the send in {@link #sending}.
         */
        ByteBuffer forSending()
        {
            return bytes.asReadOnlyBuffer();
        }
    }

    private final SnapshotView view;
    private final List<Copy> copies = new ArrayList<>(MOST_COPIES);
    private Copy newest;

    FrameCopies(final SnapshotView view)
    {
        this.view = view;
    }

    /**
     * @return the newest copy, or null before the first frame.
     */
    Copy newest()
    {
        return newest;
    }

    /**
     * Takes the view's newest frame into a free copy, if a frame is waiting and a copy is free.
     */
    void refresh()
    {
        final Copy free = free();
        if (free == null)
        {
            return;
        }
        final Frame frame = view.take();
        if (frame == null)
        {
            return;
        }
        Copy target = free;
        if (target.bytes.capacity() < frame.length())
        {
            copies.remove(target);
            target = new Copy(frame.length());
            copies.add(target);
        }
        target.bytes.clear();
        frame.copyTo(target.bytes);
        target.bytes.flip();
        target.step = frame.step();
        newest = target;
    }

    private Copy free()
    {
        for (final Copy copy : copies)
        {
            if (copy != newest && copy.sending.get() == 0)
            {
                return copy;
            }
        }
        if (copies.size() < MOST_COPIES)
        {
            final Copy copy = new Copy(Frame.HEADER_BYTES);
            copies.add(copy);
            return copy;
        }
        return null;
    }
}
