package org.shortwave.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.platform.DatabaseOutage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account that was disabled, or whose password changed since the session signed in, on
 * whichever node the session lives. Disabling also expires the sessions this node knows of at once (the session
 * registry is per node); this check, one indexed read per newsroom request, covers the others: the next request of
 * such a session on any node is sent to sign in (the user who changed their own password keeps the session they
 * changed it in: {@code UsersController} signs it in again with the new password). The
 * account read here is the one {@link CurrentAccount} then hands the controllers, so it is read once per request.
 */
class SessionAccountFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    SessionAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof NewsroomUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Account> account;
        try {
            account = accounts.sessionAccount(authentication.getName(), user.passwordStamp());
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            // The database is away: nothing this request asks can be done anyway, and the controllers answer it
            // with a clear error (keeping an editor's text), which needs the session this check would end.
            chain.doFilter(request, response);
            return;
        }
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (new NewsroomJson().matches(request)) {
                NewsroomJson.answer(response, HttpServletResponse.SC_UNAUTHORIZED, "signed-out", false);
                return;
            }
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/admin/login?expired");
            return;
        }
        request.setAttribute(CurrentAccount.REQUEST_ATTRIBUTE, account.get()); // the controllers' read, done here
        chain.doFilter(request, response);
    }
}
