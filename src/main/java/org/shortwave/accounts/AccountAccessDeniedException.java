package org.shortwave.accounts;

/** The actor may not manage this account or its tokens: only admins manage other people's. */
public class AccountAccessDeniedException extends RuntimeException {

    public AccountAccessDeniedException() {
        super("not allowed to manage this account");
    }
}
