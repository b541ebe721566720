package org.shortwave.accounts;

/** A user that cannot be created or changed as asked; {@code messageKey} names the reason in the interface texts. */
public class InvalidAccountException extends IllegalArgumentException {

    private final String messageKey;

    public InvalidAccountException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
