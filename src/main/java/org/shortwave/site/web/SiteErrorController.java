package org.shortwave.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.i18n.Messages;
import org.shortwave.i18n.Texts;
import org.shortwave.platform.web.BadInput;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.DatabaseOutage;
import org.shortwave.site.SitePages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for every error the site answers with (a wrong method, a failure): short, localized like the page the
 * reader asked for, with no detail of the failure. Replaces Spring Boot's default JSON or white-label answer.
 * Under {@code /api/} the answer is JSON in the APIs' error shape, and under {@code /admin/} the newsroom's own
 * page; a request refused as unreadable ({@link BadInput}) says so on each.
 */
@Controller
class SiteErrorController implements ErrorController {

    private final Editions editions;
    private final SitePages pages;
    private final Messages messages;
    private final NewsroomChrome newsroom;
    private final JsonMapper json;

    SiteErrorController(Editions editions, SitePages pages, Messages messages, NewsroomChrome newsroom,
            JsonMapper json) {
        this.editions = editions;
        this.pages = pages;
        this.messages = messages;
        this.newsroom = newsroom;
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Asked for directly (GET /error), there is no error: nothing is here.
        HttpStatus status = HttpStatus.resolve(
                request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // A 503 comes from platform.web.UnavailableAnswers, which caught a database failure before it got here.
        boolean databaseAway = status == HttpStatus.SERVICE_UNAVAILABLE
                || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.isCause(failure);
        if (databaseAway) {
            // Not a fault of this page: the database is away for now, and the reader (or a CDN) may come back.
            status = HttpStatus.SERVICE_UNAVAILABLE;
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<BadInput> badInput = BadInput.of(request);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "";
        if (path.startsWith("/api/")) {
            writeJson(response, status, databaseAway ? null : badInput.map(BadInput::messageKey).orElse(null));
            return null;
        }
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            String key = databaseAway ? "editor.unavailable.other"
                    : badInput.map(BadInput::messageKey).orElse(status == HttpStatus.NOT_FOUND ? "notfound.text"
                            : status.is4xxClientError() ? "request.refused" : "error.text");
            return new ModelAndView("admin/problem", Map.of("chrome",
                    newsroom.chrome(request, "editor.problem.title", null), "messageKey", key), status);
        }
        Edition edition = SitePaths.editionOf(editions, request).orElse(null);
        if (edition == null) {
            return new ModelAndView("site/notfound-bare", status);
        }
        if (databaseAway) {
            return new ModelAndView("site/error", Map.of("page", pages.unavailable(edition)), status);
        }
        if (badInput.isPresent()) {
            return new ModelAndView("site/bad-request", Map.of("page", pages.error(edition, "error.bad-request.title"),
                    "messageKey", badInput.get().messageKey()), status);
        }
        boolean notFound = status == HttpStatus.NOT_FOUND;
        return new ModelAndView(notFound ? "site/notfound" : "site/error",
                Map.of("page", pages.error(edition, notFound ? "notfound.title" : "error.title")), status);
    }

    /** The APIs' error shape: status, error, code (a message key, or null), message (localized), field. */
    private void writeJson(HttpServletResponse response, HttpStatus status, String code) throws IOException {
        Texts texts = messages.forLocale(LocaleContextHolder.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("code", code);
        body.put("message", texts.get(code != null ? code : status.is4xxClientError() ? "request.refused" : "error.text"));
        body.put("field", null);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
