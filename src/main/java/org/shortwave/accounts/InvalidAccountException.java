package org.shortwave.accounts;

import org.shortwave.platform.Refusal;

/** A user or token that cannot be created or changed as asked; the message key names the reason. */
public class InvalidAccountException extends Refusal {

    public InvalidAccountException(String messageKey) {
        super(Kind.INVALID, null, messageKey);
    }

    private InvalidAccountException(Kind kind, String messageKey) {
        super(kind, null, messageKey);
    }

    /** No such account or token (or not one this user may see). */
    public static InvalidAccountException unknown(String messageKey) {
        return new InvalidAccountException(Kind.NOT_FOUND, messageKey);
    }

    /** Too many attempts in a short time (wrong current passwords, counted with sign-in's failures). */
    public static InvalidAccountException tooMany(String messageKey) {
        return new InvalidAccountException(Kind.TOO_MANY, messageKey);
    }
}
