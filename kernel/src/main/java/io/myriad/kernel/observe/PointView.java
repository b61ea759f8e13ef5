package io.myriad.kernel.observe;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import io.myriad.kernel.world.World;
import io.myriad.layouts.Addressing;
import io.myriad.layouts.AgentStore;
import io.myriad.layouts.FieldType;

/**
 * An agent type's places, and optionally one of its columns, as points: at most {@code maxPoints}, every n-th live
 * agent when there are more. Each point is its x and y as 16-bit fractions of the space's extent (the points' own
 * when the world has no space), then, when a column is asked for, a byte of the column's value scaled between the
 * least and the greatest in the frame (of a sample of every 64th point, for a live store of doubles; a value beyond
 * them takes the end's byte): {@code count} x, {@code count} y, {@code count} values, each array whole.
 */
public final class PointView extends SnapshotView
{
    private static final double UNITS = 65535.0;
    private static final int RANGE_SAMPLE = 64;
    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final int type;
    private final int xField;
    private final int yField;
    private final int valueField;
    private final int cellField;
    private final int gridWidth;
    private final double[] bounds;
    private final int maxPoints;

    PointView(final int id, final String key, final Scene.Points points, final int valueField, final int maxPoints)
    {
        super(id, key, Math.min(maxPoints, points.most()) * (valueField >= 0 ? 5 : 4));
        this.type = points.type();
        this.xField = points.x();
        this.yField = points.y();
        this.valueField = valueField;
        this.cellField = points.cell();
        this.gridWidth = points.gridWidth();
        this.bounds = points.bounds();
        // no more than the type can hold: a view of a few agents holds a few agents' bytes, whatever was asked
        this.maxPoints = Math.min(maxPoints, points.most());
    }

    @Override
    int kind()
    {
        return Frame.POINTS;
    }

    @Override
    int copy(final World world, final Frame frame)
    {
        final AgentStore store = world.store(type);
        final int live = store.liveCount();
        final int stride = Math.max(1, (live + maxPoints - 1) / maxPoints);
        if (cellField >= 0)
        {
            return cells(store, stride, frame);
        }
        final int xSlot = store.currentSlot(xField);
        final int ySlot = store.currentSlot(yField);
        final FieldType xType = store.schema().field(xField).type();
        final FieldType yType = store.schema().field(yField).type();
        final UnsafeBuffer xs = store.buffer(xSlot);
        final UnsafeBuffer ys = store.buffer(ySlot);

        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        if (bounds != null)
        {
            x0 = bounds[0];
            x1 = bounds[1];
            y0 = bounds[2];
            y1 = bounds[3];
        }
        else
        {
            for (int i = first(store, 0); i >= 0; i = next(store, i, stride))
            {
                final double x = xType.read(xs, store.offset(xSlot, i));
                final double y = yType.read(ys, store.offset(ySlot, i));
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        final double xScale = x1 > x0 ? UNITS / (x1 - x0) : 0;
        final double yScale = y1 > y0 ? UNITS / (y1 - y0) : 0;
        final UnsafeBuffer out = frame.buffer();
        final int count = count(store, stride);
        final int yBase = Frame.HEADER_BYTES + 2 * count;
        int n = 0;
        if (store.isDense() && xType == FieldType.DOUBLE && yType == FieldType.DOUBLE && NATIVE_LITTLE_ENDIAN)
        {
            // the common case, a live store of double places: no liveness test and no conversion a point
            final Addressing addressing = store.addressing();
            for (int i = 0; n < count; i += stride, n++)
            {
                final double x = xs.getDouble(addressing.offset(xSlot, i));
                final double y = ys.getDouble(addressing.offset(ySlot, i));
                out.putShort(Frame.HEADER_BYTES + 2 * n, units(x, x0, xScale));
                out.putShort(yBase + 2 * n, units(y, y0, yScale));
            }
        }
        else
        {
            for (int i = first(store, 0); i >= 0 && n < count; i = next(store, i, stride))
            {
                out.putShort(Frame.HEADER_BYTES + 2 * n, units(xType.read(xs, store.offset(xSlot, i)), x0, xScale),
                    ByteOrder.LITTLE_ENDIAN);
                out.putShort(yBase + 2 * n, units(yType.read(ys, store.offset(ySlot, i)), y0, yScale),
                    ByteOrder.LITTLE_ENDIAN);
                n++;
            }
        }
        return header(frame, n, live, stride, x0, x1, y0, y1, store);
    }

    /**
     * The places of agents on a grid: the middle of each one's cell.
     */
    private int cells(final AgentStore store, final int stride, final Frame frame)
    {
        final int slot = store.currentSlot(cellField);
        final FieldType cellType = store.schema().field(cellField).type();
        final UnsafeBuffer cellsColumn = store.buffer(slot);
        final double xScale = UNITS / (bounds[1] - bounds[0]);
        final double yScale = UNITS / (bounds[3] - bounds[2]);
        final UnsafeBuffer out = frame.buffer();
        final int count = count(store, stride);
        final int yBase = Frame.HEADER_BYTES + 2 * count;
        int n = 0;
        for (int i = first(store, 0); i >= 0 && n < count; i = next(store, i, stride), n++)
        {
            final int cell = (int)cellType.read(cellsColumn, store.offset(slot, i));
            out.putShort(Frame.HEADER_BYTES + 2 * n, units(cell % gridWidth + 0.5, bounds[0], xScale),
                ByteOrder.LITTLE_ENDIAN);
            out.putShort(yBase + 2 * n, units(cell / gridWidth + 0.5, bounds[2], yScale), ByteOrder.LITTLE_ENDIAN);
        }
        return header(frame, n, store.liveCount(), stride, bounds[0], bounds[1], bounds[2], bounds[3], store);
    }

    private int header(final Frame frame, final int n, final int live, final int stride, final double x0,
        final double x1, final double y0, final double y1, final AgentStore store)
    {
        frame.putInt(Frame.COUNT_OFFSET, n);
        frame.putInt(Frame.TOTAL_OFFSET, live);
        frame.putDouble(Frame.X0_OFFSET, x0);
        frame.putDouble(Frame.X1_OFFSET, x1);
        frame.putDouble(Frame.Y0_OFFSET, y0);
        frame.putDouble(Frame.Y1_OFFSET, y1);
        frame.putInt(Frame.STRIDE_OFFSET, stride);
        frame.putInt(Frame.FLAGS_OFFSET, valueField >= 0 ? Frame.HAS_VALUES : 0);
        return 4 * n + (valueField >= 0 ? values(store, stride, frame, Frame.HEADER_BYTES + 4 * n, n) : 0);
    }

    private int values(final AgentStore store, final int stride, final Frame frame, final int base, final int count)
    {
        final int slot = store.currentSlot(valueField);
        final FieldType fieldType = store.schema().field(valueField).type();
        final UnsafeBuffer column = store.buffer(slot);
        final Addressing addressing = store.addressing();
        final boolean doubles = store.isDense() && fieldType == FieldType.DOUBLE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (doubles)
        {
            // the range from every RANGE_SAMPLE-th point: a pass over an eighth of the column's cache lines, not
            // all of them; a value outside it takes the end colour
            for (int i = 0, n = 0; n < count; i += stride * RANGE_SAMPLE, n += RANGE_SAMPLE)
            {
                final double value = column.getDouble(addressing.offset(slot, i));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        else
        {
            int n = 0;
            for (int i = first(store, 0); i >= 0 && n < count; i = next(store, i, stride), n++)
            {
                final double value = fieldType.read(column, store.offset(slot, i));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        final double scale = max > min ? 255.0 / (max - min) : 0;
        final UnsafeBuffer out = frame.buffer();
        if (doubles)
        {
            for (int i = 0, n = 0; n < count; i += stride, n++)
            {
                final double scaled = (column.getDouble(addressing.offset(slot, i)) - min) * scale;
                out.putByte(base + n, (byte)(int)(scaled < 0 ? 0 : Math.min(scaled, 255)));
            }
        }
        else
        {
            int n = 0;
            for (int i = first(store, 0); i >= 0 && n < count; i = next(store, i, stride), n++)
            {
                out.putByte(base + n, (byte)(int)((fieldType.read(column, store.offset(slot, i)) - min) * scale));
            }
        }
        frame.putDouble(Frame.MIN_OFFSET, count == 0 ? 0 : min);
        frame.putDouble(Frame.MAX_OFFSET, count == 0 ? 0 : max);
        return count;
    }

    private int count(final AgentStore store, final int stride)
    {
        if (store.isDense())
        {
            return Math.min(maxPoints, (store.liveCount() + stride - 1) / stride);
        }
        int n = 0;
        for (int i = first(store, 0); i >= 0 && n < maxPoints; i = next(store, i, stride))
        {
            n++;
        }
        return n;
    }

    private static short units(final double value, final double origin, final double scale)
    {
        final double units = (value - origin) * scale;
        return (short)(int)(units < 0 ? 0 : Math.min(units, UNITS));
    }

    /**
     * @return the first live agent at or after {@code from}, or -1.
     */
    private static int first(final AgentStore store, final int from)
    {
        final int end = store.highWaterMark();
        if (from >= end)
        {
            return -1;
        }
        if (store.isDense())
        {
            return from;
        }
        final int alive = store.nextAlive(from);
        return alive < end ? alive : -1;
    }

    /**
     * @return the live agent {@code stride} live ones on (dense stores) or at least {@code stride} indexes on.
     */
    private static int next(final AgentStore store, final int index, final int stride)
    {
        return first(store, index + stride);
    }
}
