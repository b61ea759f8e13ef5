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
 * and greatest frames a second and the points in the last frame drawn.
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
            final ChromeOptions options = new ChromeOptions();
            options.setBinary(new File("/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,800");
            final ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
            try
            {
                browser.get(served.url);
                final JavascriptExecutor page = browser;
                while (number(page, "return window.myriadStats ? window.myriadStats.points : 0") < agents)
                {
                    Thread.sleep(100);
                }
                Thread.sleep(3000);
                report("running", sample(page, seconds), number(page, "return window.myriadStats.points"));
                served.call("POST", "/api/runs/" + id + "/pause", null);
                Thread.sleep(2000);
                report("paused", sample(page, seconds), number(page, "return window.myriadStats.points"));
            }
            finally
            {
                browser.quit();
                served.call("POST", "/api/runs/" + id + "/stop", null);
            }
        }
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

    private static void report(final String state, final double[] fps, final long points)
    {
        final double[] sorted = fps.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"state\": \"%s\", \"points\": %d, \"median_fps\": %.1f, " +
            "\"min_fps\": %.1f, \"max_fps\": %.1f}%n", state, points, sorted[sorted.length / 2], sorted[0],
            sorted[sorted.length - 1]);
    }
}
