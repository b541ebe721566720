package org.shortwave.media.web;

import java.util.List;
import org.shortwave.i18n.Texts;
import org.shortwave.media.RejectedUploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A refused upload as JSON: {@code status} and {@code error} (the HTTP status and its phrase), {@code code} (the
 * message key, stable for programs), {@code message} (for people, in their language) and {@code field} (the form
 * field at fault).
 */
record UploadError(int status, String error, String code, String message, String field) {

    static ResponseEntity<UploadError> of(RejectedUploadException e, Texts texts) {
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof List<?> list) {
                args[i] = String.join(texts.get("list.separator"), list.stream().map(String::valueOf).toList());
            }
        }
        return of(statusOf(e.reason()).value(), e.messageKey(), texts.format(e.messageKey(), args), e.field());
    }

    /** The HTTP status that says why an upload was refused. */
    static HttpStatus statusOf(RejectedUploadException.Reason reason) {
        return switch (reason) {
            case MISSING_OR_INVALID_FIELD -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNREADABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static ResponseEntity<UploadError> of(int status, String code, String message, String field) {
        HttpStatus http = HttpStatus.valueOf(status);
        return ResponseEntity.status(http).body(new UploadError(status, http.getReasonPhrase(), code, message, field));
    }
}
