package io.myriad.tools.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.myriad.kernel.control.Control;
import io.myriad.kernel.model.ExternalEvent;
import io.myriad.kernel.observe.NetworkView;
import io.myriad.kernel.observe.Scene;

/**
 * The HTTP API under {@code /api/}, JSON in and out; {@code docs/server.md} lists it with curl examples. Control
 * requests are handed to the run's {@link Control} and take effect at its next step boundary; a request that is
 * wrong gets a 4xx JSON error and changes nothing.
 */
final class ApiHandler extends Handler.Abstract
{
    /** Name of a finished run's metrics file in its run directory. */
    static final String METRICS_FILE = "metrics.csv";
    private static final long DRAIN_BYTES = 1 << 20;

    private final Runs runs;

    ApiHandler(final Runs runs)
    {
        this.runs = runs;
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) throws Exception
    {
        // the whole path: the mapping that sends /api/* here leaves the request's path in context without /api
        final String[] parts = request.getHttpURI().getDecodedPath().substring(1).split("/");
        final String method = request.getMethod();
        try
        {
            route(parts, method, request, response, callback);
        }
        catch (final RequestException ex)
        {
            Json.error(response, ex.status(), ex.getMessage(), callback);
        }
        return true;
    }

    private void route(
        final String[] parts, final String method, final Request request, final Response response,
        final Callback callback) throws Exception
    {
        // parts[0] is "api"
        final String what = parts.length > 1 ? parts[1] : "";
        if (parts.length == 2 && what.equals("scenarios"))
        {
            expect(method, "GET");
            Json.send(response, 200, runs.factory().scenarios(), callback);
        }
        else if (parts.length == 2 && what.equals("models"))
        {
            expect(method, "GET");
            Json.send(response, 200, runs.factory().models(), callback);
        }
        else if (parts.length == 2 && what.equals("runs"))
        {
            if (method.equals("POST"))
            {
                final HostedRun run = runs.start(Json.object(body(request), "the run's request"));
                Json.send(response, 201, run.describe(), callback);
            }
            else
            {
                expect(method, "GET");
                final List<Map<String, Object>> all = new ArrayList<>();
                for (final HostedRun run : runs.all())
                {
                    all.add(run.describe());
                }
                Json.send(response, 200, all, callback);
            }
        }
        else if (parts.length >= 3 && parts.length <= 4 && what.equals("runs"))
        {
            final HostedRun run = runs.get(parts[2]);
            if (run == null)
            {
                throw new RequestException(404, "no run " + parts[2] + "; GET /api/runs lists them");
            }
            if (parts.length == 3)
            {
                expect(method, "GET");
                Json.send(response, 200, run.describe(), callback);
            }
            else
            {
                runAction(run, parts[3], method, request, response, callback);
            }
        }
        else
        {
            throw new RequestException(404, "no such API: " + request.getHttpURI().getDecodedPath() + "; see " +
                "docs/server.md (GET /api/runs, POST /api/runs, /api/runs/ID/pause ...)");
        }
    }

    private void runAction(
        final HostedRun run, final String action, final String method, final Request request,
        final Response response, final Callback callback) throws Exception
    {
        switch (action)
        {
            case "scene" ->
            {
                expect(method, "GET");
                Json.send(response, 200, scene(run), callback);
            }
            case "summary" ->
            {
                expect(method, "GET");
                if (run.summaryJson() == null)
                {
                    throw new RequestException(409, "run " + run.id() + " is " + run.state().name().toLowerCase() +
                        ": its summary is written when it finishes");
                }
                final byte[] bytes = run.summaryJson().getBytes(StandardCharsets.UTF_8);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.TYPE);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
            case METRICS_FILE ->
            {
                expect(method, "GET");
                final Path file = run.directory().resolve(METRICS_FILE);
                if (!Files.isRegularFile(file))
                {
                    throw new RequestException(404, "run " + run.id() + " has no " + METRICS_FILE + " (yet): it " +
                        "is written as the run goes when metrics_every is above 0");
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" +
                    run.id() + "-" + METRICS_FILE + "\"");
                // streamed, not read whole: a long run's file can be larger than the heap can spare
                try (InputStream in = Files.newInputStream(file);
                    OutputStream out = Content.Sink.asOutputStream(response))
                {
                    in.transferTo(out);
                }
                callback.succeeded();
            }
            default -> control(run, action, method, request, response, callback);
        }
    }

    private void control(
        final HostedRun run, final String action, final String method, final Request request,
        final Response response, final Callback callback) throws Exception
    {
        if (!List.of("pause", "resume", "step", "speed", "inject", "stop").contains(action))
        {
            throw new RequestException(404, "runs have no " + action + "; they have pause, resume, step, speed, " +
                "inject, stop, scene, summary and metrics.csv");
        }
        expect(method, "POST");
        final Map<String, Object> body = Json.object(body(request), "the " + action + " request");
        final Control control = run.control();
        if (control == null || run.state() != HostedRun.State.RUNNING)
        {
            throw new RequestException(409, "run " + run.id() + " is " + run.state().name().toLowerCase() +
                ": only a running run takes " + action);
        }
        final boolean offered = switch (action)
        {
            case "pause" -> control.pause();
            case "resume" -> control.resume();
            case "stop" -> control.stop();
            case "step" -> control.step(Fields.whole(body, "steps", 1, 1, 1_000_000));
            case "speed" -> control.timeScale(Fields.number(body, "timeScale", 0, 1e9));
            default -> inject(run, control, body);
        };
        if (!offered)
        {
            throw new RequestException(503, "run " + run.id() + " has " + Control.CAPACITY + " control requests " +
                "waiting; try again in a moment");
        }
        final Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("accepted", action);
        accepted.put("run", run.id());
        accepted.put("status", HostedRun.status(control.status()));
        Json.send(response, 202, accepted, callback);
    }

    private static boolean inject(final HostedRun run, final Control control, final Map<String, Object> body)
    {
        final Object name = body.get("event");
        ExternalEvent event = null;
        for (final ExternalEvent candidate : run.externalEvents())
        {
            event = candidate.name().equals(name) ? candidate : event;
        }
        if (event == null)
        {
            final List<String> names = new ArrayList<>();
            run.externalEvents().forEach((e) -> names.add(e.name()));
            throw new RequestException(400, "'event' must name one of this run's external events: " +
                (names.isEmpty() ? "its model takes none" : String.join(", ", names)) + "; got " + name);
        }
        final int agent = event.agentType() == null ? -1 : (int)Fields.whole(body, "agent", -1, 0, Integer.MAX_VALUE);
        if (event.agentType() != null && agent < 0)
        {
            throw new RequestException(400, "event " + event.name() + " is for an agent of type " +
                event.agentType() + ": give 'agent', its index");
        }
        final double value = event.argument() == null ? 0 : Fields.number(body, "value", -1e300, 1e300);
        if (event.scheduled())
        {
            final double time = body.containsKey("time") ? Fields.number(body, "time", 0, 1e300) : Double.NaN;
            return control.inject(time, event.priority(), event.kind(), agent, Double.doubleToRawLongBits(value));
        }
        final byte[] data = new byte[event.argument() == null ? 0 : Double.BYTES];
        if (data.length > 0)
        {
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putDouble(value);
        }
        return control.input(event.kind(), agent, data);
    }

    private static Map<String, Object> scene(final HostedRun run)
    {
        final Scene scene = run.scene();
        if (scene == null)
        {
            throw new RequestException(409, "run " + run.id() + " is still starting; ask again in a moment");
        }
        final List<Map<String, Object>> points = new ArrayList<>();
        for (final Scene.Points type : scene.points())
        {
            final Map<String, Object> described = new LinkedHashMap<>();
            described.put("type", type.name());
            described.put("columns", type.columns());
            described.put("bounds", type.bounds());
            points.add(described);
        }
        final List<Map<String, Object>> layers = new ArrayList<>();
        for (final Scene.Layer layer : scene.layers())
        {
            final Map<String, Object> described = new LinkedHashMap<>();
            described.put("grid", layer.grid());
            described.put("layer", layer.name());
            described.put("width", layer.width());
            described.put("height", layer.height());
            layers.add(described);
        }
        final List<Map<String, Object>> networks = new ArrayList<>();
        for (final Scene.Network network : scene.networks())
        {
            final Map<String, Object> described = new LinkedHashMap<>();
            described.put("network", network.name());
            described.put("nodes", network.nodes());
            described.put("links", network.links());
            described.put("columns", network.columns());
            described.put("drawable", network.nodes() <= NetworkView.MAX_NODES &&
                network.links() <= NetworkView.MAX_LINKS);
            networks.add(described);
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("points", points);
        out.put("layers", layers);
        out.put("networks", networks);
        out.put("metrics", run.metricsColumns());
        return out;
    }

    private static void expect(final String method, final String expected)
    {
        if (!method.equals(expected))
        {
            throw new RequestException(405, "use " + expected + " here, not " + method);
        }
    }

    /**
     * The request's body, {@link ControlServer#MAX_REQUEST_BYTES} at most. A larger one is read on to
     * {@link #DRAIN_BYTES} before it is refused, so that the client, still writing it, reads the refusal rather than
     * a connection reset under it.
     */
    private static String body(final Request request) throws IOException
    {
        final byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request))
        {
            bytes = in.readNBytes(ControlServer.MAX_REQUEST_BYTES + 1);
            if (bytes.length > ControlServer.MAX_REQUEST_BYTES)
            {
                final byte[] drained = new byte[8192];
                long left = DRAIN_BYTES;
                for (int read; left > 0 && (read = in.read(drained, 0, (int)Math.min(drained.length, left))) > 0; )
                {
                    left -= read;
                }
                throw new RequestException(413, "the request's body is too large: at most " +
                    ControlServer.MAX_REQUEST_BYTES + " bytes");
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
