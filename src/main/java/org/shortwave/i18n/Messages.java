package org.shortwave.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The site's interface texts, one bundle per language in {@code i18n/messages_*.properties} (UTF-8).
 *
 * <p>There is deliberately no root bundle: a key missing for a language is an error, never an English fallback on
 * a Chinese page. {@code MessagesCompletenessTest} keeps the bundles in step.
 */
@Component
public class Messages {

    static final String BASE_NAME = "i18n.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Map<Locale, Texts> cache = new ConcurrentHashMap<>();

    public Texts forLocale(Locale locale) {
        return cache.computeIfAbsent(locale, l -> new Texts(l, ResourceBundle.getBundle(BASE_NAME, l, NO_FALLBACK)));
    }

    /** Whether the interface has texts in this locale's language (and script): an edition needs them. */
    public boolean hasTexts(Locale locale) {
        try {
            forLocale(locale);
            return true;
        } catch (java.util.MissingResourceException none) {
            return false;
        }
    }

    public Texts forEdition(Edition edition) {
        return forLocale(edition.locale());
    }
}
