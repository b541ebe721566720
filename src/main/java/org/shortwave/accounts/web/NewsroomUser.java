package org.shortwave.accounts.web;

import java.util.ArrayList;
import java.util.List;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring Security's user, carrying the account it was made from. */
class NewsroomUser extends User {

    private final transient Account account;
    /** Which password this session signed in with (a digest, never the hash): a new password ends the session. */
    private final String passwordStamp;

    NewsroomUser(Account account, String passwordHash) {
        super(account.email(), passwordHash, account.enabled(), true, true, true, authorities(account));
        this.account = account;
        this.passwordStamp = Accounts.passwordStamp(passwordHash);
    }

    String passwordStamp() {
        return passwordStamp;
    }

    Account account() {
        return account;
    }

    private static List<GrantedAuthority> authorities(Account account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_NEWSROOM"));
        if (account.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        account.roles().forEach((edition, role) ->
                authorities.add(new SimpleGrantedAuthority("EDITION_" + edition + "_" + role.name())));
        return authorities;
    }
}
