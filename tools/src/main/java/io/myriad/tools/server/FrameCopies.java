package io.myriad.tools.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.myriad.kernel.observe.Frame;
import io.myriad.kernel.observe.SnapshotView;

/**
 * The streamer's copies of one view's frames, in direct buffers that are reused, not garbage: the newest copy is
 * what clients are sent; a copy goes back to the spares once no send of it is in flight, so a copy is never
 * overwritten while it is being sent. A client has one frame in flight at most, so a client that stops reading holds
 * one copy at most; a new copy is made when every other is held, and spares beyond {@link #MOST_COPIES} are let go.
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
         * @return the frame's bytes, for one send, counted with {@link #send}.
         */
        ByteBuffer forSending()
        {
            return bytes.asReadOnlyBuffer();
        }

        /**
         * @param inFlight the client's flag of a frame on its way, cleared when the send is done.
         * @return a send of this copy, counted until it is done.
         */
        Send send(final AtomicBoolean inFlight)
        {
            sending.incrementAndGet();
            inFlight.set(true);
            return new Send(this, inFlight);
        }
    }

    /**
     * One send of a copy: done once, whether the send completes, fails, or its client goes away first.
     */
    static final class Send
    {
        private final Copy copy;
        private final AtomicBoolean inFlight;
        private final AtomicBoolean done = new AtomicBoolean();

        Send(final Copy copy, final AtomicBoolean inFlight)
        {
            this.copy = copy;
            this.inFlight = inFlight;
        }

        void done()
        {
            if (done.compareAndSet(false, true))
            {
                copy.sending.decrementAndGet();
                inFlight.set(false);
            }
        }
    }

    private final SnapshotView view;
    private final List<Copy> copies = new ArrayList<>();
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
        Copy free = null;
        int spare = 0;
        for (int i = copies.size() - 1; i >= 0; i--)
        {
            final Copy copy = copies.get(i);
            if (copy != newest && copy.sending.get() == 0)
            {
                if (free == null)
                {
                    free = copy;
                }
                else if (++spare >= MOST_COPIES)
                {
                    // more spares than a view needs, left by clients that were slow for a while: let one go
                    copies.remove(i);
                }
            }
        }
        if (free == null)
        {
            // every copy but the newest is on its way to a client that has not read it yet: a client that stops
            // reading holds one copy at most (one frame in flight a client), and must not hold up the others
            free = new Copy(Frame.HEADER_BYTES);
            copies.add(free);
        }
        return free;
    }
}
