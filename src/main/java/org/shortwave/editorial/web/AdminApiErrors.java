package org.shortwave.editorial.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.content.InvalidBodyException;
import org.shortwave.editorial.EditConflictException;
import org.shortwave.i18n.Messages;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The admin API's errors: JSON with the HTTP status, a message, and the field at fault as a path
 * ({@code headline}, {@code body[2]}); a conflict carries the current article so the client loses nothing.
 */
@RestControllerAdvice(assignableTypes = AdminApiController.class)
class AdminApiErrors {

    private static final Pattern BLOCK = Pattern.compile("^block (\\d+): ");
    private static final Pattern FIELD = Pattern.compile("^(slug|section|edition|version)\\b");

    private final Messages messages;

    AdminApiErrors(Messages messages) {
        this.messages = messages;
    }

    /**
     * {@code code} is the message key of a {@link Refusal} (stable for programs; null for the older refusals),
     * {@code message} is for people, in the language the request asked for.
     */
    record ApiError(int status, String error, String code, String message, String field, Object current) {

        static ResponseEntity<ApiError> of(HttpStatus status, String message, String field, Object current) {
            return ResponseEntity.status(status)
                    .body(new ApiError(status.value(), status.getReasonPhrase(), null, message, field, current));
        }
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ApiError> refused(Refusal e) {
        return refusal(e, null);
    }

    /** A stale version: the refusal, with the article as it is now. */
    @ExceptionHandler(EditConflictException.class)
    ResponseEntity<ApiError> conflict(EditConflictException e) {
        return refusal(e, AdminApiController.ArticleResponse.of(e.current()));
    }

    private ResponseEntity<ApiError> refusal(Refusal e, Object current) {
        HttpStatus status = RefusalStatus.of(e);
        String message = messages.forLocale(LocaleContextHolder.getLocale()).format(e.messageKey(), e.args());
        return ResponseEntity.status(status).body(
                new ApiError(status.value(), status.getReasonPhrase(), e.messageKey(), message, e.field(), current));
    }

    @ExceptionHandler(org.shortwave.content.Translations.InvalidLinkException.class)
    ResponseEntity<ApiError> invalidLink(org.shortwave.content.Translations.InvalidLinkException e) {
        return ApiError.of(HttpStatus.CONFLICT, e.getMessage(), "article", null);
    }

    /**
     * A body the parser refused ({@code content.BodyJson}): 400 with the reason's message key as {@code code}, its
     * text in the request's language, and the field as a path ({@code body[2].text}, {@code body[1]}).
     */
    @ExceptionHandler(InvalidBodyException.class)
    ResponseEntity<ApiError> invalidBody(InvalidBodyException e) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String message = messages.forLocale(LocaleContextHolder.getLocale()).format(e.messageKey(), e.args());
        String field = e.field() != null && e.field().startsWith("body") ? e.field() : "body";
        return ResponseEntity.status(status).body(
                new ApiError(status.value(), status.getReasonPhrase(), e.messageKey(), message, field, null));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalid(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid request" : e.getMessage();
        Matcher block = BLOCK.matcher(message);
        if (e instanceof InvalidBodyException || block.find()) {
            String field = block.reset().find() ? "body[" + (Integer.parseInt(block.group(1)) - 1) + "]" : "body";
            return ApiError.of(HttpStatus.BAD_REQUEST, message, field, null);
        }
        if (e instanceof org.shortwave.content.InvalidContentException content) {
            return ApiError.of(HttpStatus.BAD_REQUEST, message, content.field(), null);
        }
        Matcher field = FIELD.matcher(message); // the request's own checks (section, edition, version)
        return ApiError.of(HttpStatus.BAD_REQUEST, message, field.find() ? field.group(1) : null, null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> reference(DataIntegrityViolationException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST,
                "a reference does not exist (edition, section, author, topic or media)", null, null);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "the request is not valid JSON of the documented shape", null, null);
    }
}
