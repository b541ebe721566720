package org.shortwave.accounts;

import java.util.Locale;

/** A newsroom role in one edition. Admins hold every right in every edition and manage users. */
public enum Role {
    /** Writes drafts and submits their own for review. */
    CONTRIBUTOR,
    /** Reviews, publishes, schedules and unpublishes in the edition. */
    EDITOR;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }
}
