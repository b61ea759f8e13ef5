package io.myriad.tools;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;

import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.kernel.decide.AnswerDescriptor;
import io.myriad.kernel.command.Outcome;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.myriad.kernel.hash.StateHash;
import io.myriad.kernel.journal.JournalRecord;
import io.myriad.kernel.journal.RecordType;
import io.myriad.kernel.journal.RunEndDescriptor;
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
     * Hands each line a record prints to an action: an events record's one line per event, any other record's one;
     * naming what the run's model names (the actions of decisions, the channels and messages of channel entries).
     *
     * @param record     a checked record.
     * @param agent      only the lines about this agent, or null for all.
     * @param vocabulary what the run's model names.
     * @param action     what to do with each line, in order.
     */
    static void forEachLine(
        final JournalRecord record, final Integer agent, final RunVocabulary vocabulary, final Consumer<String> action)
    {
        if (record.type() == RecordType.EVENTS)
        {
            int offset = record.commandsOffset();
            for (int i = 0, count = record.eventsCount(); i < count; i++)
            {
                if (agent == null || target(record.buffer(), offset) == agent)
                {
                    action.accept(eventLine(record, i, offset, vocabulary));
                }
                offset += record.buffer().getInt(offset + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            }
        }
        else if (agent == null || (record.type() == RecordType.INPUT && record.inputTarget() == agent))
        {
            action.accept(isDecision(record) ? decisionLine(record, vocabulary.actions()) : toLine(record));
        }
    }

    /**
     * @param record a checked events record.
     * @param command the command's place in the record, from 0.
     * @param offset  where it starts in the record's buffer.
     * @return that command and its outcome as one line of JSON; the payload as hex, little-endian as journaled.
     */
    static String eventLine(final JournalRecord record, final int command, final int offset,
        final RunVocabulary vocabulary)
    {
        final DirectBuffer buffer = record.buffer();
        return line("event", record.tick(), (json) ->
        {
            json.writeNumberField("phase", record.eventsPhase());
            json.writeNumberField("batch", record.eventsBatch());
            json.writeNumberField("command", record.eventsFirstCommand() + command);
            json.writeNumberField("id", buffer.getShort(offset + CommandDescriptor.ID_OFFSET, ByteOrder.LITTLE_ENDIAN));
            json.writeBooleanField("spawn", (buffer.getShort(offset + CommandDescriptor.FLAGS_OFFSET,
                ByteOrder.LITTLE_ENDIAN) & CommandDescriptor.FLAG_SPAWN) != 0);
            json.writeNumberField("target_type", targetType(buffer, offset));
            json.writeNumberField("target", target(buffer, offset));
            json.writeNumberField("source_type",
                buffer.getInt(offset + CommandDescriptor.SOURCE_TYPE_OFFSET, ByteOrder.LITTLE_ENDIAN));
            json.writeNumberField("source",
                buffer.getInt(offset + CommandDescriptor.SOURCE_INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN));
            final int length = buffer.getInt(offset + CommandDescriptor.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            final StringBuilder payload = new StringBuilder();
            for (int i = CommandDescriptor.HEADER_LENGTH; i < length; i++)
            {
                payload.append(String.format(Locale.ROOT, "%02x", buffer.getByte(offset + i) & 0xFF));
            }
            json.writeStringField("payload", payload.toString());
            final int id = buffer.getShort(offset + CommandDescriptor.ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (ChannelJson.isChannelEntry(id))
            {
                ChannelJson.write(json, buffer, offset + CommandDescriptor.HEADER_LENGTH, id, vocabulary);
            }
            final int outcome = record.outcome(command);
            json.writeNumberField("outcome", outcome);
            json.writeBooleanField("applied", outcome == Outcome.APPLIED);
        });
    }

    private static int target(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + CommandDescriptor.TARGET_INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    private static int targetType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + CommandDescriptor.TARGET_TYPE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param record a checked record, not an events record (those print a line per event).
     * @return it as one line of JSON.
     */
    static String toLine(final JournalRecord record)
    {
        return line(record.type().label(), record.tick(), (json) ->
        {
            switch (record.type())
            {
                case RUN_START -> writeRunStart(json, record.runHeader());
                case STATE_HASH, RUN_END ->
                {
                    json.writeStringField("hash", StateHash.toHex(record.hash()));
                    json.writeNumberField("live_agents", record.liveAgents());
                    if (record.type() == RecordType.RUN_END)
                    {
                        json.writeBooleanField("over", (record.runEndFlags() & RunEndDescriptor.FLAG_OVER) != 0);
                    }
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
        });
    }

    /**
     * @param record a checked record.
     * @return true if it is a decision's outcome: an input of the kernel's kind for them.
     */
    static boolean isDecision(final JournalRecord record)
    {
        return record.type() == RecordType.INPUT && record.inputKind() == AnswerDescriptor.INPUT_KIND;
    }

    /**
     * @param record  a decision's outcome.
     * @param actions the names of the model's decision actions, or null.
     * @return it as one line of JSON: the decision, its outcome, its prompt and its answer.
     */
    static String decisionLine(final JournalRecord record, final List<String> actions)
    {
        final DirectBuffer data = record.buffer();
        final int at = record.inputDataOffset();
        return line("decision", record.tick(), (json) ->
        {
            if (!AnswerDescriptor.fits(data, at, record.inputDataLength()))
            {
                json.writeStringField("problem", "the input's " + record.inputDataLength() + " bytes hold no outcome");
                return;
            }
            json.writeNumberField("decision", AnswerDescriptor.id(data, at));
            json.writeNumberField("agent", record.inputTarget());
            json.writeNumberField("time", AnswerDescriptor.time(data, at));
            json.writeStringField("outcome", AnswerDescriptor.outcomeName(AnswerDescriptor.outcome(data, at)));
            final int index = AnswerDescriptor.action(data, at);
            if (actions != null && index >= 0 && index < actions.size())
            {
                json.writeStringField("action", actions.get(index));
            }
            json.writeNumberField("action_index", index);
            json.writeNumberField("amount", AnswerDescriptor.amount(data, at));
            json.writeNumberField("latency_ms", AnswerDescriptor.latencyNs(data, at) / 1e6);
            json.writeNumberField("prompt_tokens", AnswerDescriptor.promptTokens(data, at));
            json.writeNumberField("completion_tokens", AnswerDescriptor.completionTokens(data, at));
            json.writeStringField("prompt", AnswerDescriptor.prompt(data, at));
            json.writeStringField("answer", AnswerDescriptor.text(data, at));
        });
    }

    /**
     * The fields of one line after its type and tick.
     */
    @FunctionalInterface
    private interface Fields
    {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * @return one line of JSON: an object of the type, the tick and the fields.
     */
    private static String line(final String type, final long tick, final Fields fields)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text))
        {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeNumberField("tick", tick);
            fields.write(json);
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
