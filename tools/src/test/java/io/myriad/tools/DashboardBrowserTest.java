package io.myriad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.myriad.kernel.journal.JournalReader;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import io.myriad.plugins.flocking.FlockingPlugin;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven by Selenium through its chromedriver. Runs
 * are started from the page; what is drawn is checked by the canvas's pixels. A failing test leaves a screenshot in
 * {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserTest
{
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");

    private static ChromeDriver browser;
    private ServerFixture fixture;

    @BeforeAll
    static void openBrowser()
    {
        // on CI, .ci/run installs them: there a missing browser fails the test rather than skipping it
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ||
            "true".equals(System.getenv("CI")), "Debian's chromium and chromium-driver are not installed");
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--window-size=1280,800");
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser()
    {
        if (browser != null)
        {
            browser.quit();
        }
    }

    @BeforeEach
    void startServer(@TempDir final Path dir)
    {
        fixture = new ServerFixture(dir);
        browser.get(fixture.server.url());
        waitFor("the scenarios listed", () -> !new Select(browser.findElement(By.id("scenario"))).getOptions()
            .isEmpty());
    }

    @AfterEach
    void stopServer(final TestInfo test)
    {
        fixture.close();
    }

    @Test
    void theTokenLeavesTheAddressBar()
    {
        onFailureScreenshot("token", () ->
        {
            assertTrue(!browser.getCurrentUrl().contains("token"), browser.getCurrentUrl());
            assertEquals(fixture.server.token(), script("return sessionStorage.getItem('myriad-token')"));
        });
    }

    @Test
    void aFlockIsDrawnPausedSteppedSpedUpAndScattered()
    {
        onFailureScreenshot("flocking", () ->
        {
            startFromPage("flocking-large.yaml", "20000", "1000000");
            waitFor("points drawn", () -> number("return window.myriadStats.points") > 10_000 &&
                number("return window.myriadStats.draws") > 3);
            assertTrue(litPixels() > 2_000, "the birds are on the canvas");

            browser.findElement(By.id("pause")).click();
            waitFor("paused", () -> browser.findElement(By.id("state")).getText().contains("paused"));
            final String run = runId();
            final double pausedAt = simTime(run);
            sleep(500);
            assertEquals(pausedAt, simTime(run), "sim time stands still while paused");

            browser.findElement(By.id("step")).click();
            waitFor("one step", () -> simTime(run) == pausedAt + 1);

            script("const s = document.getElementById('speed'); s.value = '1'; " +
                "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));");
            waitFor("time scale 10", () -> status(run).get("timeScale").equals(10.0));
            assertEquals("10\u00d7", browser.findElement(By.id("speed-text")).getText());

            new Select(browser.findElement(By.id("event"))).selectByValue("scatter");
            browser.findElement(By.id("inject-button")).click();
            browser.findElement(By.id("play")).click();
            waitFor("running again", () -> !Boolean.TRUE.equals(status(run).get("paused")) &&
                simTime(run) > pausedAt + 2);
            browser.findElement(By.id("stop")).click();
            waitFor("finished", () -> "finished".equals(fixture.state(run)));
            assertEquals(1, scatters(fixture.server.runs().get(run).directory().resolve("journal")),
                "the scatter from the page is in the journal");
        });
    }

    @Test
    void aSchellingGridIsDrawnAsAnImage()
    {
        onFailureScreenshot("schelling", () ->
        {
            startFromPage("schelling-small.yaml", "", "1000000");
            waitFor("a grid layer to choose", () -> new Select(browser.findElement(By.id("view"))).getOptions()
                .stream().anyMatch((o) -> o.getAttribute("value").startsWith("grid:")));
            final Select view = new Select(browser.findElement(By.id("view")));
            view.getOptions().stream().filter((o) -> o.getAttribute("value").endsWith(":group")).findFirst()
                .orElseThrow().click();
            waitFor("cells drawn", () -> number("return window.myriadStats.kind") == 2 &&
                number("return window.myriadStats.draws") > 3);
            assertTrue(colours() >= 3, "empty cells and both groups show: " + colours() + " colours");
        });
    }

    @Test
    void aSmallNetworkIsDrawnAsNodesAndLinks()
    {
        onFailureScreenshot("network", () ->
        {
            startFromPage("sir-network.yaml", "400", "1000000");
            waitFor("the network to choose", () -> new Select(browser.findElement(By.id("view"))).getOptions()
                .stream().anyMatch((o) -> o.getAttribute("value").startsWith("network:")));
            new Select(browser.findElement(By.id("view"))).getOptions().stream()
                .filter((o) -> o.getAttribute("value").startsWith("network:")).findFirst().orElseThrow().click();
            waitFor("nodes drawn", () -> number("return window.myriadStats.kind") == 3 &&
                number("return window.myriadStats.points") == 400 && number("return window.myriadStats.draws") > 3);
            assertTrue(litPixels() > 400, "nodes and links on the canvas: " + litPixels());
        });
    }

    private void startFromPage(final String scenario, final String agents, final String ticks)
    {
        new Select(browser.findElement(By.id("scenario"))).selectByValue(scenario);
        browser.findElement(By.id("agents")).sendKeys(agents);
        browser.findElement(By.id("ticks")).sendKeys(ticks);
        browser.findElement(By.id("start-button")).click();
        waitFor("the run chosen", () -> !runId().isEmpty());
        waitFor("the run launched", () -> !"starting".equals(fixture.state(runId())));
    }

    private String runId()
    {
        return String.valueOf(script("return document.getElementById('runs').value"));
    }

    private double simTime(final String run)
    {
        return ((Number)status(run).get("simTime")).doubleValue();
    }

    private Map<String, Object> status(final String run)
    {
        try
        {
            return fixture.status(run);
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static long litPixels()
    {
        return number("const c = document.getElementById('space'); " +
            "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; " +
            "for (let i = 0; i < d.length; i += 4) { if (d[i] + d[i + 1] + d[i + 2] > 200) n++; } return n;");
    }

    private static long colours()
    {
        return number("const c = document.getElementById('space'); " +
            "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set(); " +
            "for (let i = 0; i < d.length; i += 4) { seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); } " +
            "return seen.size;");
    }

    private static int scatters(final Path journal)
    {
        int found = 0;
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record))
            {
                if (record.type() == RecordType.INPUT && record.inputKind() == FlockingPlugin.INPUT_SCATTER)
                {
                    found++;
                }
            }
        }
        return found;
    }

    private static Object script(final String code)
    {
        return ((JavascriptExecutor)browser).executeScript(code);
    }

    private static long number(final String code)
    {
        final Object value = script(code);
        return value instanceof Number n ? n.longValue() : -1;
    }

    private static void waitFor(final String what, final java.util.function.BooleanSupplier condition)
    {
        new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what).until((driver) ->
            condition.getAsBoolean());
    }

    private static void sleep(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void onFailureScreenshot(final String name, final Runnable test)
    {
        try
        {
            test.run();
        }
        catch (final RuntimeException | AssertionError ex)
        {
            try
            {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve(name + ".png"),
                    ((TakesScreenshot)browser).getScreenshotAs(OutputType.BYTES));
                Files.write(SCREENSHOTS.resolve(name + "-console.txt"), List.of(String.valueOf(
                    script("return document.getElementById('message').textContent"))));
            }
            catch (final IOException | RuntimeException screenshotFailed)
            {
                ex.addSuppressed(screenshotFailed);
            }
            throw ex;
        }
    }
}
