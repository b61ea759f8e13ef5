package io.myriad.tools.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryJsonTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static RunSummary summary(final double metric)
    {
        final Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("order", metric);
        metrics.put("share_of_agents_that_moved_this_tick", 0.5);
        final Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("steps", 3L);
        parameters.put("scale", 0.5);
        parameters.put("loud", true);
        parameters.put("label", "a \"quoted\"\nlabel");
        return new RunSummary("counter", null, 10, 20,
            new RunSummary.Time("events", 12.5, 20, 40.0, 1.0, 5, 6, 7, null),
            2, -1L, "soa", 4096, "backoff", 0.5, 400.0,
            1_000, 2_000, 3_000, 4_000, 0L, 2.5, 1, 15, 0x0123456789abcdefL, "17.0.15", metrics, parameters, null,
            "runs/x",
            new RunSummary.Journal("runs/x/journal", "inputs", 100, 3, 0));
    }

    @Test
    void shouldWriteOneLineWithTheNamedKeys() throws Exception
    {
        final String line = SummaryJson.toLine(summary(0.25));

        assertFalse(line.contains("\n"), line);
        final JsonNode json = JSON.readTree(line);
        assertEquals(0, json.get("allocated_bytes_per_tick").intValue(), "the median");
        assertEquals(2.5, json.get("allocated_bytes_per_tick_mean").doubleValue());
        assertEquals(1, json.get("ticks_that_allocated").intValue());
        assertEquals("0123456789abcdef", json.get("state_hash").textValue());
        assertEquals(-1, json.get("seed").longValue());
        assertEquals("events", json.get("clock").textValue());
        assertEquals(12.5, json.get("sim_time").doubleValue());
        assertEquals(20, json.get("events").longValue());
        assertEquals(40.0, json.get("events_per_second").doubleValue());
        assertEquals(1.0, json.get("time_scale").doubleValue());
        assertEquals(6, json.get("pacing_lag_ns").get("p99").longValue());
        assertEquals("inputs", json.get("journal").get("level").textValue());
        assertEquals(3, json.get("journal").get("records").longValue());
        assertEquals(3_000, json.get("tick_ns").get("p999").longValue());
        assertEquals("a \"quoted\"\nlabel", json.get("parameters").get("label").textValue());
        assertTrue(json.get("parameters").get("loud").booleanValue());
        assertTrue(json.get("preset").isNull());
    }

    @Test
    void shouldWriteNumbersThatAreNotFiniteAsNull() throws Exception
    {
        final JsonNode json = JSON.readTree(SummaryJson.toLine(summary(Double.NaN)));

        assertTrue(json.get("metrics").get("order").isNull());
    }

    @Test
    void shouldWriteTheSameSummaryToAFile() throws Exception
    {
        final Path file = dir.resolve(SummaryJson.FILE_NAME);

        SummaryJson.write(summary(0.5), file);

        assertEquals(JSON.readTree(SummaryJson.toLine(summary(0.5))), JSON.readTree(file.toFile()));
        assertTrue(Files.readString(file).endsWith("}\n"));
        assertFalse(Files.exists(dir.resolve(SummaryJson.FILE_NAME + ".tmp")));
    }
}
