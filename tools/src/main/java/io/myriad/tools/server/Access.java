package io.myriad.tools.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The door every request passes: at most {@link #REQUESTS_PER_SECOND} a second from one address (a burst of
 * {@link #BURST}), and the server's token, given as {@code Authorization: Bearer TOKEN}, as {@code ?token=TOKEN}
 * on an address, or in the cookie a page opened with {@code ?token=} gets, so that its scripts, styles and
 * WebSockets need not carry it. A refused request gets a JSON error (401 no token, 403 a wrong one, 429 too many)
 * and reaches nothing behind the door. A browser's request from a page of another origin (a page on another port of
 * this machine, say, which would carry the cookie) is refused (403).
 */
final class Access extends Handler.Wrapper
{
    /** Name of the cookie that carries the token for a page's own requests. */
    static final String COOKIE = "myriad_token";
    static final int REQUESTS_PER_SECOND = 500;
    static final int BURST = 1000;
    private static final int MAX_ADDRESSES = 4096;
    private static final long IDLE_NS = 60_000_000_000L;

    private final byte[] token;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    Access(final String token)
    {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) throws Exception
    {
        if (buckets.size() > MAX_ADDRESSES)
        {
            buckets.values().removeIf(Bucket::isIdle);
        }
        if (!buckets.computeIfAbsent(Request.getRemoteAddr(request), (address) -> new Bucket()).take())
        {
            Json.error(response, 429, "too many requests: at most " + REQUESTS_PER_SECOND + " a second from one " +
                "address; wait and try again", callback);
            return true;
        }
        final String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !sameOrigin(origin, request.getHeaders().get(HttpHeader.HOST)))
        {
            // a page of another origin (another port on this machine too) must not use the page's cookie
            Json.error(response, 403, "requests from pages of another origin (" + origin + ") are refused: use " +
                "the dashboard this server serves, or a client that sends no Origin", callback);
            return true;
        }
        final String fromQuery = queryToken(request);
        final String presented = presented(request, fromQuery);
        if (presented == null)
        {
            Json.error(response, 401, "this server needs its token, printed when it started: send " +
                "'Authorization: Bearer TOKEN', or open the page as /?token=TOKEN", callback);
            return true;
        }
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8)))
        {
            Json.error(response, 403, "wrong token: use the one the server printed when it started", callback);
            return true;
        }
        if (fromQuery != null)
        {
            response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + fromQuery +
                "; Path=/; HttpOnly; SameSite=Strict");
        }
        return super.handle(request, response, callback);
    }

    private static String presented(final Request request, final String fromQuery)
    {
        final String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
        {
            return authorization.substring(7).trim();
        }
        if (fromQuery != null)
        {
            return fromQuery;
        }
        for (final HttpCookie cookie : Request.getCookies(request))
        {
            if (COOKIE.equals(cookie.getName()))
            {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean sameOrigin(final String origin, final String host)
    {
        final int scheme = origin.indexOf("://");
        return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private static String queryToken(final Request request)
    {
        if (request.getHttpURI().getQuery() == null)
        {
            return null;
        }
        final String token = Request.extractQueryParameters(request).getValue("token");
        return token == null || token.isEmpty() ? null : token;
    }

    /**
     * A token bucket: {@link #BURST} requests, refilled at {@link #REQUESTS_PER_SECOND}.
     */
    private static final class Bucket
    {
        private double tokens = BURST;
        private long lastNs = System.nanoTime();

        synchronized boolean isIdle()
        {
            return System.nanoTime() - lastNs > IDLE_NS;
        }

        synchronized boolean take()
        {
            final long now = System.nanoTime();
            tokens = Math.min(BURST, tokens + (now - lastNs) * 1e-9 * REQUESTS_PER_SECOND);
            lastNs = now;
            if (tokens < 1)
            {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
