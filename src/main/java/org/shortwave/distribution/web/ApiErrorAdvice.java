package org.shortwave.distribution.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the content API as JSON ({@link ApiError}), never an HTML page or a stack trace. */
@RestControllerAdvice(assignableTypes = ContentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        ResponseEntity<ApiError> response = body(e.status(), e.getMessage(), e.field());
        return e.status() == HttpStatus.METHOD_NOT_ALLOWED
                ? ResponseEntity.status(e.status()).headers(response.getHeaders()).header("Allow", "GET, HEAD")
                        .body(response.getBody())
                : response;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> malformed(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' is malformed", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "'" + e.getParameterName() + "' is required", e.getParameterName());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception e) {
        log.error("content API request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "the request could not be completed", null);
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message, String field) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(status, message, field));
    }
}
