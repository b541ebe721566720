package org.shortwave.accounts;

import java.util.Map;
import java.util.Optional;

/** A newsroom user as the rest of Shortwave sees it (never with the password hash). */
public record Account(long id, String email, String displayName, boolean admin, boolean enabled,
        Map<String, Role> roles) {

    public Account {
        roles = Map.copyOf(roles);
    }

    /** The role held in an edition, if any (admins hold every right regardless). */
    public Optional<Role> roleIn(String editionCode) {
        return Optional.ofNullable(roles.get(editionCode));
    }
}
