package io.myriad.tools;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RunHeader;

/**
 * Journal records as JSON lines, as {@code journal dump} and {@code journal tail} print them: one line per record,
 * except an events record, which prints one line per event (type {@code event}). Keys are the descriptors' field
 * names in snake case; hashes are 16 hex digits, as everywhere else.
 */
final class RecordJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private RecordJson()
    {
    }

    /**
     * @param record a checked events record.
     * @param entry  one of its entries.
     * @return that event as one line of JSON.
     */
    static String eventLine(final JournalRecord record, final int entry)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text))
        {
            json.writeStartObject();
            json.writeStringField("type", "event");
            json.writeNumberField("tick", record.tick());
            json.writeNumberField("phase", record.eventsPhase());
            json.writeNumberField("batch", record.eventsBatch());
            json.writeNumberField("entry", record.eventsFirstEntry() + entry);
            json.writeNumberField("kind", record.eventKind(entry));
            json.writeNumberField("target", record.eventTarget(entry));
            json.writeNumberField("a", record.eventA(entry));
            json.writeNumberField("b", record.eventB(entry));
            json.writeBooleanField("applied", record.eventApplied(entry));
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    /**
     * @param record a checked record, not an events record (those print a line per event).
     * @return it as one line of JSON.
     */
    static String toLine(final JournalRecord record)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text))
        {
            json.writeStartObject();
            json.writeStringField("type", record.type().label());
            json.writeNumberField("tick", record.tick());
            switch (record.type())
            {
                case RUN_START -> writeRunStart(json, record.runHeader());
                case STATE_HASH, RUN_END ->
                {
                    json.writeStringField("hash", StateHash.toHex(record.hash()));
                    json.writeNumberField("live_agents", record.liveAgents());
                }
                case INPUT ->
                {
                    json.writeNumberField("kind", record.inputKind());
                    json.writeNumberField("target", record.inputTarget());
                    final byte[] data = new byte[record.inputDataLength()];
                    record.buffer().getBytes(record.inputDataOffset(), data);
                    json.writeBinaryField("data", data);
                }
                default -> throw new IllegalStateException("no JSON form for " + record.type());
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    private static void writeRunStart(final JsonGenerator json, final RunHeader header) throws IOException
    {
        json.writeStringField("model", header.model());
        json.writeNumberField("agents", header.agents());
        json.writeNumberField("seed", header.seed());
        json.writeStringField("level", header.level().label());
        json.writeNumberField("hash_every", header.hashEvery());
        json.writeNumberField("max_ticks", header.maxTicks());
        json.writeNumberField("state_hash_version", header.stateHashVersion());
        json.writeObjectFieldStart("parameters");
        for (final Map.Entry<String, Object> entry : header.parameters().entrySet())
        {
            final Object value = entry.getValue();
            if (value instanceof Long)
            {
                json.writeNumberField(entry.getKey(), (Long)value);
            }
            else if (value instanceof Double)
            {
                json.writeNumberField(entry.getKey(), (Double)value);
            }
            else if (value instanceof Boolean)
            {
                json.writeBooleanField(entry.getKey(), (Boolean)value);
            }
            else
            {
                json.writeStringField(entry.getKey(), String.valueOf(value));
            }
        }
        json.writeEndObject();
        json.writeStringField("scenario", header.scenario());
    }
}
