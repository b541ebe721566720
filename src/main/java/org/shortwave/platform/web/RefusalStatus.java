package org.shortwave.platform.web;

import org.shortwave.platform.Refusal;
import org.springframework.http.HttpStatus;

/** The one mapping of a service's {@link Refusal} to an HTTP status, shared by every surface's error answers. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal refusal) {
        return of(refusal.kind());
    }

    public static HttpStatus of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID, UNKNOWN_REFERENCE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }
}
