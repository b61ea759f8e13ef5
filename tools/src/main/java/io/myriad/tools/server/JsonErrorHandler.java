package io.myriad.tools.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every error Jetty itself raises (an oversized body, a bad request line, a path nothing serves) as the API's JSON
 * error, {@code {"error": message, "status": status}}, never an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler
{
    @Override
    protected void generateResponse(
        final Request request,
        final Response response,
        final int code,
        final String message,
        final Throwable cause,
        final Callback callback)
    {
        final String text = message != null ? message : cause != null ? cause.getMessage() : null;
        Json.error(response, code, text == null ? "HTTP " + code : text, callback);
    }
}
