package io.myriad.tools.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import io.myriad.kernel.hash.StateHash;

/**
 * Writes a {@link RunSummary} as JSON with Jackson's streaming generator, one field at a time in a fixed order.
 * Numbers that are not finite are written as null, so the output is always valid JSON.
 */
public final class SummaryJson
{
    /** Name of the file a run directory keeps its summary in. */
    public static final String FILE_NAME = "summary.json";

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();

    private SummaryJson()
    {
    }

    /**
     * @param summary a run's figures.
     * @return the summary as one line of JSON, without a line break.
     */
    public static String toLine(final RunSummary summary)
    {
        final StringWriter out = new StringWriter(1024);
        write(summary, out, false);
        return out.toString();
    }

    /**
     * Writes the summary, indented, to a file: first to a temporary file beside it, then moved into place, so the
     * file is either absent or complete.
     *
     * @param summary a run's figures.
     * @param file    where to write it.
     * @throws UncheckedIOException if the file cannot be written.
     */
    public static void write(final RunSummary summary, final Path file)
    {
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8))
            {
                write(summary, out, true);
                out.write('\n');
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static void write(final RunSummary summary, final Writer out, final boolean indent)
    {
        try (JsonGenerator json = FACTORY.createGenerator(out))
        {
            if (indent)
            {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            json.writeStringField("model", summary.model());
            json.writeNumberField("agents", summary.agents());
            json.writeNumberField("ticks", summary.ticks());
            json.writeStringField("clock", summary.time().clock());
            writeNumber(json, "sim_time", summary.time().simTime());
            json.writeNumberField("events", summary.time().events());
            writeNumber(json, "events_per_second", summary.time().eventsPerSecond());
            writeNumber(json, "time_scale", summary.time().timeScale());
            if (summary.time().timeScale() > 0)
            {
                json.writeObjectFieldStart("pacing_lag_ns");
                json.writeNumberField("p50", summary.time().lagP50Ns());
                json.writeNumberField("p99", summary.time().lagP99Ns());
                json.writeNumberField("max", summary.time().lagMaxNs());
                json.writeEndObject();
            }
            writeDecisions(json, summary.time().decisions());
            json.writeNumberField("threads", summary.threads());
            json.writeNumberField("seed", summary.seed());
            writeNumber(json, "wall_seconds", summary.wallSeconds());
            writeNumber(json, "agent_updates_per_second", summary.agentUpdatesPerSecond());
            json.writeObjectFieldStart("tick_ns");
            json.writeNumberField("p50", summary.tickP50Ns());
            json.writeNumberField("p99", summary.tickP99Ns());
            json.writeNumberField("p999", summary.tickP999Ns());
            json.writeNumberField("max", summary.tickMaxNs());
            json.writeEndObject();
            writeNumber(json, "allocated_bytes_per_tick", summary.allocatedBytesPerTick());
            writeNumber(json, "allocated_bytes_per_tick_mean", summary.allocatedBytesMean());
            json.writeNumberField("ticks_that_allocated", summary.ticksThatAllocated());
            json.writeNumberField("allocation_ticks", summary.allocationTicks());
            json.writeStringField("state_hash", StateHash.toHex(summary.stateHash()));
            json.writeStringField("java_version", summary.javaVersion());
            json.writeStringField("layout", summary.layout());
            json.writeNumberField("batch_size", summary.batchSize());
            json.writeStringField("wait_strategy", summary.waitStrategy());
            json.writeStringField("preset", summary.preset());
            json.writeStringField("scenario", summary.scenario());
            json.writeStringField("run_directory", summary.runDirectory());
            final RunSummary.Journal journal = summary.journal();
            if (journal == null)
            {
                json.writeNullField("journal");
            }
            else
            {
                json.writeObjectFieldStart("journal");
                json.writeStringField("directory", journal.directory());
                json.writeStringField("level", journal.level());
                json.writeNumberField("hash_every", journal.hashEvery());
                json.writeNumberField("records", journal.records());
                json.writeNumberField("stalls", journal.stalls());
                json.writeEndObject();
            }
            json.writeObjectFieldStart("parameters");
            for (final Map.Entry<String, Object> entry : summary.parameters().entrySet())
            {
                writeValue(json, entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("metrics");
            for (final Map.Entry<String, Double> entry : summary.metrics().entrySet())
            {
                writeValue(json, entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writeValue(final JsonGenerator json, final String name, final Object value) throws IOException
    {
        if (value instanceof Double || value instanceof Float)
        {
            writeNumber(json, name, ((Number)value).doubleValue());
        }
        else if (value instanceof Number)
        {
            json.writeNumberField(name, ((Number)value).longValue());
        }
        else if (value instanceof Boolean)
        {
            json.writeBooleanField(name, (Boolean)value);
        }
        else
        {
            json.writeStringField(name, value == null ? null : value.toString());
        }
    }

    private static void writeDecisions(final JsonGenerator json, final DecisionFigures decisions) throws IOException
    {
        if (decisions == null)
        {
            return;
        }
        json.writeObjectFieldStart("decisions");
        json.writeNumberField("requested", decisions.requested());
        json.writeNumberField("completed", decisions.completed());
        json.writeNumberField("answered", decisions.answered());
        json.writeNumberField("cached", decisions.cached());
        json.writeNumberField("timed_out", decisions.timedOut());
        json.writeNumberField("failed", decisions.failed());
        json.writeNumberField("stale_dropped", decisions.staleDropped());
        json.writeNumberField("revalidated", decisions.revalidated());
        json.writeNumberField("refused_while_thinking", decisions.refused());
        json.writeNumberField("in_flight", decisions.inFlight());
        json.writeObjectFieldStart("tokens");
        json.writeNumberField("prompt", decisions.promptTokens());
        json.writeNumberField("completion", decisions.completionTokens());
        json.writeNumberField("total", decisions.tokens());
        json.writeEndObject();
        json.writeObjectFieldStart("latency_ms");
        json.writeNumberField("p50", decisions.latencyP50Ms());
        json.writeNumberField("p90", decisions.latencyP90Ms());
        json.writeNumberField("p99", decisions.latencyP99Ms());
        json.writeNumberField("max", decisions.latencyMaxMs());
        json.writeEndObject();
        if (decisions.lastError() != null)
        {
            json.writeStringField("last_error", decisions.lastError());
        }
        json.writeEndObject();
    }

    private static void writeNumber(final JsonGenerator json, final String name, final double value)
        throws IOException
    {
        if (Double.isFinite(value))
        {
            json.writeNumberField(name, value);
        }
        else
        {
            json.writeNullField(name);
        }
    }
}
