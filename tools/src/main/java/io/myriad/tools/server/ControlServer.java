package io.myriad.tools.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;

import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The control server: the HTTP API ({@link ApiHandler}) under {@code /api/}, a WebSocket per run under
 * {@code /ws/runs/ID} ({@link RunSocket}), and the dashboard's static files, all on Jetty's core handlers, behind
 * the token and rate limit of {@link Access}. Bound to loopback unless told otherwise.
 */
public final class ControlServer implements AutoCloseable
{
    /** Bytes a request's body holds at most. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** Bytes a client's WebSocket message holds at most. */
    public static final int MAX_MESSAGE_BYTES = 4096;

    private static final String UPLOT_FILE = "uPlot.min.css";

    private final Server server;
    private final ServerConnector connector;
    private final Runs runs;
    private final Streamer streamer;
    private final String token;

    private ControlServer(final String bind, final int port, final String token, final Runs runs)
    {
        this.token = token;
        this.runs = runs;
        this.streamer = new Streamer(runs);
        final QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("myriad-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);

        final ContextHandler root = new ContextHandler("/");
        final WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, root, (container) ->
        {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/ws/runs/*", (request, response, callback) ->
            {
                final String path = org.eclipse.jetty.server.Request.getPathInContext(request);
                final HostedRun run = runs.get(path.substring(path.lastIndexOf('/') + 1));
                if (run == null)
                {
                    Json.error(response, 404, "no run at " + path + "; GET /api/runs lists them", callback);
                    return null;
                }
                return new RunSocket(run, streamer);
            });
        });
        final PathMappingsHandler paths = new PathMappingsHandler();
        paths.addMapping(PathSpec.from("/api/*"), new ApiHandler(runs));
        paths.addMapping(PathSpec.from("/"), dashboard());
        sockets.setHandler(paths);
        root.setHandler(sockets);
        final Access access = new Access(token);
        access.setHandler(root);
        server.setHandler(access);
        server.setErrorHandler(new JsonErrorHandler());
    }

    /**
     * Starts a server.
     *
     * @param bind    the address to listen on: loopback by default.
     * @param port    the port, 0 for any free one.
     * @param token   the token every request must carry, or null for a random one.
     * @param factory starts the runs the API asks for.
     * @return the server, listening.
     * @throws IllegalArgumentException if the address is not one of this machine's.
     * @throws IllegalStateException if the port cannot be bound.
     */
    public static ControlServer start(final String bind, final int port, final String token,
        final RunFactory factory)
    {
        checkAddress(bind);
        final ControlServer control = new ControlServer(bind, port, token == null ? newToken() : token,
            new Runs(factory));
        try
        {
            control.server.start();
        }
        catch (final Exception ex)
        {
            control.close();
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + ex.getMessage() +
                "; give another --port, or 0 for any free one", ex);
        }
        return control;
    }

    /**
     * @return a random token: 128 bits, as hex.
     */
    public static String newToken()
    {
        final byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @return the runs it hosts.
     */
    public Runs runs()
    {
        return runs;
    }

    /**
     * @return the port it listens on.
     */
    public int port()
    {
        return connector.getLocalPort();
    }

    /**
     * @return its token.
     */
    public String token()
    {
        return token;
    }

    /**
     * @return WebSocket clients connected now.
     */
    public int clients()
    {
        return streamer.clients();
    }

    /**
     * @return the dashboard's address with the token, to open in a browser.
     */
    public String url()
    {
        final String host = connector.getHost();
        final String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/?token=" + token;
    }

    @Override
    public void close()
    {
        if (server.isStopped())
        {
            return;
        }
        streamer.close();
        try
        {
            server.stop();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot stop the server: " + ex.getMessage(), ex);
        }
    }

    private Handler dashboard()
    {
        final ResourceHandler files = new ResourceHandler();
        final ResourceFactory resources = ResourceFactory.of(server);
        files.setBaseResource(ResourceFactory.combine(
            resources.newClassLoaderResource("dashboard/"), resources.newResource(folderOf(UPLOT_FILE))));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        files.setCacheControl("no-cache");
        return files;
    }

    /**
     * The folder a class-path file lies in, found through the file: the WebJar's jar has no entry of its own for
     * the folder.
     */
    private static URI folderOf(final String file)
    {
        final URL url = ControlServer.class.getClassLoader().getResource(
            "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/" + file);
        if (url == null)
        {
            throw new IllegalStateException("uPlot's WebJar is missing from the class path: " + file);
        }
        final String text = url.toString();
        return URI.create(text.substring(0, text.length() - file.length()));
    }

    private static String uplotVersion()
    {
        try (InputStream in = ControlServer.class.getResourceAsStream("/dashboard/versions.properties"))
        {
            final Properties versions = new Properties();
            versions.load(in);
            return versions.getProperty("uplot");
        }
        catch (final IOException | NullPointerException ex)
        {
            throw new UncheckedIOException("the dashboard's versions.properties is missing from the jar",
                ex instanceof IOException io ? io : new IOException(ex));
        }
    }

    private static void checkAddress(final String bind)
    {
        try
        {
            InetAddress.getByName(bind);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine; give " +
                "127.0.0.1 (the default) or 0.0.0.0 for every interface", ex);
        }
    }
}
