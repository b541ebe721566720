package org.shortwave.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.accounts.Accounts;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one email (or four times that from one
 * address) within {@link #WINDOW}, further attempts answer 429 without checking the password. Unknown emails count
 * like known ones, so the answer never tells whether an account exists. Counts live in memory on each node.
 */
class LoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final NewsroomChrome pages;

    LoginThrottle(NewsroomChrome pages) {
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/admin/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tooMany(emailKey(request), MAX_FAILURES) || tooMany(addressKey(request), MAX_FAILURES * 4)) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
            pages.renderLogin(request, response, "admin.login.throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        count(emailKey(request));
        count(addressKey(request));
        response.sendRedirect("/admin/login?error");
    }

    private boolean tooMany(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= limit;
        }
    }

    private void count(String key) {
        if (failures.size() > MAX_TRACKED) {
            // Bounded memory: forget what is out of the window. Never forget live counts, or a flood of made-up
            // emails would reset the throttle; if that is not enough, stop tracking new emails (addresses still count).
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times);
                    return times.isEmpty();
                }
            });
            if (failures.size() > MAX_TRACKED && !failures.containsKey(key) && key.startsWith("email:")) {
                return;
            }
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }

    private static String emailKey(HttpServletRequest request) {
        return "email:" + Accounts.normalizeEmail(request.getParameter("email"));
    }

    private static String addressKey(HttpServletRequest request) {
        return "address:" + request.getRemoteAddr();
    }
}
