package org.shortwave.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.internal.LoginFailureRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one email (or four times that from one
 * address) within {@link #WINDOW}, further attempts answer 429 without checking the password. Unknown emails count
 * like known ones, so the answer never tells whether an account exists. Failures are kept in the database, so the
 * limit holds across all nodes (a guesser gains nothing by being spread over them); old ones are swept.
 */
class LoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    static final int MAX_FAILURES = Accounts.PASSWORD_FAILURES;
    static final Duration WINDOW = Accounts.PASSWORD_WINDOW;

    private final LoginFailureRepository failures;
    private final Clock clock = Clock.systemUTC();
    private final NewsroomChrome pages;

    LoginThrottle(NewsroomChrome pages, LoginFailureRepository failures) {
        this.pages = pages;
        this.failures = failures;
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
        Instant now = clock.instant();
        failures.add(emailKey(request), now);
        failures.add(addressKey(request), now);
        response.sendRedirect("/admin/login?error");
    }

    /** Sweeps failures out of the window; any node may, the delete is idempotent. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void forgetOld() {
        failures.forget(clock.instant().minus(WINDOW));
    }

    private boolean tooMany(String key, int limit) {
        return failures.count(key, clock.instant().minus(WINDOW), limit) >= limit;
    }

    private static String emailKey(HttpServletRequest request) {
        String email = Accounts.normalizeEmail(request.getParameter("email"));
        return "email:" + (email.length() > 300 ? email.substring(0, 300) : email);
    }

    private static String addressKey(HttpServletRequest request) {
        return "address:" + request.getRemoteAddr();
    }
}
