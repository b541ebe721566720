package org.shortwave.content;

/** An article body that cannot be stored as it is: an unknown block type, a missing field, text too long. */
public class InvalidBodyException extends IllegalArgumentException {

    public InvalidBodyException(String message) {
        super(message);
    }
}
