package org.shortwave.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.MediaStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Serves media files at {@code /media/ab/abcdef….ext} from the {@link MediaStore}, local or a bucket.
 *
 * <p>Public files (shown by a public article) get a year's {@code immutable} caching: names are content hashes, so
 * a URL always means the same bytes. Restricted files (media of drafts, scheduled, embargoed or unpublished
 * stories) are answered only to signed-in newsroom users who may see an item holding them (an admin, the uploader,
 * or someone with a role in an edition the item belongs to), with {@code private, no-store}; everyone else gets the
 * same 404 as for a file that does not exist. Single byte ranges are answered with 206 (video seeking); several
 * ranges in one request get the whole file. With {@code shortwave.media.s3.public-url} set, a public file is a
 * redirect to the bucket's own address.
 */
@Controller
class MediaController {

    static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final String PRIVATE = "private, no-store";
    /** A redirect to the bucket may change with the configuration: cached for a day, not a year. */
    static final CacheControl REDIRECT = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})\\.[a-z0-9]{2,4}");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int BUFFER = 64 * 1024;

    private final MediaLibrary library;
    private final MediaStore store;
    private final Clock clock;
    private final CurrentAccount current;

    MediaController(MediaLibrary library, Clock clock, CurrentAccount current) {
        this.library = library;
        this.current = current;
        this.store = library.files();
        this.clock = clock;
    }

    @RequestMapping(path = "/media/{dir}/{name}", method = {RequestMethod.GET, RequestMethod.HEAD})
    void serve(@PathVariable String dir, @PathVariable String name, Principal principal, HttpServletRequest request,
            HttpServletResponse response) throws IOException, NoResourceFoundException {
        Matcher file = NAME.matcher(name);
        String key = dir + "/" + name;
        Optional<String> contentType = MediaLibrary.contentTypeOf(name);
        if (!file.matches() || !file.group(1).startsWith(dir) || dir.length() != 2 || contentType.isEmpty()) {
            throw notFound(key);
        }
        Optional<Boolean> isPublic = library.fileIsPublic(key, clock.instant());
        // A restricted file only for a newsroom user who may see an item holding it (docs/media.md).
        boolean mayFetch = isPublic.isPresent() && !isPublic.get() && principal != null
                && library.mayFetch(current.get().orElse(null), key);
        if (isPublic.isEmpty() || (!isPublic.get() && !mayFetch)) {
            throw notFound(key); // restricted looks exactly like missing
        }
        if (isPublic.get()) {
            Optional<URI> direct = store.publicUrl(key);
            if (direct.isPresent()) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, REDIRECT.getHeaderValue());
                response.setHeader(HttpHeaders.LOCATION, direct.get().toString());
                response.setStatus(HttpServletResponse.SC_FOUND);
                return;
            }
        }
        long size = store.size(key).orElseThrow(() -> notFound(key));

        response.setHeader(HttpHeaders.CACHE_CONTROL, isPublic.get() ? PUBLIC.getHeaderValue() : PRIVATE);
        response.setHeader(HttpHeaders.ETAG, "\"" + file.group(1) + "\"");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(contentType.get());
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(file.group(1)) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }

        long start = 0;
        long length = size;
        String range = request.getHeader(HttpHeaders.RANGE);
        Matcher r = range == null ? null : RANGE.matcher(range.strip());
        if (r != null && r.matches() && !(r.group(1).isEmpty() && r.group(2).isEmpty())) {
            long[] span = span(r.group(1), r.group(2), size);
            if (span == null) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                return;
            }
            start = span[0];
            length = span[1] - span[0] + 1;
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + span[0] + "-" + span[1] + "/" + size);
        }
        response.setContentLengthLong(length);
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            return;
        }
        try (InputStream in = store.read(key, start, length)) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** First and last byte of a range ({@code 0-99}, {@code 100-}, {@code -500}), or null if none is in the file. */
    static long[] span(String first, String last, long size) {
        try {
            if (first.isEmpty()) { // the last n bytes
                long n = Long.parseLong(last);
                return n == 0 || size == 0 ? null : new long[] {Math.max(0, size - n), size - 1};
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return from >= size || to < from ? null : new long[] {from, to};
        } catch (NumberFormatException e) { // more digits than a long holds
            return null;
        }
    }

    private static NoResourceFoundException notFound(String key) {
        return new NoResourceFoundException(HttpMethod.GET, "/media/" + key, key);
    }
}
