package org.shortwave.analytics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.shortwave.analytics.PageViews;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page-view beacon, {@code /api/beacon?a=<article id>}: POSTed by /assets/beacon.js (navigator.sendBeacon), or
 * fetched as a 1x1 image from a noscript fallback. It answers the same whatever it is sent (so it tells nobody
 * anything), is never cached (so it reaches us through a CDN), and sets no cookie.
 */
@RestController
class BeaconController {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final PageViews views;

    BeaconController(PageViews views) {
        this.views = views;
    }

    @PostMapping("/api/beacon")
    ResponseEntity<Void> beacon(@RequestParam(name = "a", required = false) String article, HttpServletRequest request) {
        count(article, request);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/api/beacon")
    ResponseEntity<byte[]> pixel(@RequestParam(name = "a", required = false) String article, HttpServletRequest request) {
        count(article, request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
    }

    private void count(String article, HttpServletRequest request) {
        if (article != null && ID.matcher(article).matches()) {
            views.record(Long.parseLong(article), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        }
    }
}
