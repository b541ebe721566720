package org.shortwave.accounts;

import java.time.Instant;

/** One line of the audit log: who ({@code actor}) did what ({@code action}) to which target, when. */
public record AuditEntry(long id, Instant at, Long userId, String actor, String action, String targetType,
        String targetId, String detail) {
}
