package org.shortwave.cache;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.shortwave.cache.CachedPage.Encoding;
import org.shortwave.cache.CachedPage.Header;
import org.shortwave.cache.CachedPage.Reply;
import org.shortwave.platform.web.RequestIdFilter;
import org.shortwave.platform.web.SecurityHeadersFilter;
import org.springframework.http.HttpHeaders;

/**
 * Answers page-cache hits first thing in Tomcat's engine pipeline, before the servlet filters: a hit needs none of
 * them (no session, no security context, no rendering), and passing through them, with the request observation and
 * the header encoding, was about 40% of a hit's CPU time (ADR 0013). The answer is the one {@link PageCacheFilter} would give
 * (same rules, same headers, a request id); the stored headers go to Tomcat as bytes.
 *
 * <p>Anything else (a miss, a request that may not use the store, an expired page kept for stale-if-error, a request
 * through a proxy) goes on down the pipeline unchanged. Hits answered here are counted by the cache's metrics, not
 * by {@code http.server.requests}.
 */
final class PageCacheValve extends ValveBase {

    private static final byte[] VARY = bytes(HttpHeaders.VARY);
    private static final byte[] ACCEPT_ENCODING = bytes(HttpHeaders.ACCEPT_ENCODING);
    private static final byte[] X_CACHE = bytes(PageCacheFilter.X_CACHE);
    private static final byte[] HIT = bytes("hit");
    private static final byte[] REQUEST_ID = bytes(RequestIdFilter.HEADER);
    private static final byte[] HSTS = bytes(SecurityHeadersFilter.HSTS);
    private static final byte[] HSTS_VALUE = bytes(SecurityHeadersFilter.HSTS_VALUE);
    private static final byte[] ETAG = bytes(HttpHeaders.ETAG);
    private static final byte[] CONTENT_ENCODING = bytes(HttpHeaders.CONTENT_ENCODING);

    private final PageCache cache;

    PageCacheValve(PageCache cache) {
        super(true);
        this.cache = cache;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // Tomcat also sends requests it refused (a malformed target, an over-long line) down the pipeline, already
        // marked as errors and with no URI, for the error report: those are not for the store.
        boolean servable = !response.isError() && request.getRequestURI() != null && "GET".equals(request.getMethod())
                && !proxied(request) && PageCacheFilter.mayUseStore(request, cache);
        CachedPage page = servable ? cache.hit(PageCacheFilter.key(request)) : null;
        if (page == null) {
            getNext().invoke(request, response);
            return;
        }
        Reply reply = page.replyTo(request.getHeader(HttpHeaders.ACCEPT_ENCODING),
                request.getHeader(HttpHeaders.IF_NONE_MATCH));
        org.apache.coyote.Response out = response.getCoyoteResponse();
        out.setStatus(reply.status());
        MimeHeaders headers = out.getMimeHeaders();
        add(headers, REQUEST_ID, bytes(RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER))));
        if (request.isSecure()) {
            add(headers, HSTS, HSTS_VALUE);
        }
        for (Header header : page.headers()) {
            if (!(reply.notModified() && header.entity())) {
                add(headers, header.nameBytes(), header.valueBytes());
            }
        }
        add(headers, VARY, ACCEPT_ENCODING);
        add(headers, X_CACHE, HIT);
        if (reply.etag() != null) {
            add(headers, ETAG, bytes(reply.etag()));
        }
        if (reply.notModified()) {
            return;
        }
        if (reply.encoding() != Encoding.IDENTITY) {
            add(headers, CONTENT_ENCODING, reply.encoding().tokenBytes);
        }
        out.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }

    /**
     * Whether a proxy's headers came with the request. Such a request goes the long way, through Tomcat's
     * RemoteIpValve, which decides whether to believe them (the scheme decides HSTS); the filter answers its hit.
     */
    private static boolean proxied(Request request) {
        MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
        for (int i = 0; i < headers.size(); i++) {
            MessageBytes name = headers.getName(i);
            if (name.startsWithIgnoreCase("x-forwarded-", 0) || name.equalsIgnoreCase("forwarded")) {
                return true;
            }
        }
        return false;
    }

    private static void add(MimeHeaders headers, byte[] name, byte[] value) {
        headers.addValue(name, 0, name.length).setBytes(value, 0, value.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
