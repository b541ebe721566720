package org.shortwave.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
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
 */
@Controller
class SiteErrorController implements ErrorController {

    private final Editions editions;
    private final SitePages pages;

    SiteErrorController(Editions editions, SitePages pages) {
        this.editions = editions;
        this.pages = pages;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = HttpStatus.resolve(
                request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500);
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
        Edition edition = SitePaths.editionOf(editions, request).orElse(null);
        if (edition == null) {
            return new ModelAndView("site/notfound-bare", status);
        }
        if (databaseAway) {
            return new ModelAndView("site/error", Map.of("page", pages.unavailable(edition)), status);
        }
        boolean notFound = status == HttpStatus.NOT_FOUND;
        return new ModelAndView(notFound ? "site/notfound" : "site/error",
                Map.of("page", pages.error(edition, notFound ? "notfound.title" : "error.title")), status);
    }
}
