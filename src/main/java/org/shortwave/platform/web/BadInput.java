package org.shortwave.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.Optional;
import org.shortwave.platform.FloodLog;
import org.slf4j.LoggerFactory;

/**
 * Requests that cannot be read at all: parameters that are not UTF-8, too many parameters, a broken multipart
 * body, JSON of the wrong shape. Each is the client's fault, so it gets a 400 in its surface's format (the error
 * page, {@code SiteErrorController}, reads {@link #of}) and at most one log line per kind and minute, never a stack
 * trace: an anonymous loop must neither fill the disk nor bury real errors.
 */
public enum BadInput {

    ENCODING("request.malformed.encoding"),
    TOO_MANY_PARAMETERS("request.malformed.too-many"),
    MULTIPART("request.malformed.multipart"),
    JSON("request.malformed.json");

    /** The request attribute that tells the error page which refusal this is. */
    public static final String ATTRIBUTE = BadInput.class.getName();
    /** At most one log line per kind in this interval. */
    public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final String messageKey;
    private final FloodLog log;

    BadInput(String messageKey) {
        this.messageKey = messageKey;
        this.log = new FloodLog(LoggerFactory.getLogger(BadInput.class), "requests refused with 400 ("
                + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", Duration.ofMinutes(1));
    }

    /** The message key of the interface texts that says what is wrong. */
    public String messageKey() {
        return messageKey;
    }

    /** Counts the refusal for the log; the failure's own text is the client's and is not logged. */
    public void count(Throwable failure) {
        log.report(failure.getClass().getName());
    }

    /** Counts the refusal and answers 400 through the error page, which renders it in the surface's format. */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        count(failure);
        request.setAttribute(ATTRIBUTE, this);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    public static Optional<BadInput> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof BadInput kind ? Optional.of(kind) : Optional.empty();
    }

    /**
     * Tomcat's parameter failure ({@code InvalidParameterException}): a decoding failure carries its cause; the
     * other one it throws (no cause) is for more than {@code maxParameterCount} parameters.
     */
    static BadInput ofParameters(IllegalStateException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException || cause instanceof IllegalArgumentException) {
                return ENCODING;
            }
        }
        return failure.getCause() == null ? TOO_MANY_PARAMETERS : ENCODING;
    }
}
