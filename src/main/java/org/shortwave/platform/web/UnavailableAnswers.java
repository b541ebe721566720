package org.shortwave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.shortwave.platform.DatabaseOutage;
import org.shortwave.platform.FloodLog;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A reader's request that failed because the database is away or every render turn is taken
 * ({@link DatabaseOutage#isCause}) is answered 503 with Retry-After here, and the error page says so from memory.
 * The log gets one line for all such answers in ten seconds ({@link FloodLog}), not a stack trace each.
 */
public class UnavailableAnswers extends OncePerRequestFilter {

    private final FloodLog flood = new FloodLog(LoggerFactory.getLogger(UnavailableAnswers.class),
            "Reader requests answered 503", Duration.ofSeconds(10));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The newsroom keeps an editor's text through an outage itself (ArticleEditorErrors).
        return PublicPaths.isNewsroom(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            flood.report(failure);
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
