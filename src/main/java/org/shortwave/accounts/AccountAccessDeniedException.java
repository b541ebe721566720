package org.shortwave.accounts;

import org.shortwave.platform.Refusal;

/** The actor may not manage this account or its tokens: only admins manage other people's. */
public class AccountAccessDeniedException extends Refusal {

    public AccountAccessDeniedException() {
        super(Kind.NOT_ALLOWED, null, "admin.users.not-allowed");
    }
}
