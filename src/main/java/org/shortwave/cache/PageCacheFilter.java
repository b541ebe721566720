package org.shortwave.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.shortwave.cache.CachedPage.Encoding;
import org.shortwave.cache.CachedPage.Header;
import org.shortwave.cache.CachedPage.Reply;
import org.shortwave.platform.web.PublicPaths;
import org.shortwave.platform.web.RequestIdFilter;
import org.shortwave.platform.web.SecurityHeadersFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page cache at the edge of the application, before security and the controllers. For a public GET: answers a
 * stored page at once (no database, no template), or lets the request through with its body buffered, then sets the
 * caching headers of a marked answer ({@link PageCaching}), compresses it, stores it when the rules allow, and
 * answers {@code 304} to a matching {@code If-None-Match}. Unmarked public answers get a strong ETag and 304s too
 * (the API's search, robots.txt).
 *
 * <p>Never stored nor served from the store: anything under {@code /admin} or {@code /api/admin}, a request that
 * carries a Cookie or Authorization header, an answer with Set-Cookie, marked private or no-store, or with a
 * status other than 200, 301 and 404. Media and fingerprinted assets are not buffered at all.
 *
 * <p>Concurrent misses of one page that may be stored render it once: the first renders, the others wait for it
 * (at most 5 s) and are answered the stored page ({@code X-Cache: coalesced}); after a publish on big news, a
 * popular page evicted from the store is not rendered once per waiting reader.
 *
 * <p>When rendering fails (the database is away), a stored page past its time to live is served instead, as
 * {@code stale-if-error} lets a shared cache do; pages evicted by a change are never kept for this.
 */
class PageCacheFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PageCacheFilter.class);
    static final String SURROGATE_KEY = "Surrogate-Key";
    static final String X_CACHE = "X-Cache";
    /**
     * Headers set afresh on every answer (by this filter, or per request like the request id and HSTS, which only an
     * HTTPS request gets), so a stored copy does not keep them.
     */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "content-encoding", "etag", "vary",
            "transfer-encoding", "date", "x-cache", "set-cookie", "content-type", "content-language",
            "x-request-id", "strict-transport-security");
    private static final Set<Integer> STORED_STATUSES = Set.of(200, 301, 404);

    /** After a failed render, stale pages are served without trying to render for this long. */
    private static final Duration FAILING_WINDOW = Duration.ofSeconds(2);

    /** The longest a request waits for another's render of the same page before rendering it itself. */
    private static final Duration COALESCE_WAIT = Duration.ofSeconds(5);

    private final PageCache cache;
    private final PageCacheProperties properties;
    /** Renders under way of pages that may be stored, by URL: concurrent misses of one page wait for the first. */
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();
    private volatile long failingUntil = System.nanoTime();

    PageCacheFilter(PageCache cache, PageCacheProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || PublicPaths.isNewsroom(path) || PublicPaths.isFile(path);
    }

    /** Whether a request may be answered from the store (and its answer stored): a GET of a public page by nobody. */
    static boolean mayUseStore(HttpServletRequest request, PageCache cache) {
        return cache.enabled() && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(HttpHeaders.COOKIE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean useStore = mayUseStore(request, cache);
        String url = useStore ? key(request) : null;
        if (useStore) {
            CachedPage stored = cache.get(url);
            if (stored != null) {
                send(request, response, stored, "hit");
                return;
            }
        }
        CachedPage stale = useStore ? cache.stale(url) : null;
        if (stale != null && System.nanoTime() - failingUntil < 0) {
            // Rendering failed a moment ago: answer at once rather than wait for a database that is not there.
            send(request, response, stale, "stale");
            return;
        }
        CompletableFuture<CachedPage> rendered = null;
        if (useStore) {
            CompletableFuture<CachedPage> mine = new CompletableFuture<>();
            CompletableFuture<CachedPage> earlier = rendering.putIfAbsent(url, mine);
            if (earlier != null) {
                cache.coalescingCount().incrementAndGet();
                CachedPage page;
                try {
                    page = await(earlier);
                } finally {
                    cache.coalescingCount().decrementAndGet();
                }
                if (page != null) {
                    send(request, response, page, "coalesced");
                    return;
                }
                // Not stored after all (a failure, an answer not to store, a change meanwhile): render it here.
            } else {
                rendered = mine;
                CachedPage justStored = cache.hit(url); // stored between this request's miss and now
                if (justStored != null) {
                    finish(url, rendered, justStored);
                    send(request, response, justStored, "hit");
                    return;
                }
            }
        }
        try {
            render(request, response, chain, url, stale, rendered);
        } finally {
            if (rendered != null) {
                finish(url, rendered, null);
            }
        }
    }

    /** Waits for another request's render of the same page; null if it was not stored, or took too long. */
    private static CachedPage await(CompletableFuture<CachedPage> render) {
        try {
            return render.get(COALESCE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Ends a render others may wait for: they get the stored page, or null to render it themselves. */
    private void finish(String url, CompletableFuture<CachedPage> render, CachedPage stored) {
        rendering.remove(url, render);
        render.complete(stored);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String url,
            CachedPage stale, CompletableFuture<CachedPage> rendered) throws ServletException, IOException {
        boolean useStore = url != null;
        long epoch = cache.epoch();
        CapturedResponse captured = new CapturedResponse(response);
        try {
            chain.doFilter(request, captured);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (stale == null || response.isCommitted()) {
                throw failure;
            }
            failingUntil = System.nanoTime() + FAILING_WINDOW.toNanos();
            log.warn("Serving {} stale from the page cache: rendering it failed ({})", url, failure.toString());
            response.reset();
            restorePerRequestHeaders(request, response);
            send(request, response, stale, "stale");
            return;
        }
        if (captured.passedThrough()) {
            return;
        }
        byte[] body = captured.body();
        PageCaching.Tag tag = (PageCaching.Tag) request.getAttribute(PageCaching.ATTRIBUTE);
        if (tag == null || tag.kind == null) {
            sendUnmarked(request, response, body);
            return;
        }
        int status = response.getStatus();
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        boolean shared = cacheControl == null || !(cacheControl.contains("private") || cacheControl.contains("no-store")
                || cacheControl.contains("no-cache"));
        if (shared) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, tag.kind.cacheControl(properties.sharedMaxAge()));
            if (!tag.keys.isEmpty()) {
                response.setHeader(SURROGATE_KEY, String.join(" ", tag.keys));
            }
        }
        boolean store = useStore && shared && STORED_STATUSES.contains(status)
                && !response.containsHeader(HttpHeaders.SET_COOKIE);
        Encoding wanted = Encoding.choose(request.getHeader(HttpHeaders.ACCEPT_ENCODING), Compression.BROTLI);
        CachedPage page = store ? stored(status, captured, body, tag) : once(status, captured, body, tag, wanted);
        if (store && cache.put(url, page, epoch) && rendered != null) {
            // Only a page stored with no eviction since this render began: the requests waiting for it came
            // after it began, so it is as fresh for them as a page rendered for each.
            finish(url, rendered, page);
        }
        send(request, response, page, store ? "miss" : "pass");
    }

    /** A page to store: both compressed forms, made hard once. */
    private CachedPage stored(int status, CapturedResponse response, byte[] body, PageCaching.Tag tag) {
        return new CachedPage(status, headers(response), null, Compression.gzip(body, Compression.GZIP_STORED),
                Compression.brotli(body, Compression.BROTLI_STORED), CachedPage.etagOf(body), Set.copyOf(tag.keys),
                System.nanoTime() + properties.ttl().toNanos());
    }

    /** A page sent once: only the form this client takes. */
    private static CachedPage once(int status, CapturedResponse response, byte[] body, PageCaching.Tag tag,
            Encoding wanted) {
        byte[] gzip = wanted == Encoding.GZIP ? Compression.gzip(body, Compression.GZIP_ONCE) : null;
        byte[] brotli = wanted == Encoding.BROTLI ? Compression.brotli(body, Compression.BROTLI_ONCE) : null;
        return new CachedPage(status, headers(response), body, gzip, brotli, CachedPage.etagOf(body),
                Set.copyOf(tag.keys), 0);
    }

    private static List<Header> headers(CapturedResponse response) {
        List<Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Header.of(name, value));
                }
            }
        }
        // The server keeps these two apart from the other headers until it sends them.
        if (response.getContentType() != null) {
            headers.add(Header.of(HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        if (response.locale() != null) {
            headers.add(Header.of(HttpHeaders.CONTENT_LANGUAGE, response.locale().toLanguageTag()));
        }
        return List.copyOf(headers);
    }

    /** Sends a page (stored or just made) in the best encoding the client takes, or 304 when it has it already. */
    private static void send(HttpServletRequest request, HttpServletResponse response, CachedPage page, String how)
            throws IOException {
        Reply reply = page.replyTo(request.getHeader(HttpHeaders.ACCEPT_ENCODING),
                request.getHeader(HttpHeaders.IF_NONE_MATCH));
        response.setStatus(reply.status());
        String previous = null;
        for (Header header : page.headers()) {
            if (reply.notModified() && header.entity()) {
                continue;
            }
            if (header.name().equalsIgnoreCase(previous)) {
                response.addHeader(header.name(), header.value());
            } else {
                response.setHeader(header.name(), header.value());
            }
            previous = header.name();
        }
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(X_CACHE, how);
        if (reply.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, reply.etag());
        }
        if (reply.notModified()) {
            return;
        }
        if (reply.encoding() != Encoding.IDENTITY) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, reply.encoding().token);
        }
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }

    /** The headers a stored copy does not keep, set again after a reset (the filters before this one set them). */
    private static void restorePerRequestHeaders(HttpServletRequest request, HttpServletResponse response) {
        String id = MDC.get(RequestIdFilter.MDC_KEY);
        if (id != null) {
            response.setHeader(RequestIdFilter.HEADER, id);
        }
        if (request.isSecure()) {
            response.setHeader(SecurityHeadersFilter.HSTS, SecurityHeadersFilter.HSTS_VALUE);
        }
    }

    /** An unmarked answer: sent as it is (the server compresses it), with an ETag and a 304 for a 200. */
    private static void sendUnmarked(HttpServletRequest request, HttpServletResponse response, byte[] body)
            throws IOException {
        if (response.getStatus() == 200 && body.length > 0 && !response.containsHeader(HttpHeaders.ETAG)) {
            String etag = CachedPage.etagOf(body);
            response.setHeader(HttpHeaders.ETAG, CachedPage.etagHeader(etag, Encoding.IDENTITY));
            if (CachedPage.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        if (body.length > 0) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** The cache key: the path as sent, and the query's parameters sorted (their order changes nothing). */
    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return request.getRequestURI();
        }
        String[] parameters = query.split("&");
        Arrays.sort(parameters);
        return request.getRequestURI() + "?" + String.join("&", parameters);
    }
}
