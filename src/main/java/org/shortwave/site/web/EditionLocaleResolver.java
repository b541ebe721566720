package org.shortwave.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a response is the edition's in the path ({@code /zh-hans/...}), else the one the reader's
 * browser prefers among our editions. Spring MVC sets it on every rendered page (the {@code Content-Language}
 * header).
 */
@Component("localeResolver")
class EditionLocaleResolver implements LocaleResolver {

    private final Editions editions;

    EditionLocaleResolver(Editions editions) {
        this.editions = editions;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        // With no edition at all (a fresh install without demo content), the newsroom speaks English.
        return SitePaths.editionOf(editions, request).map(Edition::locale).orElse(Locale.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the edition in the path decides the language");
    }
}
