package org.shortwave.accounts;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The signed-in newsroom account of the current request, read fresh from the database (roles may have changed). */
@Component
public class CurrentAccount {

    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Where the newsroom's filter leaves the account it read for this request, so it is read once. */
    public static final String REQUEST_ATTRIBUTE = CurrentAccount.class.getName();

    public Optional<Account> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof Account read && read.email().equals(Accounts.normalizeEmail(authentication.getName()))) {
            return Optional.of(read).filter(Account::enabled);
        }
        return accounts.findByEmail(authentication.getName()).filter(Account::enabled);
    }

    public Account require() {
        return get().orElseThrow(() -> new IllegalStateException("no signed-in newsroom account"));
    }
}
