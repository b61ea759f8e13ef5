package io.myriad.kernel.observe;

import java.util.concurrent.atomic.AtomicBoolean;

import io.myriad.kernel.world.World;

/**
 * One thing observers asked to see, copied into a {@link FrameExchange} at a step boundary when a reader has asked
 * for a frame since the last copy: readers set the pace, and the run pays only for the frames they take.
 */
public abstract class SnapshotView
{
    private final int id;
    private final String key;
    private final FrameExchange exchange;
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long lastStep = -1;

    SnapshotView(final int id, final String key, final int payloadCapacity)
    {
        this.id = id;
        this.key = key;
        this.exchange = new FrameExchange(payloadCapacity);
    }

    /**
     * @return the view's id, which its frames carry.
     */
    public final int id()
    {
        return id;
    }

    /**
     * @return what it shows, as asked for: equal keys are one view.
     */
    public final String key()
    {
        return key;
    }

    /**
     * Any thread: asks for a frame at the next step boundary (or at once while the run waits between steps).
     */
    public final void request()
    {
        requested.set(true);
    }

    /**
     * Reader: the newest frame copied since its last call.
     *
     * @return it, or null if none.
     */
    public final Frame take()
    {
        return exchange.take();
    }

    /**
     * Driving thread, between steps: copies a frame if one was asked for and the run has moved on since the last,
     * or at once when there is none yet.
     */
    final void boundary(final World world, final long step, final double simTime)
    {
        if (requested.get() && (step != lastStep || lastStep < 0))
        {
            requested.set(false);
            final Frame frame = exchange.writing();
            frame.header(kind(), id, step, simTime);
            frame.length(Frame.HEADER_BYTES + copy(world, frame));
            exchange.publish();
            lastStep = step;
        }
    }

    /**
     * @return the kind its frames say.
     */
    abstract int kind();

    /**
     * Fills the frame's header from offset 24 and its payload.
     *
     * @return payload bytes written.
     */
    abstract int copy(World world, Frame frame);
}
