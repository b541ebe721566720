package org.shortwave.media;

import java.util.List;

/**
 * An upload refused before anything of it was stored. {@code messageKey} names the reason in the interface texts
 * (with {@code args} for its placeholders), {@code field} the form field at fault, and {@code reason} the kind of
 * refusal, which an HTTP endpoint turns into its status ({@code media.web.UploadError#statusOf}).
 */
public class RejectedUploadException extends RuntimeException {

    /** Why an upload was refused. */
    public enum Reason {
        /** A required field is missing or too long. */
        MISSING_OR_INVALID_FIELD,
        /** More bytes or pixels than the limits allow. */
        TOO_LARGE,
        /** Not a type we accept, whatever its name says. */
        UNSUPPORTED_TYPE,
        /** The right type, but truncated, corrupt or unreadable. */
        UNREADABLE
    }

    private final Reason reason;
    private final String field;
    private final String messageKey;
    private final transient List<Object> args;

    public RejectedUploadException(Reason reason, String field, String messageKey, Object... args) {
        super(messageKey + " (" + field + ")");
        this.reason = reason;
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
