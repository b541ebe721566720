package org.shortwave.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.shortwave.platform.web.BadInput;
import org.shortwave.i18n.Messages;
import org.shortwave.media.MediaUploads;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;

/**
 * Multipart bodies are parsed before any controller is chosen, so an upload over
 * {@code spring.servlet.multipart.max-file-size} or {@code max-request-size} (or a broken multipart body) is
 * answered here: a 413 or 400 JSON error for the upload endpoints, instead of a 500 page. A broken multipart body
 * sent anywhere else is refused as {@link BadInput#MULTIPART}: a 400 in the format of its surface.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final Messages messages;
    private final MultipartProperties multipart;

    UploadLimitAdvice(Messages messages, MultipartProperties multipart) {
        this.messages = messages;
        this.multipart = multipart;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<UploadError> multipart(MultipartException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!path.startsWith("/admin/media") && !path.startsWith("/api/admin/v1/media")) {
            BadInput.MULTIPART.refuse(request, response, e);
            return null;
        }
        var texts = messages.forLocale(LocaleContextHolder.getLocale());
        if (e instanceof MaxUploadSizeExceededException) {
            DataSize max = multipart.getMaxRequestSize();
            return UploadError.of(413, "media.upload.too-large",
                    texts.format("media.upload.too-large", MediaUploads.megabytes(max.toBytes())), MediaUploads.FILE);
        }
        BadInput.MULTIPART.count(e);
        return UploadError.of(400, "media.upload.unreadable", texts.get("media.upload.unreadable"), MediaUploads.FILE);
    }
}
