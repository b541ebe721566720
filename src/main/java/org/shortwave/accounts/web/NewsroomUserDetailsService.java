package org.shortwave.accounts.web;

import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.internal.AccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads newsroom users by email for Spring Security's sign-in. */
@Component
class NewsroomUserDetailsService implements UserDetailsService {

    private final AccountRepository repository;

    NewsroomUserDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return repository.credentials(Accounts.normalizeEmail(email))
                .map(c -> new NewsroomUser(c.account(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
