package org.shortwave.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.site.SitePages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every address without a page gets the 404 page in the language of the edition it names, or else the language
 * the reader's browser prefers. Never a stack trace, never a 500.
 */
@ControllerAdvice
class NotFoundAdvice {

    private final Editions editions;
    private final SitePages pages;

    NotFoundAdvice(Editions editions, SitePages pages) {
        this.editions = editions;
        this.pages = pages;
    }

    @ExceptionHandler({PageNotFoundException.class, NoHandlerFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        Edition edition = SitePaths.editionOf(editions, request).orElse(null);
        if (edition == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return new ModelAndView("site/notfound-bare", HttpStatus.NOT_FOUND);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, SitePaths.PAGE_CACHE.getHeaderValue());
        return new ModelAndView("site/notfound", Map.of("page", pages.error(edition, "notfound.title")),
                HttpStatus.NOT_FOUND);
    }
}
