package org.shortwave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every response, of every kind (pages, feeds, media, APIs, errors, the newsroom): the
 * Content-Security-Policy lets nothing load from elsewhere (readers behind censors cannot reach third parties, and
 * third parties must not see our readers) and runs no inline script; nothing is sniffed, framed, or told where a
 * reader came from beyond our origin; HSTS when the request came over HTTPS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before Spring Security, so that its own answers (401, 403) carry them too
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** Sent over HTTPS only: a plain-HTTP answer cannot tell a browser anything trustworthy. */
    public static final String HSTS = "Strict-Transport-Security";
    public static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self'; media-src 'self'; "
            + "style-src 'self'; script-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * The newsroom's: the same, but its upload dialog may show the chosen photo before it is sent, from a
     * {@code blob:} address that only a script of this origin can make (the file never leaves the browser for it).
     */
    static final String NEWSROOM_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("img-src 'self';",
            "img-src 'self' blob:;");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        set(response, request.isSecure(), request.getRequestURI().startsWith("/admin/")
                ? NEWSROOM_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        chain.doFilter(request, response);
    }

    /** The headers, for answers made outside the filter chain too (Tomcat's own, {@link TomcatErrorReports}). */
    static void set(HttpServletResponse response, boolean secure) {
        set(response, secure, CONTENT_SECURITY_POLICY);
    }

    private static void set(HttpServletResponse response, boolean secure, String contentSecurityPolicy) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (secure) {
            response.setHeader(HSTS, HSTS_VALUE);
        }
    }
}
