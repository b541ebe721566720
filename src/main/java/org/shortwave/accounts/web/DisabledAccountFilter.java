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
 * Ends the session of an account that was disabled, on whichever node the session lives. Disabling also expires
 * the sessions this node knows of at once (the session registry is per node); this check, one indexed read per
 * newsroom request, covers the others: the next request of a disabled user on any node is sent to sign in. The
 * account read here is the one {@link CurrentAccount} then hands the controllers, so it is read once per request.
 */
class DisabledAccountFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    DisabledAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof NewsroomUser)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Account> account;
        try {
            account = accounts.findByEmail(authentication.getName()).filter(Account::enabled);
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
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/admin/login?expired");
            return;
        }
        request.setAttribute(CurrentAccount.REQUEST_ATTRIBUTE, account.get()); // the controllers' read, done here
        chain.doFilter(request, response);
    }
}
