package io.myriad.tools.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

import io.myriad.kernel.observe.Scene;
import io.myriad.kernel.observe.SnapshotView;

/**
 * One WebSocket client of a run. It says what it wants in small JSON messages:
 * {@code {"type": "view", "view": "points", "agents": "birds", "column": "heading", "maxPoints": 1000000,
 * "fps": 10}}, {@code {"type": "view", "view": "grid", "grid": "cells", "layer": "group", "fps": 10}},
 * {@code {"type": "view", "view": "network", "network": "contacts", "column": "state"}},
 * {@code {"type": "unview"}} and {@code {"type": "status", "hz": 10}}; the {@link Streamer} sends it the run's
 * status and metrics as text and its frames as binary messages, never more than one of each in flight: a slow
 * client gets the newest frame, not a backlog. A message that is not understood gets an {@code error} message;
 * more than {@link #MESSAGES_PER_SECOND} a second close the socket (1008).
 */
public final class RunSocket extends Session.Listener.AbstractAutoDemanding
{
    static final int MESSAGES_PER_SECOND = 20;
    static final int MAX_FPS = 60;
    static final int DEFAULT_MAX_POINTS = 1 << 20;
    static final int DEFAULT_MAX_CELLS = 1 << 20;

    final HostedRun run;
    private final Streamer streamer;
    final AtomicBoolean textInFlight = new AtomicBoolean();
    final AtomicBoolean binaryInFlight = new AtomicBoolean();
    volatile SnapshotView view;
    volatile FrameCopies.Send sending;
    volatile long frameIntervalNs = TimeUnit.MILLISECONDS.toNanos(100);
    volatile long statusIntervalNs = TimeUnit.MILLISECONDS.toNanos(100);
    // the streamer's own
    long nextFrameNs;
    long nextStatusNs;
    long sentStep = -1;
    SnapshotView sentView;
    long metricsCursor = -1;
    long lastSteps = -1;
    long lastStatusNs;
    private long windowStartNs = System.nanoTime();
    private int messagesInWindow;

    RunSocket(final HostedRun run, final Streamer streamer)
    {
        this.run = run;
        this.streamer = streamer;
    }

    @Override
    public void onWebSocketOpen(final Session session)
    {
        super.onWebSocketOpen(session);
        streamer.add(this);
    }

    @Override
    public void onWebSocketText(final String message)
    {
        final long now = System.nanoTime();
        if (now - windowStartNs > TimeUnit.SECONDS.toNanos(1))
        {
            windowStartNs = now;
            messagesInWindow = 0;
        }
        if (++messagesInWindow > MESSAGES_PER_SECOND)
        {
            getSession().close(StatusCode.POLICY_VIOLATION, "more than " + MESSAGES_PER_SECOND +
                " messages a second", Callback.NOOP);
            return;
        }
        try
        {
            handle(Json.object(message, "a message"));
        }
        catch (final RequestException | IllegalArgumentException ex)
        {
            final Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "error");
            error.put("error", ex.getMessage());
            getSession().sendText(Json.text(error), Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketClose(final int statusCode, final String reason, final Callback callback)
    {
        streamer.remove(this);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(final Throwable cause)
    {
        streamer.remove(this);
    }

    Session session()
    {
        return getSession();
    }

    private void handle(final Map<String, Object> message)
    {
        final Object type = message.get("type");
        if ("status".equals(type))
        {
            statusIntervalNs = TimeUnit.SECONDS.toNanos(1) / Fields.whole(message, "hz", 10, 1, MAX_FPS);
        }
        else if ("unview".equals(type))
        {
            view = null;
        }
        else if ("view".equals(type))
        {
            frameIntervalNs = TimeUnit.SECONDS.toNanos(1) / Fields.whole(message, "fps", 10, 1, MAX_FPS);
            view = view(message);
        }
        else
        {
            throw new RequestException(400, "a message's 'type' is view, unview or status; got " + type);
        }
    }

    private SnapshotView view(final Map<String, Object> message)
    {
        final Scene scene = run.scene();
        if (scene == null)
        {
            throw new RequestException(409, "the run is still starting; ask again in a moment");
        }
        final Object kind = message.get("view");
        if ("points".equals(kind))
        {
            final Object agents = message.get("agents");
            for (final Scene.Points points : scene.points())
            {
                if (agents == null || points.name().equals(agents))
                {
                    final Object column = message.get("column");
                    return run.snapshots().points(points, column == null ? null : column.toString(),
                        (int)Fields.whole(message, "maxPoints", DEFAULT_MAX_POINTS, 1, Integer.MAX_VALUE));
                }
            }
            throw new RequestException(400, "no agents to draw as points" + (agents == null ? "" : " named " +
                agents) + ": types with x and y fields are drawn; GET /api/runs/ID/scene lists them");
        }
        if ("grid".equals(kind))
        {
            for (final Scene.Layer layer : scene.layers())
            {
                if ((message.get("grid") == null || layer.grid().equals(message.get("grid"))) &&
                    (message.get("layer") == null || layer.name().equals(message.get("layer"))))
                {
                    return run.snapshots().grid(layer,
                        (int)Fields.whole(message, "maxCells", DEFAULT_MAX_CELLS, 1, Integer.MAX_VALUE));
                }
            }
            throw new RequestException(400, "no grid layer " + message.get("grid") + "/" + message.get("layer") +
                "; GET /api/runs/ID/scene lists them");
        }
        if ("network".equals(kind))
        {
            for (final Scene.Network network : scene.networks())
            {
                if (message.get("network") == null || network.name().equals(message.get("network")))
                {
                    final Object column = message.get("column");
                    return run.snapshots().network(network, column == null ? null : column.toString());
                }
            }
            throw new RequestException(400, "no network " + message.get("network") + "; GET /api/runs/ID/scene " +
                "lists them");
        }
        throw new RequestException(400, "'view' is points, grid or network; got " + kind);
    }
}
