package io.myriad.tools;

import java.io.IOException;
import java.nio.ByteOrder;

import com.fasterxml.jackson.core.JsonGenerator;
import org.agrona.DirectBuffer;

import io.myriad.kernel.channel.Channel;
import io.myriad.kernel.channel.MessageChannel;
import io.myriad.kernel.channel.SharedRegion;
import io.myriad.kernel.channel.TopicChannel;
import io.myriad.kernel.command.CommandDescriptor;
import io.myriad.layouts.CommandSchema;
import io.myriad.layouts.FieldType;

/**
 * What a journal line says of an act on a channel (a send, publication, subscription or write) or of a delivery,
 * beyond the raw entry: the channel by name, what was done, and the message's fields by name, symbols as text.
 */
final class ChannelJson
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final String[] OPS = { "send", "publish", "subscribe", "unsubscribe", "write" };

    private ChannelJson()
    {
    }

    /**
     * @param id an entry's id.
     * @return true if it is a channel command or a delivery.
     */
    static boolean isChannelEntry(final int id)
    {
        return id == CommandDescriptor.CHANNEL || id == CommandDescriptor.DELIVERY;
    }

    /**
     * Writes the entry's channel fields, if the run's model names the channel.
     *
     * @param json       the line being written.
     * @param buffer     the record's bytes.
     * @param payload    where the entry's payload starts.
     * @param id         the entry's id.
     * @param vocabulary what the run's model names.
     */
    static void write(final JsonGenerator json, final DirectBuffer buffer, final int payload, final int id,
        final RunVocabulary vocabulary) throws IOException
    {
        final boolean delivery = id == CommandDescriptor.DELIVERY;
        final int channelId = buffer.getInt(payload + (delivery ? CommandDescriptor.DELIVERY_CHANNEL_OFFSET :
            CommandDescriptor.CHANNEL_ID_OFFSET), ORDER);
        final Channel channel = vocabulary.channel(channelId);
        if (channel == null)
        {
            return;
        }
        json.writeStringField("channel", channel.name());
        if (delivery)
        {
            json.writeStringField("act", "delivered");
            json.writeNumberField("sequence", buffer.getLong(payload + CommandDescriptor.DELIVERY_SEQUENCE_OFFSET,
                ORDER));
            json.writeNumberField("sent_step", buffer.getLong(payload + CommandDescriptor.DELIVERY_SENT_STEP_OFFSET,
                ORDER));
            json.writeNumberField("sent_time", buffer.getDouble(payload +
                CommandDescriptor.DELIVERY_SENT_TIME_OFFSET, ORDER));
            topic(json, channel, buffer.getInt(payload + CommandDescriptor.DELIVERY_TOPIC_OFFSET, ORDER));
            message(json, channel, buffer, payload + CommandDescriptor.DELIVERY_HEADER_LENGTH, vocabulary);
            return;
        }
        final int op = buffer.getInt(payload + CommandDescriptor.CHANNEL_OP_OFFSET, ORDER);
        json.writeStringField("act", op >= 0 && op < OPS.length ? OPS[op] : "operation-" + op);
        final int argument = buffer.getInt(payload + CommandDescriptor.CHANNEL_ARGUMENT_OFFSET, ORDER);
        if (op == CommandDescriptor.CHANNEL_WRITE && channel instanceof SharedRegion)
        {
            final CommandSchema schema = ((SharedRegion)channel).schema();
            final int field = buffer.getInt(payload + CommandDescriptor.CHANNEL_FIELD_OFFSET, ORDER);
            json.writeNumberField("record", argument);
            json.writeStringField("field", field >= 0 && field < schema.fieldCount() ? schema.field(field).name() :
                "field-" + field);
            json.writeNumberField("value", buffer.getDouble(payload + CommandDescriptor.CHANNEL_HEADER_LENGTH,
                ORDER));
            return;
        }
        if (op != CommandDescriptor.CHANNEL_SEND)
        {
            topic(json, channel, argument);
        }
        if (op == CommandDescriptor.CHANNEL_SEND || op == CommandDescriptor.CHANNEL_PUBLISH)
        {
            message(json, channel, buffer, payload + CommandDescriptor.CHANNEL_HEADER_LENGTH, vocabulary);
        }
    }

    private static void topic(final JsonGenerator json, final Channel channel, final int topic) throws IOException
    {
        if (channel instanceof TopicChannel && topic >= 0 && topic < ((TopicChannel)channel).topics().size())
        {
            json.writeStringField("topic", ((TopicChannel)channel).topics().get(topic));
        }
    }

    private static void message(final JsonGenerator json, final Channel channel, final DirectBuffer buffer,
        final int at, final RunVocabulary vocabulary) throws IOException
    {
        if (!(channel instanceof MessageChannel))
        {
            return;
        }
        final CommandSchema schema = ((MessageChannel)channel).message();
        json.writeObjectFieldStart("message");
        for (int f = 0; f < schema.fieldCount(); f++)
        {
            final String name = schema.field(f).name();
            final int offset = at + schema.offset(f);
            final FieldType type = schema.field(f).type();
            final double value = type.read(buffer, offset, ORDER);
            final String symbol = vocabulary.symbol(channel, name, value);
            if (symbol != null)
            {
                json.writeStringField(name, symbol);
            }
            else if (type == FieldType.DOUBLE || type == FieldType.FLOAT)
            {
                json.writeNumberField(name, value);
            }
            else
            {
                json.writeNumberField(name, (long)value);
            }
        }
        json.writeEndObject();
    }
}
