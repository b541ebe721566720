package org.shortwave.accounts;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in newsroom account of the current request, read fresh from the database (roles may have changed). */
@Component
public class CurrentAccount {

    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return accounts.findByEmail(authentication.getName()).filter(Account::enabled);
    }

    public Account require() {
        return get().orElseThrow(() -> new IllegalStateException("no signed-in newsroom account"));
    }
}
