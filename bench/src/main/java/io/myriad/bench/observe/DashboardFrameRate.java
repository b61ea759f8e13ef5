package io.myriad.bench.observe;

import java.io.File;
import java.util.Arrays;
import java.util.Locale;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard's own frame counter ({@code window.myriadStats.fps}: the canvas redrawn from the newest frame at
 * each animation frame) with a million birds, in Debian's headless Chromium at 1280 x 800, while the run steps
 * flat out on the same machine and then while it is paused.
 * <pre>
 * bench/scripts/dashboard-fps.sh [AGENTS [SECONDS]]
 * </pre>
 * Defaults: 1,000,000 birds, 20 one-second samples in each state. One JSON line per state with the median, least
 * and greatest canvas draws a second, the points in the last frame, the frames that arrived and were rasterized a
 * second, and the milliseconds a frame of every bird takes to rasterize (so the most frames a second the page can
 * take is 1000 / raster_ms). Leaves a screenshot of the page as it ran in the temporary directory,
 * {@code myriad-dashboard.png}.
 */
public final class DashboardFrameRate
{
    private DashboardFrameRate()
    {
    }

    /**
     * @param args agents, seconds sampled in each state.
     * @throws Exception if the server or the browser fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final String launcher = System.getProperty("myriad.launcher", "./myriad");
        try (ServedProcess served = new ServedProcess(launcher, "dashboard-fps-token-0001"))
        {
            final String id = served.start("{\"scenario\": \"default.yaml\", \"settings\": {\"agents\": " + agents +
                ", \"ticks\": 1000000000, \"journal\": false}}");
            final ChromeDriver browser = chromium();
            try
            {
                browser.get(served.url);
                final JavascriptExecutor page = browser;
                while (number(page, "return window.myriadStats ? window.myriadStats.points : 0") < agents)
                {
                    Thread.sleep(100);
                }
                Thread.sleep(3000);
                report("running", sample(page, seconds), page);
                java.nio.file.Files.write(java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"),
                    "myriad-dashboard.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                served.call("POST", "/api/runs/" + id + "/pause", null);
                Thread.sleep(2000);
                report("paused", sample(page, seconds), page);
            }
            finally
            {
                browser.quit();
                served.call("POST", "/api/runs/" + id + "/stop", null);
            }
        }
    }

    /**
     * @return Debian's Chromium, headless at 1280 x 800, through Debian's chromedriver.
     */
    static ChromeDriver chromium()
    {
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--window-size=1280,800");
        return new ChromeDriver(new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }

    private static double[] sample(final JavascriptExecutor page, final int seconds) throws InterruptedException
    {
        final double[] fps = new double[seconds];
        for (int s = 0; s < seconds; s++)
        {
            Thread.sleep(1000);
            fps[s] = ((Number)page.executeScript("return window.myriadStats.fps")).doubleValue();
        }
        return fps;
    }

    private static long number(final JavascriptExecutor page, final String script)
    {
        final Object value = page.executeScript(script);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static void report(final String state, final double[] fps, final JavascriptExecutor page)
    {
        final double[] sorted = fps.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"state\": \"%s\", \"points\": %d, \"median_fps\": %.1f, " +
            "\"min_fps\": %.1f, \"max_fps\": %.1f, \"frames_rasterized_per_s\": %s, \"raster_ms\": %s}%n",
            state, number(page, "return window.myriadStats.points"), sorted[sorted.length / 2], sorted[0],
            sorted[sorted.length - 1], page.executeScript("return window.myriadStats.framesPerSecond"),
            page.executeScript("return window.myriadStats.rasterMs"));
    }
}
