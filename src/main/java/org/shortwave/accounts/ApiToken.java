package org.shortwave.accounts;

import java.time.Instant;

/** An API token as the newsroom lists it: never the secret, which is shown once at creation and not stored. */
public record ApiToken(long id, long userId, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        Instant revokedAt) {

    /** Live tokens authenticate; revoked and expired ones never do again. */
    public boolean liveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
