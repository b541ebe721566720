package org.shortwave.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.shortwave.platform.PublicUrl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second line behind the CSRF token: a state-changing request to the newsroom whose {@code Origin} is another
 * site (or the opaque {@code null} of sandboxed frames and some redirects) is refused with 403 before anything
 * runs, token or not. Browsers send {@code Origin} on every POST; a request without one (curl, a script) is left to
 * the CSRF token alone. Our own origin is the request's own host or the configured public URL (behind a proxy).
 */
class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final PublicUrl publicUrl;

    SameOriginFilter(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod()) && !isOwn(origin, request)) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-origin request refused");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isOwn(String origin, HttpServletRequest request) {
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals(publicUrl.origin().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String host = request.getHeader("Host");
        return host != null && normalized.equals((request.getScheme() + "://" + host).toLowerCase(Locale.ROOT));
    }
}
