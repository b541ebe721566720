package org.shortwave.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.shortwave.i18n.Texts;

/**
 * What every newsroom page carries: the interface texts in the user's language, the signed-in account (null on
 * the sign-in page), and the CSRF field that every form must post back.
 */
public record AdminChrome(Texts texts, String title, Account user, String csrfParameter, String csrfToken,
        String stylesheet, java.util.function.UnaryOperator<String> assets) {

    /** The fingerprinted URL of a static asset, e.g. {@code /assets/editor/editor.js} (the path itself if unknown). */
    public String asset(String path) {
        String url = assets == null ? null : assets.apply(path);
        return url == null ? path : url;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, Object... args) {
        return texts.format(key, args);
    }

    /** A time as the newsroom shows it: in UTC, the one clock the editions' desks share. */
    public String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * A time for a {@code datetime} attribute: whole seconds in UTC ({@code 2026-12-03T18:59:12Z}); HTML allows at
     * most three fractional digits, and an {@code Instant}'s own text can have six or nine.
     */
    public String datetime(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** {@code rtl} when the newsroom speaks a right-to-left language (ICU's script data decides). */
    public String direction() {
        return com.ibm.icu.util.ULocale.forLocale(texts.locale()).isRightToLeft() ? "rtl" : "ltr";
    }

    public String languageTag() {
        return texts.locale().toLanguageTag();
    }
}
