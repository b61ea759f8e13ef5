package io.myriad.bench.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What WebSocket clients cost a run: {@code myriad serve} in its own process runs a million birds (the default
 * scenario, no journal), and windows of the same run alternate without clients and with them, each window from the
 * same scattered flock (the model's {@code scatter} input), so that every window measures the same stretch of
 * flocking. The score is steps a second in a window; the cost is the median with clients against the median
 * without.
 * <pre>
 * bench/scripts/streaming-cost.sh [AGENTS [CLIENTS [FPS [MAX_POINTS [WINDOW_SECONDS [WINDOWS]]]]]]
 * </pre>
 * Defaults: 1,000,000 birds, 1 client, 10 frames a second, 1,048,576 points a frame (every bird), 6 s windows, 6
 * of each. Each client asks for the points at that rate and for status at 10 Hz; all clients share one view, so
 * the run copies each frame once whatever their number. With {@code -Dmyriad.client=browser}
 * ({@code STREAMING_COST_JAVA_OPTS}), the client is instead the dashboard itself in Debian's headless Chromium,
 * asking for every bird at the rate given and drawing them. One JSON line per window, then one of medians.
 */
public final class StreamingCost
{
    /** One client for every socket, as one browser holds many: a selector thread, not one a socket. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** With -Dmyriad.client=browser, the client of a watched window is the dashboard in headless Chromium. */
    private static final boolean BROWSER = "browser".equals(System.getProperty("myriad.client"));
    private static ChromeDriver browser;

    private StreamingCost()
    {
    }

    /**
     * @param args agents, clients, frames a second, points a frame, window seconds, windows of each kind.
     * @throws Exception if the server or a client fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        final int fps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        final int maxPoints = args.length > 3 ? Integer.parseInt(args[3]) : 1 << 20;
        final int windowSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        final int windows = args.length > 5 ? Integer.parseInt(args[5]) : 6;
        final String launcher = System.getProperty("myriad.launcher", "./myriad");

        try (ServedProcess served = new ServedProcess(launcher, "streaming-cost-token-0001"))
        {
            final String id = served.start("{\"scenario\": \"default.yaml\", \"settings\": {\"agents\": " + agents +
                ", \"ticks\": 1000000000, \"journal\": false, \"metrics_every\": 10}}");
            // warm-up: the JIT settles on the same alternation the windows measure
            window(served, id, 0, fps, maxPoints, windowSeconds);
            window(served, id, clients, fps, maxPoints, windowSeconds);
            final double[] alone = new double[windows];
            final double[] watched = new double[windows];
            for (int w = 0; w < windows; w++)
            {
                alone[w] = window(served, id, 0, fps, maxPoints, windowSeconds)[0];
                final double[] with = window(served, id, clients, fps, maxPoints, windowSeconds);
                watched[w] = with[0];
                System.out.printf(Locale.ROOT, "{\"window\": %d, \"alone_steps_per_s\": %.3f, " +
                    "\"watched_steps_per_s\": %.3f, \"clients\": %d, \"frames_per_s_per_client\": %.2f}%n", w,
                    alone[w], watched[w], clients, with[1]);
            }
            final double aloneMedian = median(alone);
            final double watchedMedian = median(watched);
            System.out.printf(Locale.ROOT, "{\"agents\": %d, \"clients\": %d, \"fps\": %d, \"max_points\": %d, " +
                "\"median_alone_steps_per_s\": %.3f, \"median_watched_steps_per_s\": %.3f, " +
                "\"median_agent_updates_per_s_alone\": %.0f, \"median_agent_updates_per_s_watched\": %.0f, " +
                "\"cost_percent\": %.2f}%n", agents, clients, fps, maxPoints, aloneMedian, watchedMedian,
                aloneMedian * agents, watchedMedian * agents, 100 * (1 - watchedMedian / aloneMedian));
            served.call("POST", "/api/runs/" + id + "/stop", null);
        }
        finally
        {
            if (browser != null)
            {
                browser.quit();
            }
        }
    }

    /**
     * @return steps a second over the window, and frames a second each client received.
     */
    private static double[] window(final ServedProcess served, final String id, final int clients, final int fps,
        final int maxPoints, final int seconds) throws Exception
    {
        served.call("POST", "/api/runs/" + id + "/inject", "{\"event\": \"scatter\"}");
        final Watchers watchers = clients == 0 ? null : BROWSER ? new BrowserWatcher(served, fps) :
            new SocketWatchers(served, id, clients, fps, maxPoints);
        final long framesBefore = watchers == null ? 0 : watchers.frames();
        final long before = served.steps(id);
        final long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        final long after = served.steps(id);
        final double elapsed = (System.nanoTime() - start) * 1e-9;
        final long received = watchers == null ? 0 : watchers.frames() - framesBefore;
        if (watchers != null)
        {
            watchers.close();
        }
        return new double[] {(after - before) / elapsed, clients == 0 ? 0 : received / elapsed / clients};
    }

    /**
     * The clients of a watched window, connected and shown their first frame when made.
     */
    private interface Watchers
    {
        long frames();

        void close();
    }

    /**
     * WebSocket clients of the JDK's HTTP client, asking for the points.
     */
    private static final class SocketWatchers implements Watchers
    {
        private final AtomicLong frames = new AtomicLong();
        private final List<WebSocket> sockets = new ArrayList<>();

        SocketWatchers(final ServedProcess served, final String id, final int clients, final int fps,
            final int maxPoints) throws InterruptedException
        {
            for (int c = 0; c < clients; c++)
            {
                final WebSocket socket = CLIENT.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + served.token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + served.port + "/ws/runs/" + id), counter(frames))
                    .join();
                socket.sendText("{\"type\": \"status\", \"hz\": 10}", true).join();
                socket.sendText("{\"type\": \"view\", \"view\": \"points\", \"fps\": " + fps +
                    ", \"maxPoints\": " + maxPoints + "}", true).join();
                sockets.add(socket);
            }
            while (frames.get() < clients)
            {
                Thread.sleep(10);
            }
        }

        public long frames()
        {
            return frames.get();
        }

        public void close()
        {
            for (final WebSocket socket : sockets)
            {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "window over").join();
            }
        }
    }

    /**
     * The dashboard in headless Chromium, which picks the one run and asks for every bird at the rate given.
     */
    private static final class BrowserWatcher implements Watchers
    {
        private final JavascriptExecutor page;

        BrowserWatcher(final ServedProcess served, final int fps) throws InterruptedException
        {
            page = browser();
            browser().get(served.url + "&fps=" + fps + System.getProperty("myriad.page", ""));
            while (frames() < 1)
            {
                Thread.sleep(20);
            }
        }

        public long frames()
        {
            final Object frames = page.executeScript("return window.myriadStats ? window.myriadStats.frames : 0");
            return frames instanceof Number n ? n.longValue() : 0;
        }

        public void close()
        {
            browser().get("about:blank");
        }
    }

    private static ChromeDriver browser()
    {
        if (browser == null)
        {
            browser = DashboardFrameRate.chromium();
        }
        return browser;
    }

    private static WebSocket.Listener counter(final AtomicLong frames)
    {
        return new WebSocket.Listener()
        {
            @Override
            public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
            {
                if (last)
                {
                    frames.incrementAndGet();
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
