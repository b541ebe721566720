package org.shortwave;

import java.util.UUID;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;

/** Newsroom accounts for tests: a fresh email each time, the one test password, a role in some editions. */
public final class NewsroomUsers {

    public static final String PASSWORD = "harbour lights at dusk";

    private NewsroomUsers() {
    }

    /** A new account with {@code role} in each of {@code editions}, read back so that it carries its rights. */
    public static Account withRole(Accounts accounts, String prefix, String name, Role role, String... editions) {
        Account account = accounts.create(null, prefix + "-" + UUID.randomUUID() + "@example.org", name, PASSWORD,
                false);
        for (String edition : editions) {
            accounts.grant(null, account.id(), edition, role);
        }
        return accounts.find(account.id()).orElseThrow();
    }
}
