package org.shortwave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the parameters of every request before anything else does, so that a malformed query or form (not UTF-8,
 * more than Tomcat's {@code maxParameterCount}, a NUL) is refused here with a 400 ({@link BadInput}). Tomcat parses them
 * lazily and throws on every later read: from the security chain, a controller or the error page, that was a 500
 * with a stack trace. Multipart bodies are left to Spring's resolver (parsing them here would spool uploads before
 * the caller is known); their failures come back here as {@link BadInput#MULTIPART}. On the error dispatch of a
 * refused request, the parameters and the body are hidden, so that the error page cannot fail the same way.
 */
public class MalformedRequests extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BadInput.of(request).isPresent()) {
            chain.doFilter(new Unreadable(request), response);
            return;
        }
        if (!isMultipart(request) && (request.getQueryString() != null || hasForm(request))) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException e) {
                BadInput.ofParameters(e).refuse(request, response, e);
                return;
            }
            if (holdsNul(parameters)) {
                // Valid UTF-8, but never text: PostgreSQL cannot even compare it (a 500 where a filter used it).
                BadInput.ENCODING.refuse(request, response, new IllegalArgumentException("NUL in a parameter"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean holdsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean hasForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A refused request as its error page sees it: no parameters, no body to parse. */
    private static final class Unreadable extends HttpServletRequestWrapper {

        Unreadable(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}
