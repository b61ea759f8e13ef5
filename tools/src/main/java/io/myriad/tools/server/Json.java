package io.myriad.tools.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's JSON: one mapper, the responses it writes and the errors it sends.
 */
final class Json
{
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TYPE = "application/json";

    private Json()
    {
    }

    static String text(final Object value)
    {
        try
        {
            return MAPPER.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write JSON: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return a request body's JSON object.
     * @throws RequestException (400) if it is not a JSON object.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final String body, final String where)
    {
        if (body == null || body.isBlank())
        {
            return new LinkedHashMap<>();
        }
        try
        {
            final Object value = MAPPER.readValue(body, Object.class);
            if (value instanceof Map<?, ?> map)
            {
                return (Map<String, Object>)map;
            }
        }
        catch (final JsonProcessingException ex)
        {
            throw new RequestException(400, where + " is not JSON: " + ex.getOriginalMessage() +
                "; send a JSON object, e.g. {\"steps\": 1}");
        }
        throw new RequestException(400, where + " must be a JSON object, e.g. {\"steps\": 1}");
    }

    static void send(final Response response, final int status, final Object value, final Callback callback)
    {
        final byte[] bytes = text(value).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
    }

    static void error(final Response response, final int status, final String message, final Callback callback)
    {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        send(response, status, body, callback);
    }
}
