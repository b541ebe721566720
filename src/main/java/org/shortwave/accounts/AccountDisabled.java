package org.shortwave.accounts;

/** Event: an account was disabled; its sessions must end. */
public record AccountDisabled(long accountId, String email) {
}
