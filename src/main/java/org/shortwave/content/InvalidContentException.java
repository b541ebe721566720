package org.shortwave.content;

/**
 * An article field that cannot be stored as it is: empty where it is required, too long, or a slug that is not one.
 * The message is English, for logs and the admin API; {@link #field} names the field ({@code headline}, {@code slug},
 * {@code lead}, {@code dateline}, {@code copyright}), so that a page can say it in its own language on that field.
 */
public class InvalidContentException extends IllegalArgumentException {

    private final String field;

    public InvalidContentException(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
