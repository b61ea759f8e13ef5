package io.myriad.kernel.observe;

import java.util.Arrays;
import java.util.List;

import io.myriad.kernel.Simulation;

/**
 * The snapshots a run's observers asked for, taken at step boundaries: the views (points of an agent type, a grid
 * layer), each copied into its {@link FrameExchange} when a reader has asked for a frame, and the metrics rows, kept
 * in a {@link MetricsRing}. Readers on any thread add views and take frames; the driving thread only copies, into
 * buffers allocated when the view was added.
 * <p>
 * Views are shared: asking twice for the same thing gets the same view, and a reader's request for a point count
 * is rounded up to a power of two, so that many readers cost one copy. Views are never removed; one nobody asks
 * for costs nothing at a boundary but a flag read.
 */
public final class Snapshots implements RunObserver
{
    /** Views a run keeps at most. */
    public static final int MAX_VIEWS = 64;
    /** Points a view sends at most. */
    public static final int MAX_POINTS = 1 << 22;
    /** Metrics rows kept for readers. */
    public static final int METRICS_ROWS = 4096;

    private volatile SnapshotView[] views = new SnapshotView[0];
    private volatile MetricsRing metrics;

    /**
     * A view of an agent type's places.
     *
     * @param points    the type, from the run's {@link Scene}.
     * @param column    a field to colour the points by, or null.
     * @param maxPoints points at most, rounded up to a power of two and capped at {@link #MAX_POINTS}.
     * @return the view, shared with any reader that asked for the same.
     * @throws IllegalArgumentException if the column is not the type's or the run has {@link #MAX_VIEWS} views.
     */
    public synchronized SnapshotView points(final Scene.Points points, final String column, final int maxPoints)
    {
        final int valueField = column == null ? -1 : points.columns().indexOf(column);
        if (column != null && valueField < 0)
        {
            throw new IllegalArgumentException("type " + points.name() + " has no field " + column + "; its " +
                "fields: " + String.join(", ", points.columns()));
        }
        final int rounded = roundUp(maxPoints);
        final String key = "points/" + points.name() + "/" + column + "/" + rounded;
        final SnapshotView existing = find(key);
        return existing != null ? existing : add(new PointView(views.length, key, points, valueField, rounded));
    }

    /**
     * A view of a grid layer.
     *
     * @param layer    the layer, from the run's {@link Scene}.
     * @param maxCells cells at most; a larger grid is sampled.
     * @return the view, shared with any reader that asked for the same.
     * @throws IllegalArgumentException if the run has {@link #MAX_VIEWS} views.
     */
    public synchronized SnapshotView grid(final Scene.Layer layer, final int maxCells)
    {
        final int rounded = roundUp(maxCells);
        final String key = "grid/" + layer.grid() + "/" + layer.name() + "/" + rounded;
        final SnapshotView existing = find(key);
        return existing != null ? existing : add(GridView.of(views.length, key, layer, rounded));
    }

    /**
     * A view of a small network's nodes and links.
     *
     * @param network the network, from the run's {@link Scene}.
     * @param column  a field of its nodes' agents to colour them by, or null.
     * @return the view, shared with any reader that asked for the same.
     * @throws IllegalArgumentException if the network is too big to draw as nodes and links, the column is not
     *                                  its nodes', or the run has {@link #MAX_VIEWS} views.
     */
    public synchronized SnapshotView network(final Scene.Network network, final String column)
    {
        if (network.nodes() > NetworkView.MAX_NODES || network.links() > NetworkView.MAX_LINKS)
        {
            throw new IllegalArgumentException("network " + network.name() + " has " + network.nodes() +
                " nodes and " + network.links() + " links: too many to draw as nodes and links (at most " +
                NetworkView.MAX_NODES + " and " + NetworkView.MAX_LINKS + ")");
        }
        final int valueField = column == null ? -1 : network.columns().indexOf(column);
        if (column != null && valueField < 0)
        {
            throw new IllegalArgumentException("the nodes of network " + network.name() + " have no field " +
                column + (network.columns().isEmpty() ? "" : "; their fields: " +
                String.join(", ", network.columns())));
        }
        final String key = "network/" + network.name() + "/" + column;
        final SnapshotView existing = find(key);
        return existing != null ? existing : add(new NetworkView(views.length, key, network, valueField));
    }

    /**
     * @return the views asked for so far, in the order they were.
     */
    public List<SnapshotView> views()
    {
        return List.of(views);
    }

    /**
     * @return the metrics rows taken so far, or null before the first.
     */
    public MetricsRing metrics()
    {
        return metrics;
    }

    @Override
    public void atBoundary(final Simulation simulation, final boolean stepped)
    {
        final SnapshotView[] current = views;
        for (final SnapshotView view : current)
        {
            view.boundary(simulation.world(), simulation.tick(), simulation.simTime());
        }
    }

    @Override
    public void metricsRow(final long step, final double[] row)
    {
        MetricsRing ring = metrics;
        if (ring == null)
        {
            // once, at the run's first row
            ring = new MetricsRing(METRICS_ROWS, row.length);
            metrics = ring;
        }
        ring.put(step, row);
    }

    /**
     * @return a count rounded up to a power of two, at least 1 and at most {@link #MAX_POINTS}.
     */
    static int roundUp(final int count)
    {
        final int capped = Math.max(1, Math.min(MAX_POINTS, count));
        return capped == 1 ? 1 : Integer.highestOneBit(capped - 1) << 1;
    }

    private SnapshotView find(final String key)
    {
        for (final SnapshotView view : views)
        {
            if (view.key().equals(key))
            {
                return view;
            }
        }
        return null;
    }

    private SnapshotView add(final SnapshotView view)
    {
        if (views.length >= MAX_VIEWS)
        {
            throw new IllegalArgumentException("this run has " + MAX_VIEWS + " views already; ask for one of them");
        }
        final SnapshotView[] more = Arrays.copyOf(views, views.length + 1);
        more[views.length] = view;
        views = more;
        return view;
    }
}
