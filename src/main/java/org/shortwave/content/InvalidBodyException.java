package org.shortwave.content;

import java.util.List;

/**
 * An article body that cannot be stored as it is: an unknown block type, a missing field, text too long. The
 * message is English, for logs and tests; {@link #messageKey} and {@link #args} are the interface text a client or
 * an editor is shown, and {@link #field} the field at fault as a path ({@code body[2].text}, {@code body[4].items[1]},
 * {@code body[1]} for a block as a whole) once {@link BodyJson} has placed it in the body.
 */
public class InvalidBodyException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final transient List<Object> args;

    /** A refusal of the body as a whole, with the generic text {@code body.invalid}. */
    public InvalidBodyException(String message) {
        this(message, null, "body.invalid");
    }

    /**
     * @param field the field within its block ({@code text}, {@code items[1]}), or null for the block as a whole
     * @param messageKey the interface text saying why, with {@code args}
     */
    public InvalidBodyException(String message, String field, String messageKey, Object... args) {
        super(message);
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** The field at fault, as a path (see the class comment), or null. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    /** This refusal about a field of {@code block}: its path put under the block's ({@code body[2]} + {@code text}). */
    InvalidBodyException in(String block, String messagePrefix) {
        InvalidBodyException placed = new InvalidBodyException(messagePrefix + getMessage(),
                field == null ? block : block + "." + field, messageKey, args.toArray());
        placed.setStackTrace(getStackTrace());
        return placed;
    }

    /** This refusal as one of {@code field}, unless it already names a field. */
    InvalidBodyException at(String field) {
        if (this.field != null) {
            return this;
        }
        InvalidBodyException placed = new InvalidBodyException(getMessage(), field, messageKey, args.toArray());
        placed.setStackTrace(getStackTrace());
        return placed;
    }
}
