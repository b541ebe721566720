package org.shortwave.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A language site of the service: its URL code ({@code zh-hans}), locale, own name, text direction and time zone.
 */
public record Edition(String code, Locale locale, String name, String siteName, String direction, ZoneId timeZone,
        boolean isDefault) {

    /** The language tag for the {@code lang} attribute, e.g. {@code zh-Hans}, {@code en-GB}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** The publication date in the edition's own format and time zone: {@code 2023年9月14日}, {@code 14 September 2023}. */
    public String formatDate(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(timeZone).format(instant);
    }

    /** The date with time, for the update line and teasers. */
    public String formatDateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(timeZone).format(instant);
    }

    public int year(Instant instant) {
        return instant.atZone(timeZone).getYear();
    }

    public String homePath() {
        return "/" + code + "/";
    }
}
