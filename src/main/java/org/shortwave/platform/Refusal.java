package org.shortwave.platform;

import java.util.List;

/**
 * A service's refusal of a request: the one refusal type of Shortwave's services. It says why ({@link Kind}), which
 * field of the request is at fault (a path such as {@code mainImage} or {@code body[2].media}, or null for the
 * request as a whole), and a message key of the interface texts with its arguments. It knows no HTTP status and no
 * language: the web layer turns the kind into a status and the key into the page's language.
 */
public class Refusal extends RuntimeException {

    /** Why a request was refused. The web layer maps each kind to one status. */
    public enum Kind {
        /** The request is malformed or a value breaks a rule (422 on forms and the admin API, 400 where documented). */
        INVALID,
        /** A referenced thing does not exist, or is not of the kind the field needs. */
        UNKNOWN_REFERENCE,
        /** The user may not do this, or may not use the referenced thing here (403). */
        NOT_ALLOWED,
        /** The thing the request is about does not exist, or is not the user's to see (404). */
        NOT_FOUND,
        /** The request contradicts the current state: a newer version, a taken slot, a thing in use (409). */
        CONFLICT,
        /** More than the limits allow (413). */
        TOO_LARGE,
        /** Not a type we accept (415). */
        UNSUPPORTED_TYPE,
        /** Too many attempts in a short time (429). */
        TOO_MANY
    }

    private final Kind kind;
    private final String field;
    private final String messageKey;
    private final transient List<Object> args;

    public Refusal(Kind kind, String field, String messageKey, Object... args) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.kind = kind;
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public Kind kind() {
        return kind;
    }

    /** The request's field at fault, as a path ({@code section}, {@code body[2].media}), or null. */
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
