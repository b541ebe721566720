package org.shortwave.distribution.web;

import org.springframework.http.HttpStatus;

/** The body of every content API error: {@code {"status":404,"error":"Not Found","message":"...","field":"id"}}. */
record ApiError(int status, String error, String message, String field) {

    static ApiError of(HttpStatus status, String message, String field) {
        return new ApiError(status.value(), status.getReasonPhrase(), message, field);
    }
}
