package io.myriad.tools.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.myriad.kernel.control.Control;
import io.myriad.kernel.observe.MetricsRing;
import io.myriad.kernel.observe.SnapshotView;
import io.myriad.kernel.observe.Snapshots;

/**
 * The one thread that feeds every WebSocket client: every {@link #PERIOD_MS} ms it takes the views' newest frames
 * (copying each once, off the simulation's thread, into a buffer all its clients share), asks for the next frame
 * of each view a client is ready for, and sends each client its due status, metrics rows and frame, skipping a
 * client whose previous message of that kind is still on its way.
 */
final class Streamer implements AutoCloseable
{
    static final long PERIOD_MS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Streamer.class);
    static final int METRICS_ROWS_A_MESSAGE = 512;
    private static final long SWEEP_NS = 10_000_000_000L;

    private final List<RunSocket> sockets = new CopyOnWriteArrayList<>();
    private final Map<SnapshotView, FrameCopies> newest = new IdentityHashMap<>();
    private final Thread thread;
    private final Runs runs;
    private volatile boolean running = true;
    private long lastSweepNs;

    Streamer(final Runs runs)
    {
        this.runs = runs;
        this.thread = new Thread(this::loop, "myriad-stream");
        thread.setDaemon(true);
        thread.start();
    }

    void add(final RunSocket socket)
    {
        sockets.add(socket);
    }

    void remove(final RunSocket socket)
    {
        sockets.remove(socket);
        // a client gone mid-send may never hear of that send: its copy goes back to the spares now
        final FrameCopies.Send send = socket.sending;
        if (send != null)
        {
            send.done();
        }
    }

    /**
     * @return clients connected.
     */
    int clients()
    {
        return sockets.size();
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
    }

    private void loop()
    {
        while (running)
        {
            try
            {
                round(System.nanoTime());
                Thread.sleep(PERIOD_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            catch (final RuntimeException ex)
            {
                // one client's failure (gone mid-send, say) must not stop the others' stream
                LOG.warn("streaming failed this round; going on", ex);
            }
        }
    }

    private void round(final long now)
    {
        if (now - lastSweepNs > SWEEP_NS)
        {
            lastSweepNs = now;
            sweep();
        }
        for (final RunSocket socket : sockets)
        {
            final SnapshotView view = socket.view;
            if (view != null && !newest.containsKey(view))
            {
                newest.put(view, new FrameCopies(view));
            }
        }
        for (final FrameCopies copies : newest.values())
        {
            copies.refresh();
        }
        for (final RunSocket socket : sockets)
        {
            try
            {
                serve(socket, now);
            }
            catch (final RuntimeException ex)
            {
                // one client's failure (its session closing mid-send, say) must not keep the others waiting
                LOG.warn("a client's round failed", ex);
            }
        }
    }

    private void serve(final RunSocket socket, final long now)
    {
        final Session session = socket.session();
        if (session == null || !session.isOpen())
        {
            return;
        }
        if (now >= socket.nextStatusNs && !socket.textInFlight.get())
        {
            socket.nextStatusNs = now + socket.statusIntervalNs;
            try
            {
                send(session, socket.textInFlight, status(socket, now));
            }
            catch (final RuntimeException ex)
            {
                // a status that fails must not keep the client's frames from it
                LOG.warn("a client's status failed", ex);
            }
        }
        final SnapshotView view = socket.view;
        if (view != null && now >= socket.nextFrameNs && !socket.binaryInFlight.get())
        {
            view.request();
            // the view may be newer than this round's first pass: its copies come next round
            final FrameCopies copies = newest.get(view);
            final FrameCopies.Copy copy = copies == null ? null : copies.newest();
            if (copy != null && (copy.step != socket.sentStep || view != socket.sentView))
            {
                socket.sentStep = copy.step;
                socket.sentView = view;
                socket.nextFrameNs = now + socket.frameIntervalNs;
                final FrameCopies.Send send = copy.send(socket.binaryInFlight);
                socket.sending = send;
                try
                {
                    session.sendBinary(copy.forSending(), Callback.from(send::done, (failure) -> send.done()));
                }
                catch (final RuntimeException ex)
                {
                    // refused at once: the send is over, or the client would wait for it for ever
                    send.done();
                    throw ex;
                }
            }
        }
    }

    /**
     * Lets go of the copies of views whose runs the server no longer keeps.
     */
    private void sweep()
    {
        final Set<SnapshotView> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (final HostedRun run : runs.all())
        {
            kept.addAll(run.snapshots().views());
        }
        newest.keySet().retainAll(kept);
    }

    private static void send(final Session session, final AtomicBoolean inFlight, final String text)
    {
        inFlight.set(true);
        try
        {
            session.sendText(text, release(inFlight));
        }
        catch (final RuntimeException ex)
        {
            inFlight.set(false);
            throw ex;
        }
    }

    private static Callback release(final AtomicBoolean inFlight)
    {
        return Callback.from(() -> inFlight.set(false), (failure) -> inFlight.set(false));
    }

    private static String status(final RunSocket socket, final long now)
    {
        final HostedRun run = socket.run;
        final Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "status");
        message.put("run", run.id());
        message.put("state", run.state().name().toLowerCase());
        final Control control = run.control();
        if (control != null)
        {
            final Control.Status status = control.status();
            message.put("status", HostedRun.status(status));
            if (socket.lastSteps >= 0 && now > socket.lastStatusNs)
            {
                message.put("stepsPerSecond", (status.steps() - socket.lastSteps) * 1e9 / (now - socket.lastStatusNs));
            }
            socket.lastSteps = status.steps();
            socket.lastStatusNs = now;
        }
        final Map<String, Object> decisions = run.decisions();
        if (decisions != null)
        {
            message.put("decisions", decisions);
        }
        final MetricsRing ring = run.snapshots().metrics();
        if (ring != null && socket.metricsCursor < ring.published())
        {
            if (socket.metricsCursor < 0)
            {
                message.put("columns", run.metricsColumns());
            }
            socket.metricsCursor = Math.max(Math.max(0, socket.metricsCursor),
                ring.published() - Snapshots.METRICS_ROWS + 1);
            final List<double[]> rows = new ArrayList<>();
            final double[] row = new double[ring.columns()];
            while (socket.metricsCursor < ring.published() && rows.size() < METRICS_ROWS_A_MESSAGE)
            {
                final long step = ring.read(socket.metricsCursor++, row);
                if (step >= 0)
                {
                    final double[] withStep = new double[row.length + 1];
                    withStep[0] = step;
                    System.arraycopy(row, 0, withStep, 1, row.length);
                    rows.add(withStep);
                }
            }
            message.put("rows", rows);
        }
        if (run.error() != null)
        {
            message.put("error", run.error());
        }
        return Json.text(message);
    }
}
