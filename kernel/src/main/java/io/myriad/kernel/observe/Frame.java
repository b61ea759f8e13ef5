package io.myriad.kernel.observe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One snapshot of a view, laid out as the binary message the control server sends: a header of
 * {@link #HEADER_BYTES}, then the view's payload ({@link PointView}, {@link GridView}). All numbers are
 * little-endian. Frames are allocated once, with room for the view's largest payload, and refilled.
 *
 * <pre>
 *  0 int32   kind: {@link #POINTS}, {@link #GRID} or {@link #NETWORK}
 *  4 int32   view id
 *  8 int64   step
 * 16 float64 sim time
 * 24 int32   points in the frame, the grid's columns as sent, or the network's nodes
 * 28 int32   live agents of the type, the grid's rows as sent, or the network's links
 * 32 float64 x of the space's left edge    (points)
 * 40 float64 x of its right edge           (points)
 * 48 float64 y of its bottom edge          (points)
 * 56 float64 y of its top edge             (points)
 * 64 float64 the least value of the column or layer in the frame
 * 72 float64 the greatest
 * 80 int32   flags: {@link #HAS_VALUES}
 * 84 int32   sampling stride: every n-th agent, or every n-th cell along each axis
 * </pre>
 */
public final class Frame
{
    /** Kind of a frame of points. */
    public static final int POINTS = 1;
    /** Kind of a frame of a grid layer. */
    public static final int GRID = 2;
    /** Kind of a frame of a network's nodes and links. */
    public static final int NETWORK = 3;
    /** Flag: the frame carries a value per point. */
    public static final int HAS_VALUES = 1;

    /** Bytes of the header. */
    public static final int HEADER_BYTES = 88;
    static final int KIND_OFFSET = 0;
    static final int VIEW_OFFSET = 4;
    static final int STEP_OFFSET = 8;
    static final int TIME_OFFSET = 16;
    static final int COUNT_OFFSET = 24;
    static final int TOTAL_OFFSET = 28;
    static final int X0_OFFSET = 32;
    static final int X1_OFFSET = 40;
    static final int Y0_OFFSET = 48;
    static final int Y1_OFFSET = 56;
    static final int MIN_OFFSET = 64;
    static final int MAX_OFFSET = 72;
    static final int FLAGS_OFFSET = 80;
    static final int STRIDE_OFFSET = 84;

    private final ByteBuffer bytes;
    private final UnsafeBuffer buffer;
    private int length;
    volatile boolean fresh;

    Frame(final int payloadCapacity)
    {
        this.bytes = ByteBuffer.allocateDirect(HEADER_BYTES + payloadCapacity).order(ByteOrder.LITTLE_ENDIAN);
        this.buffer = new UnsafeBuffer(bytes);
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    void length(final int bytesUsed)
    {
        this.length = bytesUsed;
    }

    /**
     * @return bytes in use: the header and the payload.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the step the frame was taken after.
     */
    public long step()
    {
        return buffer.getLong(STEP_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return the frame's kind, {@link #POINTS} or {@link #GRID}.
     */
    public int kind()
    {
        return buffer.getInt(KIND_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return points in a frame of points; columns in a grid frame.
     */
    public int count()
    {
        return buffer.getInt(COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Copies the frame's bytes out, for a reader that keeps them beyond its hold on the frame.
     *
     * @param destination where to; at least {@link #length()} bytes remain in it. Its position moves on.
     */
    public void copyTo(final ByteBuffer destination)
    {
        final ByteBuffer source = bytes.duplicate();
        source.clear().limit(length);
        destination.put(source);
    }

    void header(final int kind, final int view, final long step, final double simTime)
    {
        buffer.putInt(KIND_OFFSET, kind, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(VIEW_OFFSET, view, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(STEP_OFFSET, step, ByteOrder.LITTLE_ENDIAN);
        buffer.putDouble(TIME_OFFSET, simTime, ByteOrder.LITTLE_ENDIAN);
    }

    void putInt(final int offset, final int value)
    {
        buffer.putInt(offset, value, ByteOrder.LITTLE_ENDIAN);
    }

    void putDouble(final int offset, final double value)
    {
        buffer.putDouble(offset, value, ByteOrder.LITTLE_ENDIAN);
    }
}
