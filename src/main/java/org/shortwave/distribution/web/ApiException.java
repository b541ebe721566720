package org.shortwave.distribution.web;

import org.springframework.http.HttpStatus;

/** A request the content API refuses, with the parameter at fault (or null); answered as {@link ApiError}. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    ApiException(HttpStatus status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiException notFound(String message, String field) {
        return new ApiException(HttpStatus.NOT_FOUND, message, field);
    }

    static ApiException badRequest(String message, String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, field);
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}
